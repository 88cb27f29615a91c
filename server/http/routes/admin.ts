// The organiser's REST API: the fair's settings, booths, pairing codes.
import { ADMIN_BOOTH_IMPORT, ADMIN_BOOTHS, ADMIN_FAIR, ADMIN_RESET_CODE } from '../../../shared/api.ts';
import type { FairInfo } from '../../../shared/protocol.ts';
import { BoothInput, FairPutInput } from '../../../shared/schema.ts';
import { resetPairingCode } from '../../domain/booths.ts';
import { configureFairAt, fairCalendar } from '../../domain/retention.ts';
import { newPairingCode } from '../../ids.ts';
import { readInput } from '../plumbing/body.ts';
import { addBooth, boothAdminById, boothIdsInOrder, boothViewsJson } from './boothAdmin.ts';
import { importBooths } from './import.ts';
import { revokeRoutes } from './revoke.ts';
import { jsonListPieces, sendJson, sendJsonPieces, sendReply, VIEWS_PER_WRITE } from '../plumbing/respond.ts';
import { route, type Context, type Route } from '../plumbing/router.ts';

const fairInfo = ({ deps }: Context): FairInfo => {
  const { fair } = deps.store.state;
  const now = deps.now();
  return { ...fair, ...fairCalendar(fair, now), publicUrl: deps.config.publicUrl, now: now.toISOString() };
};

async function putFair(ctx: Context): Promise<void> {
  const { store, run, now } = ctx.deps;
  const fair = await readInput(ctx.req, FairPutInput);
  sendReply(ctx.res, await run({ decide: () => configureFairAt(store.state, fair, now()), respond: () => fairInfo(ctx) }));
}

async function postBooth(ctx: Context): Promise<void> {
  const fields = await readInput(ctx.req, BoothInput);
  sendReply(ctx.res, await addBooth(ctx.deps, fields), 201);
}

async function resetCode(ctx: Context): Promise<void> {
  const { store, config, run } = ctx.deps;
  const boothId = ctx.params[0]!;
  sendReply(ctx.res, await run({
    decide: () => resetPairingCode(store.state, { boothId, pairingCode: newPairingCode() }),
    respond: () => boothAdminById(store.state, boothId, config.publicUrl),
  }));
}

export const adminRoutes: Route[] = [
  route('GET', ADMIN_FAIR, (ctx) => sendJson(ctx.res, 200, fairInfo(ctx))),
  route('PUT', ADMIN_FAIR, putFair),
  route('GET', ADMIN_BOOTHS, async ({ res, deps }) => {
    const ids = await boothIdsInOrder(deps.store);
    await sendJsonPieces(res, 200, jsonListPieces(boothViewsJson(deps.store, ids, deps.config.publicUrl)), VIEWS_PER_WRITE);
  }),
  route('POST', ADMIN_BOOTHS, postBooth),
  route('POST', ADMIN_BOOTH_IMPORT, importBooths),
  route('POST', ADMIN_RESET_CODE, resetCode),
  ...revokeRoutes,
];
