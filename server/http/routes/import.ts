// POST /api/admin/booths/import: create a booth per good CSV row, report each bad row by line.
import type { ImportResult } from '../../../shared/protocol.ts';
import { BoothInput, parse } from '../../../shared/schema.ts';
import { readCsv } from '../plumbing/body.ts';
import { readBoothCsv } from '../formats/boothCsv.ts';
import { addBooth } from './boothAdmin.ts';
import { sendJson } from '../plumbing/respond.ts';
import type { Context } from '../plumbing/router.ts';

export async function importBooths(ctx: Context): Promise<void> {
  const rows = await readBoothCsv(await readCsv(ctx.req));
  const result: ImportResult = { created: [], errors: [] };
  // Not awaited one by one: the store applies each commit at once (so the next row's decision
  // sees the booths before it, e.g. a repeated booth number) and makes them durable together.
  const pending = rows.map(async (row) => {
    if (row.problem) return { line: row.line, error: row.problem };
    const input = parse(BoothInput, row.fields);
    if (!input.ok) return { line: row.line, error: input.message };
    const reply = await addBooth(ctx.deps, input.value);
    return reply.ok ? { line: row.line, booth: reply.data } : { line: row.line, error: reply.error.message };
  });
  for (const outcome of await Promise.all(pending)) {
    if (outcome.booth) result.created.push(outcome.booth);
    else if (outcome.error !== undefined) result.errors.push({ line: outcome.line, message: outcome.error });
  }
  sendJson(ctx.res, result.created.length > 0 ? 201 : 200, result);
}
