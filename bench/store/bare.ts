// The floor of a durable acknowledgement: appendFile on an open file + fdatasync of the bytes the
// store would write, at the same pace, on the same disk, with nothing else in the process.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { applyAll, initialState } from '../../server/domain/state.ts';
import { saveProfile, shareDetails } from '../../server/domain/students.ts';
import { median } from '../numbers.ts';
import { actionId, boothDecision, eventsOf, profileOf, slugsOf, studentIdOf } from './fair.ts';
import { blocksOf } from './child.ts';
import { pacedInBlocks, summarise, type InBlocks, type PacedArgs } from './paced.ts';

/**
 * The lines the store writes for these introductions, made the same way (the same domain rules,
 * ids of the same length, the record shape of a journal line), to give the bare writer equal bytes.
 */
export function sameBytes(from: number, count: number): Buffer[] {
  const state = initialState();
  applyAll(state, eventsOf(boothDecision(state, 0)));
  const slug = slugsOf(state)[0]!;
  const lines: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const studentId = studentIdOf(from + i);
    applyAll(state, eventsOf(saveProfile(state, { studentId, profile: profileOf(from + i) }, new Date())));
    const events = eventsOf(shareDetails(state, { studentId, slug }, new Date()));
    const record = { seq: 200_000 + i, events, key: `student:${studentId}:${actionId()}`, reply: true };
    lines.push(Buffer.from(`${JSON.stringify(record)}\n`));
  }
  return lines;
}

/**
 * One write per due time; a write may overlap the previous one's fdatasync, as commits do. Run in a
 * process of its own for the baseline, and in the store's for a contrast (ack.ts).
 */
export async function ackBare({ dir, from, inBlocks = false, ...pace }: PacedArgs & InBlocks & { dir: string; from: number }) {
  const lines = sameBytes(from, pace.seconds * pace.perSecond);
  const handle = await open(path.join(dir, 'bare-journal.jsonl'), 'a');
  const run = await pacedInBlocks(pace.perSecond, blocksOf({ inBlocks, seconds: pace.seconds }), async (i) => {
    await handle.appendFile(lines[i]!);
    await handle.datasync();
  });
  await handle.close();
  return { ...summarise(run), lineBytes: median(lines.map((line) => line.length)) };
}
