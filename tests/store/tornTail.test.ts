// A crash can cut the journal at any byte of the last write. At every byte offset of the last two
// records, a start must recover exactly the records that are whole, cut the file back to them, and
// give the next commit the next seq.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileStore } from '../../server/store/fileStore.ts';
import { initialState } from '../../server/domain/state.ts';
import { booth, boothCreated, codeReset, journalLine } from './events.ts';
import { dbText, quiet, tempDir } from './fixtures.ts';
import { seqsIn } from './folders.ts';

// Short records, so the last two span few bytes: b1 is created, then its code is reset three times.
const LINES = [
  journalLine(1, [boothCreated('b1')]),
  journalLine(2, [codeReset('b1', 'CODE-0002')], 'action-2', { ok: true }),
  journalLine(3, [codeReset('b1', 'CODE-0003')], 'action-3', { ok: true }),
  journalLine(4, [codeReset('b1', 'CODE-0004')], 'action-4', { ok: true }),
];
const WHOLE = LINES.join('');
const LAST_TWO_START = Buffer.byteLength(LINES.slice(0, 2).join(''));

/** How many records end (newline included) within the first `bytes` bytes. */
function wholeRecords(bytes: number): number {
  let end = 0;
  let count = 0;
  for (const line of LINES) {
    end += Buffer.byteLength(line);
    if (end <= bytes) count += 1;
  }
  return count;
}

describe.each([
  ['without a snapshot', undefined],
  ['past a snapshot at seq 1', 1],
])('file store: a torn journal tail, %s', (_, snapshotSeq) => {
  it('recovers exactly the whole records at every byte offset of the last two, and appends after them', async () => {
    for (let cut = LAST_TWO_START; cut < Buffer.byteLength(WHOLE); cut += 1) {
      const dir = tempDir();
      const journal = path.join(dir, 'journal.jsonl');
      if (snapshotSeq !== undefined) {
        const state = { ...initialState(), booths: new Map([['b1', booth('b1')]]) };
        fs.writeFileSync(path.join(dir, 'db.json'), dbText(snapshotSeq, state));
      }
      fs.writeFileSync(journal, Buffer.from(WHOLE).subarray(0, cut));
      const whole = wholeRecords(cut);
      const prefix = LINES.slice(0, whole).join('');

      const logs: string[] = [];
      const store = await openFileStore(dir, { log: (line) => logs.push(line), snapshot: { idleMs: 60_000 } });
      const context = `cut at byte ${cut}`;
      expect(store.state.booths.get('b1')?.pairingCode, context).toBe(whole === 1 ? 'K7MX-P3QR' : `CODE-000${whole}`);
      for (let seq = 2; seq <= 4; seq += 1) expect(store.applied(`action-${seq}`), `${context}, action-${seq}`).toBe(seq <= whole);
      expect(fs.readFileSync(journal, 'utf8'), context).toBe(prefix); // the torn tail is cut back
      expect(logs.some((line) => line.includes('was cut short')), context).toBe(cut !== Buffer.byteLength(prefix));

      await store.commit({ events: [codeReset('b1', 'CODE-NEXT')], key: 'action-next' });
      expect(seqsIn(dir, 'journal.jsonl'), context).toEqual([...Array.from({ length: whole }, (_, i) => i + 1), whole + 1]);
      await store.close();

      const again = await openFileStore(dir, { log: quiet });
      expect(again.state.booths.get('b1')?.pairingCode, context).toBe('CODE-NEXT');
      expect(again.applied('action-next'), context).toBe(true);
      await again.close();
    }
  }, 60_000);
});
