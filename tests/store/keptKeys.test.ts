// The applied keys are kept KEEP_ACTION_IDS_MS at least, longer than any phone or tablet resends
// (RESEND_FOR_MS), and then dropped: a resend in time is answered, not applied again, and the keys
// a long-running server holds stay bounded. On a real file store, through restarts, with a clock
// the test moves by hours.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEEP_ACTION_IDS_MS, RESEND_FOR_MS } from '../../shared/protocol.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import { KeptKeys } from '../../server/store/record.ts';
import { seeded, tempDir } from '../helpers.ts';
import { boothCreated } from './events.ts';
import { quiet } from './fixtures.ts';

const MINUTE_MS = 60_000;

describe('the applied keys', () => {
  it('outlive the time any client resends, by a margin', () => {
    expect(KEEP_ACTION_IDS_MS).toBeGreaterThanOrEqual(2 * RESEND_FOR_MS);
  });

  it('are each kept KEEP_ACTION_IDS_MS at least and dropped by twice that, whenever in a span they came', () => {
    const random = seeded(21);
    const GAP_MS = 30 * MINUTE_MS; // the spans are counted when a key is looked up or added
    let now = 0;
    const keys = new KeptKeys(new Set(), () => now);
    const added: { key: string; at: number }[] = [];
    const wrong: string[] = [];
    for (let i = 0; i < 1_000; i++) {
      now += Math.floor(random() * GAP_MS); // days of actions, minutes apart
      const key = `action-${i}`;
      keys.add(key);
      added.push({ key, at: now });
      for (const { key: old, at } of added) {
        const kept = keys.has(old);
        if (now - at < KEEP_ACTION_IDS_MS && !kept) wrong.push(`${old} dropped after ${(now - at) / MINUTE_MS} min`);
        if (now - at > 2 * KEEP_ACTION_IDS_MS + GAP_MS && kept) wrong.push(`${old} still kept after ${(now - at) / MINUTE_MS} min`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(now).toBeGreaterThan(10 * KEEP_ACTION_IDS_MS); // many spans went by
    expect(keys.size).toBeLessThan(added.length / 3); // bounded: the old ones are gone
    expect([...keys].length).toBe(keys.size);
    expect(keys.list()).toEqual([...keys]); // what a snapshot copies
  });

  it('answer a resend in time after a restart, and leave db.json once their time is over', async () => {
    const dir = tempDir();
    let now = Date.parse('2026-05-14T08:00:00Z');
    const clock = () => now;
    const first = await openFileStore(dir, { log: quiet, now: clock });
    await first.commit({ key: 'action-morning', events: [boothCreated('b1')] });
    now += KEEP_ACTION_IDS_MS - MINUTE_MS;
    expect(first.applied('action-morning')).toBe(true);
    await first.close();

    const second = await openFileStore(dir, { log: quiet, now: clock }); // a restart keeps what db.json holds
    expect(second.applied('action-morning')).toBe(true);
    await second.commit({ key: 'action-evening', events: [boothCreated('b2', 'K7MX-P3QS')] });
    now += 2 * KEEP_ACTION_IDS_MS + MINUTE_MS;
    expect(second.applied('action-morning')).toBe(false);
    expect(second.applied('action-evening')).toBe(false);
    await second.scrub(); // a snapshot now: the dropped keys are not written
    const db = JSON.parse(fs.readFileSync(path.join(dir, 'db.json'), 'utf8')) as { applied: { keys: string[] } };
    expect(db.applied.keys).toEqual([]);
    expect([...second.state.booths.keys()]).toEqual(['b1', 'b2']); // the fair itself is untouched
    await second.close();
  });
});
