// Which introductions and requests belong to each booth, and which requests to each student;
// and the fair's layout: each booth by its address and by its number, each booth's tablets.
// A tablet loads its booth's cards at every (re)connect, a phone its own after every action: at
// 100,000 introductions, walking all of them took ~6 ms per tablet, so a Wi-Fi blip that brings
// 300 tablets back at once held the server ~2 s. Every scan finds its booth by address, and every
// new booth checks its number and address against all the others: a walk each time made an
// import of 10,000 booths take seconds (issue #11). Derived from the collections and never saved:
// built after a start a step at a time (`buildingIndexes`), or at first use, then kept by `apply`.
import { boothOfIntroduction, introductionId } from './introductions.ts';
import type { Booth, FairEvent, FairState, InterviewRequest, Introduction, Rep } from './types.ts';

/** Ids by owner id; the entities themselves are looked up in the state, which replaces them. */
type IdsBy = Map<string, Set<string>>;

/** Each booth's and each student's cards: changed by introductions, requests and the wipes. */
interface Cards {
  introductionsOfBooth: IdsBy;
  requestsOfBooth: IdsBy;
  requestsOfStudent: IdsBy;
}

/**
 * Each booth by its address and number, and each booth's tablets. A booth's address and number never
 * change and booths are never removed; reps go only in a purge, which replaces the collection.
 */
interface Layout {
  boothBySlug: Map<string, string>;
  /** By `boothNumberKey`; the first booth that had the number, if two ever did. */
  boothByNumber: Map<string, string>;
  repsOfBooth: IdsBy;
}

/**
 * An index and what it was built from. `apply` keeps it and notes the sizes it then describes; a
 * collection replaced (a reload, a purge) or resized behind `apply`'s back means a rebuild.
 */
interface Built<T> {
  index: T;
  from: readonly Map<string, unknown>[];
  sizes: number[];
  /** While it is built in turns: what is left to add. A reader takes the rest at once, or walks (`walking`). */
  rest?: Iterator<unknown>;
  /** The entries readers walked while it was built in turns. */
  walked?: number;
}

const cards = new WeakMap<FairState, Built<Cards>>();
const layouts = new WeakMap<FairState, Built<Layout>>();

const cardsOf = (state: FairState): Cards => current(cards, [state.introductions, state.requests], state, buildCards);
const layoutOf = (state: FairState): Layout => current(layouts, [state.booths, state.reps], state, buildLayout);

/** Booth numbers are told apart without case: "a12" is booth A12. */
export const boothNumberKey = (number: string): string => number.toLowerCase();

export const boothIdBySlug = (state: FairState, slug: string): string | undefined => layoutOf(state).boothBySlug.get(slug);

/** The booth with this number (however cased), if one; '' is no number. */
export const boothIdByNumber = (state: FairState, number: string): string | undefined =>
  number === '' ? undefined : layoutOf(state).boothByNumber.get(boothNumberKey(number));

/** The booth's tablets, revoked ones too, in the order they were paired. */
export const repsOfBooth = (state: FairState, boothId: string): Rep[] => entities(state.reps, layoutOf(state).repsOfBooth.get(boothId));

export const introductionsOfBooth = (state: FairState, boothId: string): Introduction[] =>
  walking(state, state.introductions) ? entities(state.introductions, introductionIdsWalked(state, boothId))
  : entities(state.introductions, cardsOf(state).introductionsOfBooth.get(boothId));

/** How many introductions the booth holds, without looking them up (the organiser's live counts, every second). */
export const introductionCountOfBooth = (state: FairState, boothId: string): number =>
  walking(state, state.introductions) ? introductionIdsWalked(state, boothId).size
  : cardsOf(state).introductionsOfBooth.get(boothId)?.size ?? 0;

/** The ids of the booth's introductions, by a walk over every id: their booth is in their id. */
function introductionIdsWalked(state: FairState, boothId: string): Set<string> {
  const ids = new Set<string>();
  for (const id of state.introductions.keys()) if (boothOfIntroduction(id) === boothId) ids.add(id);
  return ids;
}

export const requestsOfBooth = (state: FairState, boothId: string): InterviewRequest[] =>
  cardsIn(state, state.requests, (index) => index.requestsOfBooth.get(boothId), (request) => request.boothId === boothId);

export const requestsOfStudent = (state: FairState, studentId: string): InterviewRequest[] =>
  cardsIn(state, state.requests, (index) => index.requestsOfStudent.get(studentId), (request) => request.studentId === studentId);

/** An owner's entities of `collection`: by the index (`ids`), or while it is built, by a walk (`belongs`). */
const cardsIn = <T>(state: FairState, collection: Map<string, T>, ids: (index: Cards) => Set<string> | undefined, belongs: (entity: T) => boolean): T[] =>
  walking(state, collection) ? walk(collection, belongs) : entities(collection, ids(cardsOf(state)));

/** The entities of a collection that `belongs` picks, by a walk over all of it. */
function walk<T>(collection: Map<string, T>, belongs: (entity: T) => boolean): T[] {
  const found: T[] = [];
  for (const entity of collection.values()) if (belongs(entity)) found.push(entity);
  return found;
}

/**
 * The entries readers may walk while one build goes on, in whole fairs (introductions and requests):
 * a few phones and tablets walk, a reader of every booth (the organiser's counts) finishes the build.
 */
const WALKS_PER_BUILD = 2;

/**
 * Whether a reader of `collection` walks it, while the cards of this state are built in turns from
 * the collections it holds now, rather than finishing the build: at 300,000 introductions the first
 * phone after a start held the loop 230-245 ms finishing it, where a walk takes a few ms. Past
 * WALKS_PER_BUILD the walks would cost more than the build: the next reader finishes it.
 */
function walking(state: FairState, collection: Map<string, unknown>): boolean {
  const built = cards.get(state);
  if (built?.rest === undefined || built.from[0] !== state.introductions || built.from[1] !== state.requests) return false;
  const walked = (built.walked ?? 0) + collection.size;
  if (walked > WALKS_PER_BUILD * (state.introductions.size + state.requests.size)) return false;
  built.walked = walked;
  return true;
}

/** Called by `apply` after each event. Only events that add or remove entities change an index. */
export function keepIndexes(state: FairState, event: FairEvent): void {
  keep(layouts, state, (layout) => {
    if (event.type === 'booth.created') addBooth(layout, event.booth);
    else if (event.type === 'rep.paired') add(layout.repsOfBooth, event.rep.boothId, event.rep.id);
    else return false;
    return true;
  });
  keep(cards, state, (index) => {
    switch (event.type) {
      case 'introduction.made':
        add(index.introductionsOfBooth, event.introduction.boothId, event.introduction.id);
        return true;
      case 'introduction.withdrawn':
        index.introductionsOfBooth.get(event.boothId)?.delete(introductionId(event.boothId, event.studentId));
        return true;
      case 'request.made':
        add(index.requestsOfBooth, event.request.boothId, event.request.id);
        add(index.requestsOfStudent, event.request.studentId, event.request.id);
        return true;
      case 'student.erased':
      case 'fair.purged':
        cards.delete(state); // rare: built again at the next use
        return false;
      default:
        return false;
    }
  });
}

/**
 * Builds the indexes one step at a time, for the caller to take a few milliseconds' worth per turn
 * of the event loop, so the first phone or tablet after a start does not wait while they are built
 * (133 ms at 100,000 introductions, issue #14). Events applied meanwhile go into the index through
 * `keepIndexes`, and the walk is over the live collections (a Map's iterator sees what is added and
 * skips what is removed), so it ends as one built at once. A reader that comes meanwhile walks the
 * collection instead, up to a limit (`walking`); a purge or an erasure drops it, which ends the walk.
 */
export function* buildingIndexes(state: FairState): Generator<void> {
  layoutOf(state); // booths and tablets: hundreds, built at once
  if (cards.has(state)) return;
  const index = emptyCards();
  const rest = addAll(state, index);
  const built: Built<Cards> = { index, from: [state.introductions, state.requests], sizes: [], rest };
  cards.set(state, built);
  while (built.rest === rest && cards.get(state) === built) {
    if (rest.next().done) finish(built);
    else yield;
  }
}

/**
 * Whether no build in turns is under way: a reader that can wait (an export) waits for this rather
 * than finishing the build on the spot (at 300,000 introductions, ~180 ms in one go).
 */
export const indexesBuilt = (state: FairState): boolean => cards.get(state)?.rest === undefined;

/** The index for this state as it is now: the one built, if it still describes `from`, else a new one. */
function current<T>(cache: WeakMap<FairState, Built<T>>, from: readonly Map<string, unknown>[], state: FairState, build: (state: FairState) => T): T {
  const built = cache.get(state);
  if (built?.rest) finish(built);
  if (built && built.from.every((collection, i) => collection === from[i] && collection.size === built.sizes[i])) return built.index;
  const fresh: Built<T> = { index: build(state), from, sizes: from.map((collection) => collection.size) };
  cache.set(state, fresh);
  return fresh.index;
}

/** Adds what is left of an index built in turns, and notes the sizes it now describes. */
function finish<T>(built: Built<T>): void {
  for (let step = built.rest?.next(); step && !step.done; step = built.rest?.next());
  built.rest = undefined;
  built.sizes = built.from.map((collection) => collection.size);
}

/** Lets `update` keep a built index after an event; when it changed it, the sizes it now describes. */
function keep<T>(cache: WeakMap<FairState, Built<T>>, state: FairState, update: (index: T) => boolean): void {
  const built = cache.get(state);
  if (built && update(built.index) && !built.rest) built.sizes = built.from.map((collection) => collection.size);
}

const emptyCards = (): Cards => ({ introductionsOfBooth: new Map(), requestsOfBooth: new Map(), requestsOfStudent: new Map() });

function buildCards(state: FairState): Cards {
  const index = emptyCards();
  for (const _ of addAll(state, index));
  return index;
}

/**
 * Adds every introduction and request to the index, one step each. An introduction by its id
 * alone, which names its booth: right after a start on a large db.json none need be read from it
 * (store/entitiesOnDisk.ts).
 */
function* addAll(state: FairState, index: Cards): Generator<void> {
  for (const id of state.introductions.keys()) {
    add(index.introductionsOfBooth, boothOfIntroduction(id), id);
    yield;
  }
  for (const request of state.requests.values()) {
    add(index.requestsOfBooth, request.boothId, request.id);
    add(index.requestsOfStudent, request.studentId, request.id);
    yield;
  }
}

function buildLayout(state: FairState): Layout {
  const layout: Layout = { boothBySlug: new Map(), boothByNumber: new Map(), repsOfBooth: new Map() };
  for (const booth of state.booths.values()) addBooth(layout, booth);
  for (const rep of state.reps.values()) add(layout.repsOfBooth, rep.boothId, rep.id);
  return layout;
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
