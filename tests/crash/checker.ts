// The one check that the real server must pass and the negative control must fail.
import fs from 'node:fs';
import path from 'node:path';
import type { FairJson } from '../../server/http/formats/fairJson.ts';
import { saveNumber, type Ledger } from './ledger.ts';

/** The part of `GET /api/admin/export/fair.json` that the check reads. */
export type FairExport = Pick<FairJson, 'booths' | 'students' | 'introductions' | 'requests'>;

export interface CheckReport {
  /** Acknowledged writes that are missing (or present in an older state). */
  lost: string[];
  /** Writes present more than once. */
  duplicated: string[];
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Every acknowledged write is in the export exactly once; no write, acknowledged or not, is there twice. */
export function checkFair(fair: FairExport, ledger: Ledger): CheckReport {
  const lost: string[] = [];
  const duplicated: string[] = [];
  const exactlyOnce = (count: number | undefined, what: string) => {
    if (!count) lost.push(what);
    else if (count > 1) duplicated.push(`${what} (${count} times)`);
  };

  const booths = Object.values(fair.booths);
  const boothsByEmployer = countBy(booths, (b) => b.employer);
  for (const employer of ledger.booths.keys()) exactlyOnce(boothsByEmployer.get(employer), `booth "${employer}"`);
  const boothIdOf = new Map(booths.map((b) => [b.slug, b.id]));

  for (const [studentId, n] of ledger.saves) {
    const stored = fair.students[studentId];
    const storedN = stored ? saveNumber(stored.profile.interests) : 0;
    if (storedN < n) lost.push(`profile:save #${n} of student ${studentId}`); // an older save, or none, is stored
  }

  const intros = countBy(Object.values(fair.introductions), (i) => `${i.boothId} ${i.studentId}`);
  for (const [id, share] of ledger.shares) {
    exactlyOnce(intros.get(`${boothIdOf.get(share.slug)} ${share.studentId}`), `intro:share ${id} (${share.slug})`);
  }

  const requests = Object.values(fair.requests);
  const byNote = new Map(requests.map((r) => [r.note, r]));
  const notes = countBy(requests, (r) => r.note);
  for (const [id, wanted] of ledger.requests) {
    const what = `request:create ${id} "${wanted.note}"`;
    exactlyOnce(notes.get(wanted.note), what);
    const found = byNote.get(wanted.note);
    if (found && (found.studentId !== wanted.studentId || found.boothId !== boothIdOf.get(wanted.slug))) lost.push(`${what}: stored for another student or booth`);
  }
  for (const [id, cancel] of ledger.cancels) {
    if (byNote.get(cancel.note)?.status !== 'cancelled') lost.push(`request:cancel ${id} of "${cancel.note}"`);
  }

  // Unacknowledged writes may be there or not, but never twice: a resent action id has one effect.
  const acknowledgedNotes = new Set([...ledger.requests.values()].map((r) => r.note));
  for (const [note, count] of notes) if (count > 1 && !acknowledgedNotes.has(note)) duplicated.push(`request "${note}" (${count} times)`);
  for (const [employer, count] of boothsByEmployer) if (count > 1 && !ledger.booths.has(employer)) duplicated.push(`booth "${employer}" (${count} times)`);
  return { lost, duplicated };
}

export interface FileCheck {
  problems: string[];
  /** Journal files ending in a partial line (a write cut by the kill; the server must drop it). */
  tornTails: number;
  /** The journal and snapshot files that were read. */
  checked: string[];
}

const JOURNAL = /^journal.*\.jsonl$/;

/**
 * Every line of every journal*.jsonl is JSON, and db.json is JSON if present. `allowTornTail`:
 * right after a SIGKILL, a journal may end in a line without its newline.
 */
export function checkFiles(dir: string, options: { allowTornTail: boolean }): FileCheck {
  const problems: string[] = [];
  let tornTails = 0;
  const checked: string[] = [];
  const parses = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (name === 'db.json' || JOURNAL.test(name)) checked.push(name);
    if (name === 'db.json') {
      if (!parses(fs.readFileSync(file, 'utf8'))) problems.push(`${name} is not JSON`);
      continue;
    }
    if (!JOURNAL.test(name)) continue;
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const tail = lines.pop()!; // after the last newline: '' unless the last write was cut
    lines.forEach((line, i) => {
      if (!parses(line)) problems.push(`${name} line ${i + 1} is not JSON: ${line.slice(0, 120)}`);
    });
    if (tail !== '') {
      tornTails += 1;
      if (!options.allowTornTail) problems.push(`${name} ends in a partial line: ${tail.slice(0, 120)}`);
    }
  }
  if (checked.length === 0) problems.push(`no journal or db.json in ${dir}`);
  return { problems, tornTails, checked };
}
