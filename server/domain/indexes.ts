// Which introductions and requests belong to each booth, and which requests to each student.
// A tablet loads its booth's cards at every (re)connect, a phone its own after every action: at
// 100,000 introductions, walking all of them took ~6 ms per tablet, so a Wi-Fi blip that brings
// 300 tablets back at once held the server ~2 s. Derived from the collections and never saved:
// built at first use (a start at 100,000 introductions must not pay for it), then kept by `apply`.
import { introductionId } from './introductions.ts';
import type { FairEvent, FairState, InterviewRequest, Introduction } from './types.ts';

/** Ids by owner id; the entities themselves are looked up in the state, which replaces them. */
type IdsBy = Map<string, Set<string>>;

interface Indexes {
  introductionsOfBooth: IdsBy;
  requestsOfBooth: IdsBy;
  requestsOfStudent: IdsBy;
  /** What the index was built from: a collection replaced or resized behind `apply`'s back means a rebuild. */
  introductions: Map<string, Introduction>;
  requests: Map<string, InterviewRequest>;
  sizes: [introductions: number, requests: number];
}

const built = new WeakMap<FairState, Indexes>();

export const introductionsOfBooth = (state: FairState, boothId: string): Introduction[] =>
  entities(state.introductions, indexesOf(state).introductionsOfBooth.get(boothId));

/** How many introductions the booth holds, without looking them up (the organiser's live counts, every second). */
export const introductionCountOfBooth = (state: FairState, boothId: string): number =>
  indexesOf(state).introductionsOfBooth.get(boothId)?.size ?? 0;

export const requestsOfBooth = (state: FairState, boothId: string): InterviewRequest[] =>
  entities(state.requests, indexesOf(state).requestsOfBooth.get(boothId));

export const requestsOfStudent = (state: FairState, studentId: string): InterviewRequest[] =>
  entities(state.requests, indexesOf(state).requestsOfStudent.get(studentId));

/** Called by `apply` after each event. Only events that add or remove entities change an index. */
export function keepIndexes(state: FairState, event: FairEvent): void {
  const indexes = built.get(state);
  if (!indexes) return;
  switch (event.type) {
    case 'introduction.made':
      add(indexes.introductionsOfBooth, event.introduction.boothId, event.introduction.id);
      break;
    case 'introduction.withdrawn':
      indexes.introductionsOfBooth.get(event.boothId)?.delete(introductionId(event.boothId, event.studentId));
      break;
    case 'request.made':
      add(indexes.requestsOfBooth, event.request.boothId, event.request.id);
      add(indexes.requestsOfStudent, event.request.studentId, event.request.id);
      break;
    case 'student.erased':
    case 'fair.purged':
      built.delete(state); // rare: built again at the next use
      return;
    default:
      return;
  }
  indexes.sizes = [state.introductions.size, state.requests.size];
}

function indexesOf(state: FairState): Indexes {
  const indexes = built.get(state);
  if (indexes && indexes.introductions === state.introductions && indexes.requests === state.requests &&
    indexes.sizes[0] === state.introductions.size && indexes.sizes[1] === state.requests.size) return indexes;
  const fresh: Indexes = {
    introductionsOfBooth: new Map(),
    requestsOfBooth: new Map(),
    requestsOfStudent: new Map(),
    introductions: state.introductions,
    requests: state.requests,
    sizes: [state.introductions.size, state.requests.size],
  };
  for (const intro of state.introductions.values()) add(fresh.introductionsOfBooth, intro.boothId, intro.id);
  for (const request of state.requests.values()) {
    add(fresh.requestsOfBooth, request.boothId, request.id);
    add(fresh.requestsOfStudent, request.studentId, request.id);
  }
  built.set(state, fresh);
  return fresh;
}

function add(index: IdsBy, owner: string, id: string): void {
  const ids = index.get(owner);
  if (ids) ids.add(id);
  else index.set(owner, new Set([id]));
}

function entities<T>(collection: Map<string, T>, ids: Set<string> | undefined): T[] {
  const found: T[] = [];
  for (const id of ids ?? []) {
    const entity = collection.get(id);
    if (entity !== undefined) found.push(entity);
  }
  return found;
}
