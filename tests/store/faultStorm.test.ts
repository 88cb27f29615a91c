// Many commits while writes, syncs and renames fail at random (journal and snapshot alike): at the
// end every commit that resolved is on disk exactly once, none that was refused is, and memory
// equals a fresh start. Seeded, so a failure replays the same way.
import { describe, expect, it } from 'vitest';
import { openFileStore } from '../../server/store/fileStore.ts';
import { StorageError } from '../../server/store/store.ts';
import { boothCreated } from './events.ts';
import { FaultyIo } from './faultyIo.ts';
import { seeded } from '../helpers.ts';
import { copyFolder, quiet, reopened, tempDir } from './fixtures.ts';

const ROUNDS = 60;
const FAULT_CHANCE = 0.06;
/** Three seeds in `npm test`; STORM_SEEDS=200 runs seeds 1–200 when hunting a rare interleaving. */
const SEEDS = Array.from({ length: Number(process.env.STORM_SEEDS ?? 3) }, (_, i) => i + 1);

describe('file store: a storm of disk faults', () => {
  it.each(SEEDS)('seed %i: no false acknowledgement, no refused action kept, memory equals disk', async (seed) => {
    const random = seeded(seed);
    const dir = tempDir();
    const io = new FaultyIo(random);
    for (const op of ['write', 'datasync', 'rename'] as const) {
      io.inject({ op, code: 'ENOSPC', chance: FAULT_CHANCE / 2 });
      io.inject({ op, code: 'EIO', chance: FAULT_CHANCE / 2 });
    }
    const store = await openFileStore(dir, { io, log: quiet, retryAfterFailureMs: 1, snapshot: { everyRecords: 7, idleMs: 2, retryMs: 5 } });

    const acked: number[] = [];
    const refused: number[] = [];
    const commit = (n: number): Promise<void> =>
      store.commit({ events: [boothCreated(`b${n}`)], key: `action-${n}` }).then(
        () => void acked.push(n),
        (error: unknown) => {
          expect(error).toBeInstanceOf(StorageError);
          refused.push(n);
        },
      );
    let n = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const burst: Promise<void>[] = [];
      for (let i = Math.floor(random() * 6); i >= 0; i -= 1) {
        burst.push(commit((n += 1)));
        if (random() < 0.3) await new Promise((resolve) => setImmediate(resolve)); // some land behind a batch in flight
      }
      await Promise.all(burst);
      if (random() < 0.3) await new Promise((resolve) => setTimeout(resolve, random() * 10));
    }
    expect(acked.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0); // or the storm tested nothing
    expect(io.calls.some((call) => call.op === 'rename' && call.file === 'journal.jsonl')).toBe(true); // rotations were tried
    expect(io.calls.some((call) => call.op === 'rename' && call.file === '.db.json.tmp')).toBe(true); // and snapshots

    // The disk is fixed: commits are taken again once the store has reloaded and waited.
    io.clear();
    const deadline = Date.now() + 5_000;
    while (!acked.includes(n) && Date.now() < deadline) {
      await commit((n += 1));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(acked).toContain(n);
    await io.settled();
    const fresh = await reopened(copyFolder(dir));
    expect(store.state).toEqual(fresh.state);
    await store.close();

    const final = await reopened(dir);
    for (const k of acked) expect(final.applied(`action-${k}`), `acked action-${k}`).toBe(true);
    for (const k of refused) expect(final.applied(`action-${k}`), `refused action-${k}`).toBe(false);
    expect([...final.state.booths.keys()].sort()).toEqual(acked.map((k) => `b${k}`).sort());
  });
});
