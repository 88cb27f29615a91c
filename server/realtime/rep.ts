// The /rep namespace: a paired tablet, acting for its own booth only.
import type { Server, Socket } from 'socket.io';
import type { RepClientEvents, RepServerEvents } from '../../shared/protocol.ts';
import { AcceptInput, BoothStatusInput, DeclineInput, SlotsInput, SyncInput } from '../../shared/schema.ts';
import type { Deps } from '../deps.ts';
import { sha256 } from '../ids.ts';
import { acceptRequest, declineRequest, freeSlots } from '../domain/requests.ts';
import { proposeTime } from '../domain/proposals.ts';
import { InviteInput, OutcomeInput } from '../../shared/boothSchema.ts';
import { setOutcome } from '../domain/outcomes.ts';
import { inviteAgain } from '../domain/askAgain.ts';
import type { Decision } from '../domain/decision.ts';
import { setBoothStatus } from '../domain/booths.ts';
import { repActionKey } from '../domain/actionKeys.ts';
import { boothSeq, missedRemoval } from '../domain/feed.ts';
import type { FairState, Rep } from '../domain/types.ts';
import { boothPublic, repView, requestCard } from '../domain/views.ts';
import { boothRoom, repRoom } from './broadcast.ts';
import { fail, handle, handleNoInput, ok } from './handle.ts';

type RepSocket = Socket<RepClientEvents, RepServerEvents, Record<string, never>, { repId: string }>;

function repByToken(state: FairState, token: unknown): Rep | undefined {
  if (typeof token !== 'string' || token.length > 100) return undefined;
  const hash = sha256(token);
  return [...state.reps.values()].find((r) => r.tokenHash === hash);
}

const SIGNED_OUT = 'This tablet is no longer paired. Pair it again with the booth code.';
export const REVOKED = 'This tablet was signed out by the organiser. Pair it again with the booth code.';

/** A refused handshake; `data` reaches the client as `connect_error`'s `err.data`. */
function refusal(message: string): Error {
  return Object.assign(new Error('UNAUTHORIZED'), { data: { code: 'UNAUTHORIZED', message } });
}

export function registerRep(io: Server, deps: Deps): void {
  const { store, now, run, epoch, log } = deps;
  const nsp = io.of('/rep');
  // socket.io writes a recovered session's missed pushes before the middleware below runs: a
  // tablet revoked while it was away must get no session back, or those pushes reach it anyway.
  const restore = nsp.adapter.restoreSession.bind(nsp.adapter);
  nsp.adapter.restoreSession = async (pid, offset) => {
    const session = await restore(pid, offset);
    const rep = session ? store.state.reps.get((session.data as { repId?: string }).repId ?? '') : undefined;
    // A throw here makes socket.io start a fresh session instead, which the middleware refuses.
    if (session && (!rep || rep.revokedAt)) throw new Error('That tablet is no longer paired.');
    return session;
  };
  // Runs on every connection, a recovered one too (skipMiddlewares: false in app.ts).
  nsp.use((socket, next) => {
    const rep = repByToken(store.state, socket.handshake.auth?.token);
    if (!rep) return next(new Error('UNAUTHORIZED'));
    if (rep.revokedAt) return next(refusal(REVOKED));
    socket.data.repId = rep.id;
    next();
  });
  nsp.on('connection', (raw) => {
    const socket = raw as RepSocket;
    const repId: string = socket.data.repId;
    // Checked on every event: a tablet revoked mid-session acts no more.
    const currentRep = () => {
      const rep = store.state.reps.get(repId);
      return rep && !rep.revokedAt ? rep : undefined;
    };
    // Revoked between the handshake check and here: the revocation's disconnect missed this socket.
    const rep = currentRep();
    if (!rep) return void socket.disconnect(true);
    void socket.join([boothRoom(rep.boothId), repRoom(repId)]);
    const card = (requestId: string) => () => requestCard(store.state, store.state.requests.get(requestId)!);

    socket.on('rep:load', handleNoInput(() => {
      const rep = currentRep();
      return rep ? ok(repView(store.state, rep, epoch())) : fail('UNAUTHORIZED', SIGNED_OUT);
    }, log));
    // After a reconnect: only what changed since the tablet's last number, unless its number is of
    // another epoch (see epoch.ts) or one this server never gave.
    socket.on('rep:sync', handle(SyncInput, ({ since, epoch: seen }) => {
      const rep = currentRep();
      if (!rep) return fail('UNAUTHORIZED', SIGNED_OUT);
      // A student's withdrawal since then: a delta cannot say which cards went.
      const full = seen !== epoch() || since > boothSeq(store.state, rep.boothId) || missedRemoval(store.state, rep.boothId, since);
      return ok({ ...repView(store.state, rep, epoch(), full ? undefined : since), full });
    }, log));
    socket.on('request:slots', handle(SlotsInput, ({ requestId }) => {
      const rep = currentRep();
      if (!rep) return fail('UNAUTHORIZED', SIGNED_OUT);
      const request = store.state.requests.get(requestId);
      if (!request || request.boothId !== rep.boothId) return fail('NOT_FOUND', 'That request does not exist. Reload the page.');
      return ok(freeSlots(store.state, rep, request.studentId, now()));
    }, log));
    /** A command of the rep's tablet, answered with `respond()` once it is durable. */
    const act = async <T>(id: string, rule: (rep: Rep) => Decision, respond: (rep: Rep) => T) => {
      const rep = currentRep();
      if (!rep) return fail<T>('UNAUTHORIZED', SIGNED_OUT);
      return run({ key: repActionKey(repId, id), decide: () => rule(rep), respond: () => respond(rep) });
    };
    /** A decision on one request of the rep's booth, answered with that request's card. */
    const decide = (id: string, requestId: string, rule: (rep: Rep) => Decision) => act(id, rule, card(requestId));
    socket.on('booth:status', handle(BoothStatusInput, ({ id, status }) =>
      act(id, (rep) => setBoothStatus(store.state, rep, status, now()), (rep) => boothPublic(store.state, store.state.booths.get(rep.boothId)!)), log));
    socket.on('request:accept', handle(AcceptInput, ({ id, requestId, start }) =>
      decide(id, requestId, (rep) => acceptRequest(store.state, rep, { requestId, start }, now())), log));
    socket.on('request:propose', handle(AcceptInput, ({ id, requestId, start }) =>
      decide(id, requestId, (rep) => proposeTime(store.state, rep, { requestId, start }, now())), log));
    socket.on('request:decline', handle(DeclineInput, ({ id, requestId, message }) =>
      decide(id, requestId, (rep) => declineRequest(store.state, rep, { requestId, message }, now())), log));
    // After the interview's time: did the student come, and what next (the booth's record alone).
    // After a decline or a cancel: the booth asks the student to send a new request after all.
    socket.on('request:outcome', handle(OutcomeInput, ({ id, requestId, outcome, nextStep }) =>
      decide(id, requestId, (rep) => setOutcome(store.state, rep, { requestId, outcome, nextStep }, now())), log));
    socket.on('request:invite', handle(InviteInput, ({ id, requestId }) =>
      decide(id, requestId, (rep) => inviteAgain(store.state, rep, { requestId }, now())), log));
  });
}
