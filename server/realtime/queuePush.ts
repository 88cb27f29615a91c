// A phone on a booth's page shows how many requests wait there and the booth's next free slot
// (domain/queue.ts). They change with the booth's requests, and with the clock as slots start. At
// peak a booth's page may be open on many phones and hundreds of booths take requests at once:
// a booth's phones hear `booth:changed` only when the figures they show changed, and a booth
// nobody is looking at costs nothing.
import type { Namespace } from 'socket.io';
import type { StudentClientEvents, StudentServerEvents } from '../../shared/protocol.ts';
import type { Epoch } from '../deps.ts';
import { queueKey, queueOf } from '../domain/queue.ts';
import { allSlots } from '../domain/slots.ts';
import type { FairState } from '../domain/types.ts';
import { boothPublic } from '../domain/views.ts';
import type { Store } from '../store/store.ts';

/** How often the clock is looked at for a slot that started (which moves every booth's next free slot). */
export const QUEUE_CLOCK_MS = 30_000;

export interface QueuePush {
  /** After a change to the booth's requests: tell its phones if their figures changed. */
  changed(state: FairState, boothId: string): void;
  /** After a push of the whole booth to its phones: those are the figures they now show. */
  sent(boothId: string, figures: { waiting: number; nextSlot?: string }): void;
  /** Every booth looked at (the fair's slots changed). */
  all(state: FairState): void;
  stop(): void;
}

export function createQueuePush(
  phones: Namespace<StudentClientEvents, StudentServerEvents>, store: Store, epoch: Epoch, now: () => Date, clockMs = QUEUE_CLOCK_MS,
  clustered = false,
): QueuePush {
  /** What the phones on each booth's page were last told; absent while nobody looks at the booth. */
  const shown = new Map<string, string>();
  const room = (boothId: string) => `booth:${boothId}`;

  /** `hereOnly`: the phones connected to this process (past one machine, each process's clock tells its own). */
  const changed = (state: FairState, boothId: string, hereOnly = false) => {
    const booth = state.booths.get(boothId);
    // Nobody looking: forget, so the next phone's first change is pushed, whatever was told before.
    // Past one machine the phones may be on another process: told whenever the figures change.
    if (!booth || ((!clustered || hereOnly) && !phones.adapter.rooms.get(room(boothId))?.size)) return void shown.delete(boothId);
    const at = now();
    const key = queueKey(queueOf(state, booth, at));
    if (shown.get(boothId) === key) return;
    shown.set(boothId, key);
    (hereOnly ? phones.local : phones).to(room(boothId)).emit('booth:changed', boothPublic(state, booth, at), booth.seq ?? 0, epoch());
  };
  const all = (state: FairState, hereOnly = false) => {
    for (const boothId of state.booths.keys()) changed(state, boothId, hereOnly);
  };

  // A slot that starts leaves every booth's next free slot behind: look again once one has. Every
  // process's clock sees it, so past one machine each tells only the phones connected to it.
  const nextStart = () => allSlots(store.state.fair).find((s) => s.start > now().toISOString())?.start;
  let upcoming = nextStart();
  const timer = setInterval(() => {
    const next = nextStart();
    if (next === upcoming) return;
    upcoming = next;
    all(store.state, clustered);
  }, clockMs);
  timer.unref(); // the clock alone must not keep a process alive

  return {
    changed,
    sent: (boothId, figures) => void shown.set(boothId, queueKey(figures)),
    all,
    stop: () => clearInterval(timer),
  };
}
