// After a commit is durable: tell each room what changed for it. Every push to a booth carries
// the number the change got in the booth's feed and the numbers' epoch, so a tablet can tell
// when it missed one, or when its numbers no longer hold.
import type { Namespace, Server } from 'socket.io';
import type { StudentView } from '../../shared/protocol.ts';
import { boothPublic, requestCard, studentView, visitorCard } from '../domain/views.ts';
import { isRequestEvent, requestOf } from '../domain/requestEvents.ts';
import { adminStats } from '../domain/stats.ts';
import type { Change } from '../domain/types.ts';
import type { Store } from '../store/store.ts';
import type { Epoch } from '../deps.ts';

/**
 * `built`: a student's view the caller has just built from the same state (the acting phone's
 * answer), so the push to that student's other tabs does not build it again.
 */
export type Publish = (changes: readonly Change[], built?: { studentId: string; view: StudentView }) => void;

export const boothRoom = (boothId: string) => `booth:${boothId}`;
export const studentRoom = (studentId: string) => `student:${studentId}`;
/** Every socket of one tablet, so that revoking it can drop them all at once. */
export const repRoom = (repId: string) => `rep:${repId}`;
export const ORGANISERS = 'organisers';

export function createPublisher(io: Server, store: Store, epoch: Epoch): Publish {
  const students = io.of('/student');
  const reps = io.of('/rep');
  const statsSoon = throttledStats(io.of('/admin'), store);
  const boothChanged = (boothId: string, seq: number) => {
    const booth = store.state.booths.get(boothId);
    if (!booth) return;
    const view = boothPublic(store.state, booth);
    reps.to(boothRoom(boothId)).emit('booth:changed', view, seq, epoch());
    students.to(boothRoom(boothId)).emit('booth:changed', view, seq, epoch());
  };
  return (changes, built) => {
    if (changes.length === 0) return;
    const state = store.state;
    const changedStudents = new Set<string>();
    for (const { event, seq = 0 } of changes) {
      if (isRequestEvent(event)) {
        const request = requestOf(state, event);
        if (!request) continue;
        reps.to(boothRoom(request.boothId)).emit('request:changed', requestCard(state, request), seq, epoch());
        changedStudents.add(request.studentId);
        continue;
      }
      switch (event.type) {
        case 'introduction.made': {
          // Withdrawn meanwhile: the booth gets nothing (the withdrawal's reset follows this number).
          const intro = state.introductions.get(event.introduction.id);
          if (intro) reps.to(boothRoom(intro.boothId)).emit('visitor:added', visitorCard(state, intro), seq, epoch());
          changedStudents.add(event.introduction.studentId);
          break;
        }
        case 'introduction.withdrawn':
          reps.to(boothRoom(event.boothId)).emit('booth:reset', seq, epoch());
          changedStudents.add(event.studentId);
          break;
        case 'student.erased':
          changedStudents.add(event.studentId);
          break;
        case 'fair.purged':
          for (const booth of state.booths.values()) reps.to(boothRoom(booth.id)).emit('booth:reset', booth.seq ?? 0, epoch());
          for (const socket of students.sockets.values()) changedStudents.add((socket.data as { studentId: string }).studentId);
          break;
        case 'profile.saved':
          changedStudents.add(event.studentId);
          break;
        case 'rep.paired':
          boothChanged(event.rep.boothId, seq);
          break;
        case 'rep.revoked': {
          // Durable first, then dropped: the tablet's reconnect meets the refusal, never a race.
          reps.in(repRoom(event.repId)).disconnectSockets(true);
          const rep = state.reps.get(event.repId);
          if (rep) boothChanged(rep.boothId, seq);
          break;
        }
        case 'booth.statusSet':
          boothChanged(event.boothId, seq);
          break;
        case 'booth.created':
        case 'booth.codeReset':
        case 'fair.configured':
          break;
        default: {
          const never: never = event;
          throw new Error(`Unhandled event ${JSON.stringify(never)}`);
        }
      }
    }
    for (const id of changedStudents) {
      students.to(studentRoom(id)).emit('student:changed', id === built?.studentId ? built.view : studentView(state, id));
    }
    statsSoon();
  };
}

/** Counting is O(fair); at peak the dashboard gets at most one update a second. */
export const STATS_EVERY_MS = 1000;

function throttledStats(admin: Namespace, store: Store): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    if (timer || !admin.adapter.rooms.get(ORGANISERS)?.size) return;
    timer = setTimeout(() => {
      timer = undefined;
      admin.to(ORGANISERS).emit('stats:changed', adminStats(store.state));
    }, STATS_EVERY_MS);
    timer.unref();
  };
}
