// db.json's students and introductions, each parsed at its first use rather than at start-up.
// At 100,000 introductions a start spent most of its ~1.2 s making 200,000 entities: parsing their
// lines, V8 copying each one out of the young generation, and the memory they fill, which on the
// 2-core VM the bench runs on costs ~3 ms a MB the first time a process touches it (issue #14).
// From DEFER_FROM_BYTES on, the reader (snapshotReader.ts) keeps only each entity's id and where
// its line is in db.json, when the file is exactly as the writer wrote it (its last line's CRC-32
// says so): a damaged or hand-edited file is read in full at start, and refused as before. An
// entity is then read from the file and parsed when it is first asked for; once the server
// listens, `readInTurns` reads the rest a turn's worth at a time. The file stays open until then:
// a snapshot, which replaces db.json and frees its blocks, waits for that (compaction.ts).
import { closeSync, readSync } from 'node:fs';
import { eachInTurns } from '../turns.ts';

/** db.json from this size on leaves its students and introductions on disk until they are used. */
export const DEFER_FROM_BYTES = 8_000_000;
/** The lists whose entities wait on disk: the two that grow with the fair. */
export const DEFERRED_LISTS: ReadonlySet<string> = new Set(['students', 'introductions']);
/** Bytes read at once when the entities are read in their order. */
const WINDOW_BYTES = 1 << 20;
/**
 * How long reading the rest holds the event loop at a time. Short: it runs right after a start,
 * while phones and tablets reconnect, and each of their requests waits behind one such turn.
 */
const READ_TURN_MS = 2;

/** Makes the entity of a line of `list` (JSON.parse, then whatever the reader does to each entry). */
export type EntityOf = (list: string, text: string) => unknown;

/** Where each deferred entity's line is in db.json, and the open file to read it from. */
export class LinesOnDisk {
  private starts = new Float64Array(1024);
  private lengths = new Int32Array(1024);
  private count = 0;
  private fd: number | undefined;
  private window = Buffer.alloc(0);
  private windowStart = 0;
  private windowEnd = 0;
  private reading: Promise<void> | undefined;
  /** The collections whose entities wait here. */
  readonly collections: DeferredEntities<object>[] = [];

  constructor(
    readonly file: string,
    fd: number,
    private readonly entityOf: EntityOf,
  ) {
    this.fd = fd;
    stillOpen.add(this);
  }

  /** Notes a line (bytes `start` to `start + length` of the file) and returns its number. */
  add(start: number, length: number): number {
    if (this.count === this.starts.length) {
      const starts = new Float64Array(this.count * 2);
      starts.set(this.starts);
      this.starts = starts;
      const lengths = new Int32Array(this.count * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.starts[this.count] = start;
    this.lengths[this.count] = length;
    return this.count++;
  }

  /** The entity on line `index`. `inOrder`: the caller reads the lines in the file's order, so a window of them is read at once. */
  entity(list: string, index: number, inOrder: boolean): unknown {
    const start = this.starts[index]!;
    const length = this.lengths[index]!;
    if (start < this.windowStart || start + length > this.windowEnd) {
      const size = inOrder ? Math.max(WINDOW_BYTES, length) : length;
      if (this.window.length < size) this.window = Buffer.allocUnsafe(size);
      this.windowStart = start;
      this.windowEnd = start + this.fill(this.window, size, start);
      if (this.windowEnd < start + length) throw new Error('db.json was cut short while the server was reading it');
    }
    const from = start - this.windowStart;
    return this.entityOf(list, this.window.toString('utf8', from, from + length));
  }

  /** Reads up to `size` bytes from `position`; fewer only at the file's end. */
  private fill(buffer: Buffer, size: number, position: number): number {
    if (this.fd === undefined) throw new Error('db.json was closed before all of it was read');
    let filled = 0;
    for (let read = -1; filled < size && read !== 0; filled += read) read = readSync(this.fd, buffer, filled, size - filled, position + filled);
    return filled;
  }

  /**
   * Reads every entity still on disk, a turn's worth at a time, then closes the file. Once begun,
   * the same promise for every caller.
   */
  readInTurns(ms = READ_TURN_MS): Promise<void> {
    return (this.reading ??= (async () => {
      try {
        for (const collection of this.collections) await eachInTurns(collection.readEach(), () => undefined, ms);
        for (const collection of this.collections) collection.allRead();
      } finally {
        this.close();
      }
    })());
  }

  /** Whether every entity has been read and the file closed. */
  get done(): boolean {
    return this.fd === undefined;
  }

  /** Closes the file: its entities are all read, or the state they belong to was dropped. */
  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    this.window = Buffer.alloc(0);
    this.windowStart = this.windowEnd = 0;
    stillOpen.delete(this);
  }
}

/**
 * A collection whose entities may still be lines in db.json: a Map like the others, whose getters
 * and walks read and parse such an entity first, and keep it. Its keys, size, `has`, `set` and
 * `delete` never need the file. A deferred entity is held as its line's number.
 */
export class DeferredEntities<V extends object> extends Map<string, V> {
  /** The file some of its entities are still in; undefined once all of them are read. */
  lines: LinesOnDisk | undefined;

  constructor(lines: LinesOnDisk, private readonly list: string) {
    super();
    this.lines = lines;
    lines.collections.push(this);
  }

  /** Whether some of its entities are still lines in db.json (turns.ts's wholeFairReady asks, by this name). */
  get onDisk(): boolean {
    return this.lines?.done === false; // a file that failed while it was read is closed: a reader then meets the error
  }

  /** An entity whose line is line `index` of the file. */
  defer(id: string, index: number): void {
    super.set(id, index as unknown as V);
  }

  override get(id: string): V | undefined {
    const value: unknown = super.get(id);
    return typeof value === 'number' ? this.read(id, value, false) : (value as V | undefined);
  }

  override values(): MapIterator<V> {
    return this.lines === undefined ? super.values() : (this.walk((_id, entity) => entity) as MapIterator<V>);
  }

  override entries(): MapIterator<[string, V]> {
    return this.lines === undefined ? super.entries() : (this.walk((id, entity): [string, V] => [id, entity]) as MapIterator<[string, V]>);
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  override forEach(callback: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    for (const [id, entity] of this.entries()) callback.call(thisArg, entity, id, this);
  }

  /** Reads each entity still on disk, in the file's order; yields after each. */
  *readEach(): Generator<void> {
    for (const [id, value] of super.entries()) {
      if (typeof value !== 'number') continue;
      this.read(id, value, true);
      yield;
    }
  }

  /** Called once the file is closed: every entity is read, and walks go at the Map's own speed. */
  allRead(): void {
    this.lines = undefined;
  }

  private *walk<T>(make: (id: string, entity: V) => T): Generator<T, undefined> {
    for (const [id, value] of super.entries()) yield make(id, typeof value === 'number' ? this.read(id, value, true) : value);
    return undefined;
  }

  private read(id: string, index: number, inOrder: boolean): V {
    const entity = this.lines!.entity(this.list, index, inOrder) as V & { id: string };
    // The key's string, equal to the one just parsed (the line began with it): that one dies young,
    // rather than being copied to the old generation beside the key (~10 MB at 100,000 introductions).
    entity.id = id;
    super.set(id, entity); // in its place: an existing key keeps its position
    return entity;
  }
}

/**
 * Every read of a db.json whose entities are not all read yet. Kept apart from the state: a
 * reload after a failed write, or a purge, replaces the collections, while the file stays open
 * until all of its entities are read, and must be before db.json is replaced.
 */
const stillOpen = new Set<LinesOnDisk>();

/** The reads of `file` whose entities are not all read yet. */
const readsOf = (file: string): LinesOnDisk[] => [...stillOpen].filter((lines) => lines.file === file);

/** Whether some entities of `file` are still to be read from it. */
export const entitiesOnDisk = (file: string): boolean => readsOf(file).length > 0;

/**
 * Resolves once every entity still on disk in `file` is read, and the file closed: reads them now,
 * a turn's worth at a time, unless that is under way.
 */
export async function entitiesRead(file: string): Promise<void> {
  for (let reads = readsOf(file); reads.length > 0; reads = readsOf(file)) {
    await Promise.all(reads.map((lines) => lines.readInTurns().catch(() => undefined))); // a read that failed has closed its file all the same
  }
}
