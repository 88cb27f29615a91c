// POST /api/admin/booths/import: create a booth per good CSV row, report each bad row by line.
// All the rows are one decision and one commit: one journal record, one fdatasync, one broadcast,
// and nothing created if the disk fails. The work around that commit (reading the file, checking
// each row, deciding, the record's JSON, the answer's views) is done a slice at a time, stepping
// aside between slices, so sockets and other requests are served during an import of 10,000 rows
// (issue #11). The commit's own turn applies the events: 20-30 ms for 10,000, ~60 ms the first
// time in a process.
import type { ImportResult } from '../../../shared/protocol.ts';
import { BoothInput, parse } from '../../../shared/schema.ts';
import { decideImport, importDecider, type ImportDecision, type ImportRow } from '../../domain/booths.ts';
import type { Deps } from '../../deps.ts';
import { newId, newPairingCode } from '../../ids.ts';
import { eachInTurns, wholeFairReady, nextTurn } from '../../turns.ts';
import { readBoothCsv, type CsvRow } from '../formats/boothCsv.ts';
import { readCsv } from '../plumbing/body.ts';
import { jsonListPieces, sendJsonPieces, sendReply, VIEWS_PER_WRITE } from '../plumbing/respond.ts';
import type { Context } from '../plumbing/router.ts';
import { boothViewsJson } from './boothAdmin.ts';

type RowError = ImportResult['errors'][number];

export async function importBooths(ctx: Context): Promise<void> {
  const { store, now, config, run } = ctx.deps;
  const { valid, errors } = await checkRows(await readBoothCsv(await readCsv(ctx.req)));
  let decided = await decideInTurns(ctx.deps, valid);
  const reply = await run({
    decide: () => {
      // Decided over many turns: if a booth came meanwhile (another import), decide again, at once.
      if (!decided.holds()) decided = { decision: decideImport(store.state, valid, now()), holds: () => true };
      return { events: decided.decision.events, eventsJson: decided.eventsJson }; // not record(...events): 10,000 arguments
    },
    respond: () => decided.decision.events.map((event) => event.booth.id),
  });
  if (!reply.ok) return sendReply(ctx.res, reply);
  const all = [...errors, ...decided.decision.refused].sort((a, b) => a.line - b.line);
  await wholeFairReady(store.state); // the views count by them: see boothIdsInOrder
  const created = boothViewsJson(store, reply.data, config.publicUrl); // each made as the answer is written
  await sendJsonPieces(ctx.res, reply.data.length > 0 ? 201 : 200, answerPieces(created, all), VIEWS_PER_WRITE);
}

/** The ImportResult's JSON, `{"created":[…],"errors":[…]}`, in pieces. */
function* answerPieces(created: Iterable<string>, errors: RowError[]): Generator<string> {
  yield '{"created":';
  yield* jsonListPieces(created);
  yield `,"errors":${JSON.stringify(errors)}}`;
}

/** Each row through the same schema as a booth added by hand, with the id and code it will get. */
async function checkRows(rows: CsvRow[]): Promise<{ valid: ImportRow[]; errors: RowError[] }> {
  const valid: ImportRow[] = [];
  const errors: RowError[] = [];
  await eachInTurns(rows, (row) => {
    const input = row.problem === undefined ? parse(BoothInput, row.fields) : { ok: false as const, message: row.problem };
    if (input.ok) valid.push({ ...input.value, id: newId(), pairingCode: newPairingCode(), line: row.line });
    else errors.push({ line: row.line, message: input.message });
  });
  return { valid, errors };
}

/** How often the rows are decided again in slices when booths keep coming meanwhile; then at once. */
const DECIDE_TRIES = 3;

interface Decided {
  decision: ImportDecision;
  /** The events' JSON for the journal, when it was made in turns for this decision. */
  eventsJson?: string;
  holds: () => boolean;
}

/**
 * The import decided a slice at a time against the fair as it is, and its events' JSON made so too.
 * The verdict holds while no booth was added (booths are never removed) and memory was not
 * reloaded: `holds` says whether it still does. Ends with a turn, so that the commit's own begins afresh.
 */
async function decideInTurns({ store, now }: Deps, rows: ImportRow[]): Promise<Decided> {
  for (let tries = 1; ; tries++) {
    const state = store.state;
    const booths = state.booths.size;
    const decider = importDecider(state, now());
    await eachInTurns(rows, decider.decide);
    const holds = () => store.state === state && state.booths.size === booths;
    if (holds() || tries === DECIDE_TRIES) return { decision: decider.decision, eventsJson: await jsonInTurns(decider.decision.events), holds };
  }
}

/** A list's JSON, an item's at a time; then a turn, so that what follows begins afresh. */
async function jsonInTurns(items: readonly unknown[]): Promise<string> {
  const texts: string[] = [];
  await eachInTurns(items, (item) => texts.push(JSON.stringify(item)));
  const json = `[${texts.join(',')}]`;
  await nextTurn();
  return json;
}
