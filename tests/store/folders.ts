// Data folders laid out by hand, as a crash or a bad disk would leave them. Record n always
// creates booth `b<n>` with idempotency key `action-<n>`, so what a start recovered is easy to check.
import fs from 'node:fs';
import path from 'node:path';
import { apply, initialState } from '../../server/domain/state.ts';
import { boothCreated, journalLine } from './events.ts';
import { dbText } from './fixtures.ts';

export function recordLine(seq: number): string {
  return journalLine(seq, [boothCreated(`b${seq}`)], `action-${seq}`, { ok: true, data: seq });
}

/** Lines from..to, both included; empty if to < from. */
export function recordLines(from: number, to: number): string {
  let text = '';
  for (let seq = from; seq <= to; seq += 1) text += recordLine(seq);
  return text;
}

/** db.json holding records 1..seq, as the store writes it. */
export function snapshotText(seq: number): string {
  const state = initialState();
  const applied = new Set<string>();
  for (let n = 1; n <= seq; n += 1) {
    apply(state, boothCreated(`b${n}`));
    applied.add(`action-${n}`);
  }
  return dbText(seq, state, applied);
}

export interface FolderLayout {
  /** db.json at this seq, or this text. */
  db?: number | string;
  /** journal.prev.jsonl: records [from, to], or this text. */
  prev?: [number, number] | string;
  /** journal.jsonl: records [from, to], or this text. */
  live?: [number, number] | string;
}

export function writeFolder(dir: string, layout: FolderLayout): void {
  const text = (part: number | string | [number, number], whole: (seq: number) => string): string =>
    typeof part === 'string' ? part : typeof part === 'number' ? whole(part) : recordLines(part[0], part[1]);
  if (layout.db !== undefined) fs.writeFileSync(path.join(dir, 'db.json'), text(layout.db, snapshotText));
  if (layout.prev !== undefined) fs.writeFileSync(path.join(dir, 'journal.prev.jsonl'), text(layout.prev, () => ''));
  if (layout.live !== undefined) fs.writeFileSync(path.join(dir, 'journal.jsonl'), text(layout.live, () => ''));
}

/** ['b1', …, 'b<to>'] */
export function boothIds(to: number, from = 1): string[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => `b${from + i}`);
}

/** The seqs of a segment's lines. */
export function seqsIn(dir: string, name: string): number[] {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { seq: number }).seq);
}
