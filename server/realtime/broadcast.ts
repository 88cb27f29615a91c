// After a commit is durable: tell each room what changed for it. Every push to a booth carries
// the number the change got in the booth's feed and the numbers' epoch, so a tablet can tell
// when it missed one, or when its numbers no longer hold.
import type { Namespace, Server } from 'socket.io';
import type { AnsweredView, Epoch } from '../deps.ts';
import { feedBoothOf, visitorOf } from '../domain/feed.ts';
import { isRequestEvent, requestOf } from '../domain/requestEvents.ts';
import type { Change, FairEvent, FairState } from '../domain/types.ts';
import { boothPublic, requestCard, studentView, visitorCard } from '../domain/views.ts';
import { everyCommit, type Store } from '../store/store.ts';
import { createQueuePush } from './queuePush.ts';
import { adminFigures } from './adminFigures.ts';

/**
 * Tells the booths (their tablets, their page on phones) and the organisers what changed, at once,
 * and returns the step that tells the students concerned, their own views, for the caller to take
 * once it has built its answer. `answered`: a student's view the caller has just built from the
 * same state as the acting phone's answer, so the push to that student's other tabs does not build
 * it again, and the acting phone, which has it in its answer, is not sent it twice.
 */
export type Publish = (changes: readonly Change[]) => (answered?: AnsweredView) => void;

/** The students' step of a publish that changed nothing. */
const NO_STUDENT_TOLD = (): void => undefined;

export const boothRoom = (boothId: string) => `booth:${boothId}`;
export const studentRoom = (studentId: string) => `student:${studentId}`;
/** Every socket of one tablet, so that revoking it can drop them all at once. */
export const repRoom = (repId: string) => `rep:${repId}`;
export const ORGANISERS = 'organisers';
/** Past one machine: the students whose views another process changed ('all' after a purge). */
const STUDENTS_CHANGED = 'students:changed';

/**
 * `now`: for a booth's next free slot; `clockMs`: how often a slot's start is looked for
 * (queuePush.ts); `clustered`: past one machine, where the screens connected to this process are
 * not all there are, so "nobody is looking" cannot be told from this process's rooms.
 */
export function createPublisher(io: Server, store: Store, epoch: Epoch, now: () => Date, clockMs?: number, clustered = false): Publish {
  const students = io.of('/student');
  const reps = io.of('/rep');
  const statsSoon = throttledStats(io.of('/admin'), reps, store, clustered);
  // A tablet coming on line or dropping changes the dashboard's "tablets on line".
  reps.on('connection', (socket) => {
    statsSoon();
    socket.on('disconnect', statsSoon);
  });
  const queue = createQueuePush(students, store, epoch, now, clockMs, clustered);
  io.httpServer?.on('close', queue.stop);

  /**
   * Each student's own view, to the phones connected here. Past one machine every process tells
   * its own phones, from its own memory, which only moves forward: a phone never gets an older
   * view after a newer one, as it could if each process sent the views it built through Redis, to
   * arrive in whatever order the processes got there.
   */
  const tellStudents = (ids: Iterable<string>, answered?: AnsweredView) => {
    const here = clustered ? students.local : students;
    for (const id of ids) {
      const room = studentRoom(id);
      const phones = students.adapter.rooms.get(room);
      if (phones === undefined) continue; // no phone of this student here
      if (id !== answered?.studentId) here.to(room).emit('student:changed', studentView(store.state, id, now()));
      else if (phones.size > (phones.has(answered.socketId) ? 1 : 0)) here.to(room).except(answered.socketId).emit('student:changed', answered.view);
    }
  };
  const connectedStudents = () => [...students.sockets.values()].map((socket) => (socket.data as { studentId: string }).studentId);
  if (clustered) {
    // Told after the other process's commit: caught up first, memory holds it. A student with no
    // phone here costs nothing.
    students.on(STUDENTS_CHANGED, (ids: string[] | 'all') => {
      const here = ids === 'all' ? connectedStudents() : ids.filter((id) => students.adapter.rooms.has(studentRoom(id)));
      if (here.length > 0) void everyCommit(store).then(() => tellStudents(here));
    });
  }

  /** What the booth's tablets (and its page on phones) get for a change in its feed (domain/feed.ts). */
  const tellBooth = (state: FairState, boothId: string, event: FairEvent, seq: number) => {
    const tablets = reps.to(boothRoom(boothId));
    if (isRequestEvent(event)) {
      const request = requestOf(state, event);
      if (request) tablets.emit('request:changed', requestCard(state, request), seq, epoch());
      queue.changed(state, boothId); // phones on the booth's page: how many wait, the next free slot
    } else if (event.type === 'introduction.made' || event.type === 'introduction.noted' || event.type === 'referral.made') {
      // A new visitor, or the booth's notes or a referral of it (to the referring booth only: the
      // booth it names learns of it only when the student shares with it, through that share's card).
      // Withdrawn meanwhile: the booth gets nothing (the withdrawal's reset follows this number).
      const intro = state.introductions.get(visitorOf(event)!);
      if (intro) tablets.emit('visitor:changed', visitorCard(state, intro), seq, epoch());
    } else if (event.type === 'introduction.withdrawn') {
      tablets.emit('booth:reset', seq, epoch());
    } else if (event.type === 'booth.tagsSet') {
      // The booth's own list: its tablets only, never the phones on its page.
      tablets.emit('tags:changed', state.booths.get(boothId)?.tags ?? event.tags, seq, epoch());
    } else {
      // The rest of a booth's feed is the booth itself: its status, its reps on duty.
      const booth = state.booths.get(boothId);
      if (!booth) return;
      const view = boothPublic(state, booth, now());
      tablets.emit('booth:changed', view, seq, epoch());
      students.to(boothRoom(boothId)).emit('booth:changed', view, seq, epoch());
      queue.sent(boothId, view);
    }
  };

  return (changes) => {
    if (changes.length === 0) return NO_STUDENT_TOLD;
    const state = store.state;
    const changedStudents = new Set<string>();
    let everyone = false;
    for (const { event, seq = 0 } of changes) {
      const boothId = feedBoothOf(state, event);
      if (boothId !== undefined) tellBooth(state, boothId, event, seq);
      if (event.type === 'rep.revoked') {
        // Durable first, then dropped: the tablet's reconnect meets the refusal, never a race. A
        // tablet that signed itself out hears its answer first: the answer goes out in this turn,
        // the drop in the next (meanwhile the rep's every action is refused, as revoked).
        const drop = () => reps.in(repRoom(event.repId)).disconnectSockets(true);
        if (event.self) setImmediate(drop);
        else drop();
      } else if (event.type === 'fair.purged') {
        // The reps went with the data: every tablet is signed out at once (it reconnects to a
        // refusal and shows its pairing screen), and a phone on a booth's page sees no rep on duty.
        reps.disconnectSockets(true);
        for (const booth of state.booths.values()) {
          const view = boothPublic(state, booth, now());
          students.to(boothRoom(booth.id)).emit('booth:changed', view, booth.seq ?? 0, epoch());
          queue.sent(booth.id, view);
        }
        everyone = true;
      } else if (event.type === 'fair.configured') {
        queue.all(state); // other slots: every booth's next free one may have moved
      }
      const studentId = studentOf(state, event);
      if (studentId !== undefined) changedStudents.add(studentId);
    }
    statsSoon();
    return (answered) => {
      tellStudents(everyone ? new Set([...changedStudents, ...connectedStudents()]) : changedStudents, answered);
      if (clustered && (everyone || changedStudents.size > 0)) students.serverSideEmit(STUDENTS_CHANGED, everyone ? 'all' : [...changedStudents]);
    };
  };
}

/** The student whose own view an event changes, if one. */
function studentOf(state: FairState, event: FairEvent): string | undefined {
  if (isRequestEvent(event)) return requestOf(state, event)?.studentId;
  switch (event.type) {
    case 'introduction.made':
      return event.introduction.studentId;
    case 'introduction.withdrawn':
    case 'student.erased':
    case 'profile.saved':
    case 'referral.made': // the student sees where a rep sent them, live
      return event.studentId;
    default:
      return undefined;
  }
}

/** Counting is O(fair); at peak the dashboard gets at most one update a second. */
export const STATS_EVERY_MS = 1000;

function throttledStats(admin: Namespace, reps: Namespace, store: Store, clustered: boolean): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    if (timer || (!clustered && !admin.adapter.rooms.get(ORGANISERS)?.size)) return;
    timer = setTimeout(() => {
      // The next push is planned only once this one is out: a count spread over turns is not begun twice.
      void adminFigures(store, reps)
        .then((stats) => admin.to(ORGANISERS).emit('stats:changed', stats))
        // Past one machine the other processes are asked for their tablets: with Redis away (or
        // the server closing) no figures go out now; the next change tries again.
        .catch(() => undefined)
        .finally(() => (timer = undefined));
    }, STATS_EVERY_MS);
    timer.unref();
  };
}
