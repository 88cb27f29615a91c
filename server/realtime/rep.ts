// The /rep namespace: a paired tablet, acting for its own booth only.
import type { Server, Socket } from 'socket.io';
import type { RepClientEvents, RepServerEvents, Reply } from '../../shared/protocol.ts';
import { AcceptInput, BoothStatusInput, DeclineInput, SlotsInput, SyncInput } from '../../shared/schema.ts';
import { BoothTagsInput, NoteInput, ReferInput, SignOutInput, UnlockInput, WalkUpInput } from '../../shared/boothSchema.ts';
import type { Deps } from '../deps.ts';
import { isSameSecret, newId, pinHashOf, walkUpIdFor } from '../ids.ts';
import { acceptRequest, declineRequest, freeSlots } from '../domain/requests.ts';
import { proposeTime } from '../domain/proposals.ts';
import { InviteInput, OutcomeInput } from '../../shared/boothSchema.ts';
import { setOutcome } from '../domain/outcomes.ts';
import { inviteAgain } from '../domain/askAgain.ts';
import { refuse, type Decision } from '../domain/decision.ts';
import { setBoothStatus, signOutRep } from '../domain/booths.ts';
import { isWalkUpRecorded, noteVisitor, recordWalkUp, setBoothTags, tagsOfBooth } from '../domain/visitors.ts';
import { referStudent } from '../domain/referrals.ts';
import { repActionKey } from '../domain/actionKeys.ts';
import { boothSeq, missedRemoval } from '../domain/feed.ts';
import type { Rep } from '../domain/types.ts';
import { boothList, boothPublic, requestCard, visitorCardById } from '../domain/views.ts';
import { everyCommit } from '../store/store.ts';
import { repByToken } from '../tabletToken.ts';
import { wholeFairReady } from '../turns.ts';
import { boothRoom, repRoom } from './broadcast.ts';
import { fail, handle, handleNoInput, ok } from './handle.ts';
import { tabletView } from './tabletView.ts';

type RepSocket = Socket<RepClientEvents, RepServerEvents, Record<string, never>, { repId: string }>;

const SIGNED_OUT = 'This tablet is no longer paired. Pair it again with the booth code.';
export const REVOKED = 'This tablet was signed out by the organiser. Pair it again with the booth code.';

/**
 * Wrong PINs per tablet: five, then the tablet waits five minutes. A passer-by gets five guesses at
 * 10,000 PINs or more; a rep who forgot theirs asks a colleague or pairs the tablet again.
 */
export const PIN_MAX_FAILURES = 5;
export const PIN_WINDOW_MS = 5 * 60_000;
/** Tablets remembered at once; a fair has far fewer. */
const PIN_MAX_TABLETS = 10_000;

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const pinLocked = (waitMs: number): Reply<never> => ({
  ok: false,
  error: {
    code: 'RATE_LIMITED',
    message: `Too many wrong PINs on this tablet. Wait ${plural(minutes(waitMs), 'minute', 'minutes')}, or pair the tablet again with the booth's code.`,
  },
});

/** A refused handshake; `data` reaches the client as `connect_error`'s `err.data`. */
function refusal(message: string): Error {
  return Object.assign(new Error('UNAUTHORIZED'), { data: { code: 'UNAUTHORIZED', message } });
}

export function registerRep(io: Server, deps: Deps): void {
  const { store, now, run, epoch, log } = deps;
  const nsp = io.of('/rep');
  // One limit per server, so each test's server counts on its own (past one machine, Redis counts for all).
  const pinTries = deps.limits.tries('pin', { max: PIN_MAX_FAILURES, windowMs: PIN_WINDOW_MS, maxKeys: PIN_MAX_TABLETS });
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
  nsp.use(async (socket, next) => {
    // Past one machine: with every process's commits, so a tablet revoked on another process a
    // moment ago cannot slip in here.
    await everyCommit(store);
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

    // A tablet's whole view reads every card of its booth: right after a start it waits for the
    // indexes, built in turns (a few hundred ms at 300,000 introductions), rather than walking
    // every introduction while phones wait behind it.
    // Reads wait for every process's commits: past one machine, a push this tablet heard through
    // the adapter may come from a commit this process has not applied yet.
    // The cards are made over a few turns (tabletView.ts): a tablet revoked meanwhile gets the refusal.
    const boothView = async <T>(make: (rep: Rep) => Promise<T>): Promise<Reply<T>> => {
      await wholeFairReady(await everyCommit(store));
      const rep = currentRep();
      if (!rep) return fail('UNAUTHORIZED', SIGNED_OUT);
      const view = await make(rep);
      return currentRep() ? ok(view) : fail('UNAUTHORIZED', SIGNED_OUT);
    };
    socket.on('rep:load', handleNoInput(() => boothView((rep) => tabletView(store.state, rep, epoch())), log));
    // After a reconnect: only what changed since the tablet's last number, unless its number is of
    // another epoch (see epoch.ts) or one this server never gave.
    socket.on('rep:sync', handle(SyncInput, ({ since, epoch: seen }) => boothView(async (rep) => {
      // A student's withdrawal since then: a delta cannot say which cards went.
      const full = seen !== epoch() || since > boothSeq(store.state, rep.boothId) || missedRemoval(store.state, rep.boothId, since);
      return { ...(await tabletView(store.state, rep, epoch(), full ? undefined : since)), full };
    }), log));
    socket.on('request:slots', handle(SlotsInput, async ({ requestId }) => {
      await everyCommit(store);
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
      // Asked again when deciding: past one machine the state is then current (a revocation made
      // on another process a moment ago counts).
      const decide = () => {
        const current = currentRep();
        return current ? rule(current) : refuse('UNAUTHORIZED', SIGNED_OUT);
      };
      return run({ key: repActionKey(repId, id), decide, respond: () => respond(rep) });
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

    // The booth's day (issue 12): the kiosk face's PIN and sign-out, walk-up visitors, the booth's
    // notes and tags, and referrals.
    socket.on('rep:unlock', handle(UnlockInput, async ({ pin }) => {
      await everyCommit(store); // a PIN set on another process's tablet a moment ago
      const rep = currentRep();
      if (!rep) return fail('UNAUTHORIZED', SIGNED_OUT);
      // Counted before the check, so tries sent together cannot all pass it; a right PIN is forgiven.
      const attempt = await pinTries.attempt(repId, now());
      if (!attempt) return pinLocked(await pinTries.waitMs(repId, now()));
      // A tablet paired before PINs opens with a tap (its view says hasPin: false).
      if (rep.pinHash === undefined || isSameSecret(pinHashOf(repId, pin), rep.pinHash)) {
        attempt.forgive();
        return ok({ unlocked: true as const });
      }
      const left = await pinTries.left(repId, now());
      const wait = plural(minutes(await pinTries.waitMs(repId, now())), 'minute', 'minutes');
      return fail('FORBIDDEN', left > 0
        ? `That PIN is not right. ${plural(left, 'try', 'tries')} left, then this tablet waits ${wait}.`
        : `That PIN is not right, and that was the last try: wait ${wait}, or pair the tablet again with the booth's code.`);
    }, log));
    // Not through `act`: a repeat that comes after the sign-out (a double tap) must hear "signed out"
    // again, not "no longer paired"; signOutRep records nothing for a tablet already signed out.
    socket.on('rep:signOut', handle(SignOutInput, ({ id }) => run({
      key: repActionKey(repId, id),
      decide: () => signOutRep(store.state, repId, now()),
      respond: () => ({ signedOut: true as const }),
    }), log));
    socket.on('rep:booths', handleNoInput(async () => {
      await everyCommit(store);
      const rep = currentRep();
      return rep ? ok(boothList(store.state, rep.boothId)) : fail('UNAUTHORIZED', SIGNED_OUT);
    }, log));
    // Typed by a visitor on the kiosk face: the answer names only what they typed, never what is kept.
    socket.on('visitor:walkUp', handle(WalkUpInput, ({ id, name, email, phone }) => {
      const rep = currentRep();
      if (!rep) return fail('UNAUTHORIZED', SIGNED_OUT);
      const studentId = walkUpIdFor(rep.boothId, email);
      let alreadyRecorded = false;
      return act(id, (rep) => {
        alreadyRecorded = isWalkUpRecorded(store.state, rep, studentId);
        return recordWalkUp(store.state, rep, { studentId, name, email, phone }, now());
      }, () => ({ name, ...(alreadyRecorded && { alreadyRecorded: true as const }) }));
    }, log));
    socket.on('visitor:note', handle(NoteInput, ({ id, introductionId, notes, rating, tags }) =>
      act(id, (rep) => noteVisitor(store.state, rep, { introductionId, notes, rating, tags }, now()), () => visitorCardById(store.state, introductionId)), log));
    socket.on('visitor:refer', handle(ReferInput, ({ id, introductionId, note, to }) => {
      const referralId = newId(); // the colleague's card is downloaded by it: unguessable
      return act(id, (rep) => referStudent(store.state, rep, { introductionId, note, to, referralId }, now()), () => visitorCardById(store.state, introductionId));
    }, log));
    socket.on('booth:tags', handle(BoothTagsInput, ({ id, tags }) =>
      act(id, (rep) => setBoothTags(store.state, rep, tags, now()), (rep) => tagsOfBooth(store.state, rep.boothId)), log));
    // After the interview's time: did the student come, and what next (the booth's record alone).
    // After a decline or a cancel: the booth asks the student to send a new request after all.
    socket.on('request:outcome', handle(OutcomeInput, ({ id, requestId, outcome, nextStep }) =>
      decide(id, requestId, (rep) => setOutcome(store.state, rep, { requestId, outcome, nextStep }, now())), log));
    socket.on('request:invite', handle(InviteInput, ({ id, requestId }) =>
      decide(id, requestId, (rep) => inviteAgain(store.state, rep, { requestId }, now())), log));
  });
}
