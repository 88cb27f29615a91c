// Which introductions and requests belong to each booth, and which requests to each student;
// and the fair's layout: each booth by its address and by its number, each booth's tablets.
// A tablet loads its booth's cards at every (re)connect, a phone its own after every action: at
// 100,000 introductions, walking all of them took ~6 ms per tablet, so a Wi-Fi blip that brings
// 300 tablets back at once held the server ~2 s. Every scan finds its booth by address, and every
// new booth checks its number and address against all the others: a walk each time made an
// import of 10,000 booths take seconds (issue #11). Derived from the collections and never saved:
// built at first use (a start at 100,000 introductions must not pay for it), then kept by `apply`.
import { introductionId } from './introductions.ts';
import type { Booth, FairEvent, FairState, InterviewRequest, Introduction, Rep } from './types.ts';

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

/** Booths and reps are never removed, and a booth's address and number never change: only additions to keep. */
interface Layout {
  boothBySlug: Map<string, string>;
  /** By `boothNumberKey`; the first booth that had the number, if two ever did. */
  boothByNumber: Map<string, string>;
  repsOfBooth: IdsBy;
  booths: Map<string, Booth>;
  reps: Map<string, Rep>;
  sizes: [booths: number, reps: number];
}

const builtLayout = new WeakMap<FairState, Layout>();

/** Booth numbers are told apart without case: "a12" is booth A12. */
export const boothNumberKey = (number: string): string => number.toLowerCase();

export const boothIdBySlug = (state: FairState, slug: string): string | undefined => layoutOf(state).boothBySlug.get(slug);

/** The booth with this number (however cased), if one; '' is no number. */
export const boothIdByNumber = (state: FairState, number: string): string | undefined =>
  number === '' ? undefined : layoutOf(state).boothByNumber.get(boothNumberKey(number));

/** The booth's tablets, revoked ones too, in the order they were paired. */
export const repsOfBooth = (state: FairState, boothId: string): Rep[] => entities(state.reps, layoutOf(state).repsOfBooth.get(boothId));

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
  keepLayout(state, event);
  keepCards(state, event);
}

function keepLayout(state: FairState, event: FairEvent): void {
  const layout = builtLayout.get(state);
  if (!layout) return;
  if (event.type === 'booth.created') addBooth(layout, event.booth);
  else if (event.type === 'rep.paired') add(layout.repsOfBooth, event.rep.boothId, event.rep.id);
  else return;
  layout.sizes = [state.booths.size, state.reps.size];
}

function keepCards(state: FairState, event: FairEvent): void {
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

function layoutOf(state: FairState): Layout {
  const layout = builtLayout.get(state);
  if (layout && layout.booths === state.booths && layout.reps === state.reps &&
    layout.sizes[0] === state.booths.size && layout.sizes[1] === state.reps.size) return layout;
  const fresh: Layout = {
    boothBySlug: new Map(),
    boothByNumber: new Map(),
    repsOfBooth: new Map(),
    booths: state.booths,
    reps: state.reps,
    sizes: [state.booths.size, state.reps.size],
  };
  for (const booth of state.booths.values()) addBooth(fresh, booth);
  for (const rep of state.reps.values()) add(fresh.repsOfBooth, rep.boothId, rep.id);
  builtLayout.set(state, fresh);
  return fresh;
}

function addBooth(layout: Layout, booth: Booth): void {
  layout.boothBySlug.set(booth.slug, booth.id);
  const number = boothNumberKey(booth.booth);
  if (number !== '' && !layout.boothByNumber.has(number)) layout.boothByNumber.set(number, booth.id);
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
