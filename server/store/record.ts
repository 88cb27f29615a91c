// One committed record: the unit the journal stores per line and every store applies to memory.
import { KEEP_ACTION_IDS_MS } from '../../shared/protocol.ts';
import { forgottenKeys } from '../domain/actionKeys.ts';
import { isKnownEventType, quotedType } from '../domain/eventTypes.ts';
import { applyAll } from '../domain/state.ts';
import type { Change, FairEvent, FairState } from '../domain/types.ts';
import type { CommitRecord } from './store.ts';

/**
 * One line of journal.jsonl. `at`, and the `reply` that older journals wrote beside each key, are
 * tolerated but not written.
 */
export interface JournalRecord {
  seq: number;
  at?: string;
  key?: string;
  events: FairEvent[];
}

/**
 * Idempotency keys of applied actions: a Set, or `KeptKeys`. Sets: a snapshot copies 100,000+ keys
 * in ~2 ms, where Object.keys of an object that size held the event loop 20-40 ms (it sorts them);
 * and db.json's list of keys makes one in half the time JSON.parse takes to make an object of them.
 */
export interface AppliedKeys extends Iterable<string> {
  readonly size: number;
  has(key: string): boolean;
  add(key: string): unknown;
  delete(key: string): boolean;
}

/**
 * The applied keys the stores keep: each for KEEP_ACTION_IDS_MS at least, past the time any
 * phone or tablet still resends its action, then dropped, so they do not grow for as long as the
 * server runs. Two generations, no time per key: a key goes into the newer one; every
 * KEEP_ACTION_IDS_MS the newer becomes the older and the older is dropped. A key thus lives one
 * to two spans (more while nothing asks). Keys read at a start or a reload begin in the newer one:
 * a restart only lengthens their life, and db.json's shape does not change.
 */
export class KeptKeys implements AppliedKeys {
  #older = new Set<string>();
  #newer: Set<string>;
  #since: number;

  /** Adopts `keys` (no copy) as the newer generation, begun now. */
  constructor(keys: Set<string>, private readonly now: () => number = Date.now) {
    this.#newer = keys;
    this.#since = now();
  }

  get size(): number {
    this.#age();
    return this.#older.size + this.#newer.size;
  }

  has(key: string): boolean {
    this.#age();
    return this.#newer.has(key) || this.#older.has(key);
  }

  add(key: string): this {
    this.#age();
    this.#older.delete(key); // one place per key: a size that counts it once
    this.#newer.add(key);
    return this;
  }

  delete(key: string): boolean {
    const newer = this.#newer.delete(key);
    return this.#older.delete(key) || newer;
  }

  *[Symbol.iterator](): Iterator<string> {
    this.#age();
    yield* this.#older;
    yield* this.#newer;
  }

  /** Every key, older first, in a new list: what a snapshot copies (see keyList). */
  list(): string[] {
    this.#age();
    const keys = new Array<string>(this.#older.size + this.#newer.size);
    let i = 0;
    for (const key of this.#older) keys[i++] = key;
    for (const key of this.#newer) keys[i++] = key;
    return keys;
  }

  #age(): void {
    const now = this.now();
    if (now - this.#since < KEEP_ACTION_IDS_MS) return;
    this.#older = now - this.#since < 2 * KEEP_ACTION_IDS_MS ? this.#newer : new Set();
    this.#newer = new Set();
    this.#since = now;
  }
}

/**
 * The keys in a new list. A snapshot copies them synchronously, in the turn a commit may be waiting
 * for: spreading KeptKeys's generator took 5-10 ms at 115,000 keys, filling a list from its two
 * Sets takes ~1 ms.
 */
export const keyList = (keys: AppliedKeys): string[] => (keys instanceof KeptKeys ? keys.list() : [...keys]);

/**
 * The keys of commits applied to memory and not yet durable, each with whether it was saved: what
 * `Store.applied` answers meanwhile. A key leaves before its committer hears back, so from then on
 * the applied keys (or the store's refused ones) answer.
 */
export class SavingKeys {
  readonly #saving = new Map<string, Promise<boolean>>();

  /** Notes `key` (if any) as saving until `saved` settles. */
  add(key: string | undefined, saved: Promise<unknown>): void {
    if (key === undefined) return;
    const forget = () => this.#saving.get(key) === settled && this.#saving.delete(key);
    const settled: Promise<boolean> = saved.then(() => (forget(), true), () => (forget(), false));
    this.#saving.set(key, settled);
  }

  get(key: string): Promise<boolean> | undefined {
    return this.#saving.get(key);
  }

  /** The keys still saving, oldest first. */
  keys(): string[] {
    return [...this.#saving.keys()];
  }
}

/**
 * Serialises a record as one journal line. Done before the events are applied, so that a record
 * that cannot be serialised is refused with memory untouched.
 */
export function toJournalLine(seq: number, record: CommitRecord): string {
  if (record.eventsJson !== undefined) {
    // The text JSON.stringify gives for the object below, around the events' text made ahead.
    return `{"seq":${seq}${record.key === undefined ? '' : `,"key":${JSON.stringify(record.key)}`},"events":${record.eventsJson}}\n`;
  }
  const line: JournalRecord = record.key === undefined ? { seq, events: record.events } : { seq, key: record.key, events: record.events };
  return `${JSON.stringify(line)}\n`;
}

/**
 * Applies a record to memory: its events to the state, its key to the applied keys. Gives each
 * event with the number its booth's feed gave it (feed.ts), for the pushes to the booth's tablets.
 * An erasure or a purge then forgets the keys of whom it removed (actionKeys.ts), the record's
 * own key included; walking every key costs a few milliseconds at 100,000, and wipes are rare.
 */
export function applyRecord(state: FairState, applied: AppliedKeys, record: Pick<CommitRecord, 'events' | 'key'>): Change[] {
  const changes = applyAll(state, record.events);
  if (record.key !== undefined) applied.add(record.key);
  for (const event of record.events) {
    const forgotten = forgottenKeys(event);
    if (forgotten) for (const key of applied) if (forgotten(key)) applied.delete(key);
  }
  return changes;
}

/** Checks the shape of a parsed journal line; returns what is wrong, or undefined if it is fine. */
export function journalRecordProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'it is not a JSON object';
  if (!Number.isSafeInteger(value.seq) || (value.seq as number) < 1) return 'its "seq" is not a positive whole number';
  if (value.key !== undefined && typeof value.key !== 'string') return 'its "key" is not text';
  if (!Array.isArray(value.events)) return 'its "events" is not a list';
  if (!value.events.every((event) => isObject(event) && typeof event.type === 'string')) {
    return 'one of its events has no "type"';
  }
  // Checked here, not left to `apply`: its error would have to say which event, and the event holds personal data.
  const unknown = value.events.find((event) => !isKnownEventType(event.type as string));
  if (unknown !== undefined) {
    return `one of its events is of type ${quotedType(unknown.type)}, which this version of Boothlink does not know (a newer version wrote it, or a byte of it changed)`;
  }
  return undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
