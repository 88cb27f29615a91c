// When a snapshot is due: after a quiet moment, after enough records, at the latest after a while,
// and not again too soon after one failed. On fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleSnapshots, type SnapshotPolicy } from '../../server/store/snapshotPolicy.ts';

const POLICY: SnapshotPolicy = { everyRecords: 100, idleMs: 50, maxAgeMs: 1_000, retryMs: 300 };

describe('snapshot policy', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('takes one after a quiet moment, not while changes keep coming', () => {
    const run = vi.fn();
    const scheduler = scheduleSnapshots(POLICY, run);
    for (let i = 1; i <= 10; i += 1) {
      scheduler.changed(i);
      vi.advanceTimersByTime(40);
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('takes one after everyRecords records, in the next turn rather than inside the commit', () => {
    const run = vi.fn();
    const scheduler = scheduleSnapshots(POLICY, run);
    scheduler.changed(100);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersToNextTimer();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('takes no second one when a snapshot finishes between the commit that made one due and its turn', () => {
    const run = vi.fn();
    const scheduler = scheduleSnapshots(POLICY, run);
    scheduler.changed(150); // a commit while a snapshot is being written: still 150 records not in db.json
    scheduler.changed(2); // that snapshot finishes in the same round of I/O: 2 records are left
    vi.advanceTimersByTime(1); // the turn the first call asked for
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(POLICY.idleMs);
    expect(run).toHaveBeenCalledTimes(1); // the 2 left wait for a quiet moment, as any other change
  });

  it('takes one at maxAgeMs after a change even if it is never quiet', () => {
    const run = vi.fn();
    const scheduler = scheduleSnapshots(POLICY, run);
    for (let elapsed = 0; elapsed < 1_000; elapsed += 20) {
      scheduler.changed(1 + elapsed / 20);
      vi.advanceTimersByTime(20);
    }
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('waits retryMs after a failure, however many records come in, then tries again by itself', () => {
    const run = vi.fn();
    const scheduler = scheduleSnapshots(POLICY, run);
    scheduler.failed();
    scheduler.changed(500);
    vi.advanceTimersByTime(299);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('does nothing once stopped, or without changes', () => {
    const run = vi.fn();
    const scheduler = scheduleSnapshots(POLICY, run);
    scheduler.changed(0);
    vi.advanceTimersByTime(2_000);
    scheduler.changed(5);
    scheduler.stop();
    scheduler.changed(500);
    vi.advanceTimersByTime(2_000);
    expect(run).not.toHaveBeenCalled();
  });
});
