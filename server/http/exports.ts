// The organiser's exports: every introduction as an Excel-safe CSV, the whole fair as JSON.
import type { ServerResponse } from 'node:http';
import type { Profile } from '../../shared/schema.ts';
import { profileOf } from '../domain/profiles.ts';
import type { Booth, FairState, Introduction, InterviewRequest, PurgedCounts, Rep, Student } from '../domain/state.ts';
import { csvText } from './csv.ts';
import { INTRODUCTION_COLUMNS, introductionBatches } from './introductionRows.ts';
import { downloadHeaders, sendDownload } from './respond.ts';
import { route, type Context, type Route } from './router.ts';

const BOM = '\uFEFF';

/** Resolves when the response can take more, or rejects if the client went away. */
function writeWithBackpressure(res: ServerResponse, text: string): Promise<void> | void {
  if (res.write(text)) return;
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(Object.assign(new Error('The client went away.'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

async function exportIntroductions({ res, deps }: Context): Promise<void> {
  const state = deps.store.state;
  res.writeHead(200, downloadHeaders('text/csv; charset=utf-8', `introductions-${state.fair.date}.csv`));
  // One string and one write per batch: a write per row cost more than building the rows.
  await writeWithBackpressure(res, BOM + csvText([[...INTRODUCTION_COLUMNS]]));
  for await (const rows of introductionBatches(state)) await writeWithBackpressure(res, csvText(rows));
  res.end();
}

/**
 * `fair.json`: the whole state, each collection as an object by id (as it has been since the first
 * export), minus secrets: a rep's token hash would let anyone with the file guess-check tokens.
 */
export interface FairJson {
  fair: FairState['fair'];
  booths: Record<string, Booth>;
  reps: Record<string, Omit<Rep, 'tokenHash'>>;
  students: Record<string, Student & { profile: Profile }>;
  introductions: Record<string, Introduction>;
  requests: Record<string, InterviewRequest>;
  purged?: PurgedCounts;
}

function publicState(state: FairState): FairJson {
  const reps: FairJson['reps'] = {};
  for (const [id, { tokenHash: _secret, ...rep }] of state.reps) reps[id] = rep;
  const { fair, booths, students, introductions, requests, purged } = state;
  const byId = <T>(collection: Map<string, T>) => Object.fromEntries(collection);
  const people: FairJson['students'] = {};
  for (const [id, student] of students) people[id] = { ...student, profile: profileOf(student) };
  return { fair, booths: byId(booths), reps, students: people, introductions: byId(introductions), requests: byId(requests), ...(purged && { purged }) };
}

function exportFair({ res, deps }: Context): void {
  const state = deps.store.state;
  sendDownload(res, 'application/json; charset=utf-8', `fair-${state.fair.date}.json`, JSON.stringify(publicState(state), null, 2));
}

export const exportRoutes: Route[] = [
  route('GET', /^\/api\/admin\/export\/introductions\.csv$/, exportIntroductions),
  route('GET', /^\/api\/admin\/export\/fair\.json$/, exportFair),
];
