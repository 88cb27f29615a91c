// After a commit is durable: tell each room what changed for it.
import type { Namespace, Server } from 'socket.io';
import type { FairEvent } from '../domain/state.ts';
import { boothPublic, requestCard, studentView, visitorCard } from '../domain/views.ts';
import type { Store } from '../store/store.ts';
import { adminStats } from './stats.ts';

export type Publish = (events: readonly FairEvent[]) => void;

export const boothRoom = (boothId: string) => `booth:${boothId}`;
export const studentRoom = (studentId: string) => `student:${studentId}`;
export const ORGANISERS = 'organisers';

export function createPublisher(io: Server, store: Store): Publish {
  const students = io.of('/student');
  const reps = io.of('/rep');
  const statsSoon = throttledStats(io.of('/admin'), store);
  return (events) => {
    if (events.length === 0) return;
    const state = store.state;
    const changedStudents = new Set<string>();
    const changedBooths = new Set<string>();
    for (const event of events) {
      switch (event.type) {
        case 'introduction.made':
          reps.to(boothRoom(event.introduction.boothId)).emit('visitor:added', visitorCard(state, event.introduction));
          changedStudents.add(event.introduction.studentId);
          break;
        case 'request.made':
        case 'request.cancelled':
        case 'request.accepted':
        case 'request.declined': {
          const request = state.requests['request' in event ? event.request.id : event.requestId];
          if (!request) break;
          reps.to(boothRoom(request.boothId)).emit('request:changed', requestCard(state, request));
          changedStudents.add(request.studentId);
          break;
        }
        case 'profile.saved':
          changedStudents.add(event.studentId);
          break;
        case 'rep.paired':
          changedBooths.add(event.rep.boothId);
          break;
        case 'booth.statusSet':
          changedBooths.add(event.boothId);
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
    for (const id of changedStudents) students.to(studentRoom(id)).emit('student:changed', studentView(state, id));
    for (const id of changedBooths) {
      const booth = state.booths[id];
      if (!booth) continue;
      const view = boothPublic(state, booth);
      reps.to(boothRoom(id)).emit('booth:changed', view);
      students.to(boothRoom(id)).emit('booth:changed', view);
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
