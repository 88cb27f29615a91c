// The big exports' text to bytes. A batch of rows joined into one string and encoded at once costs
// V8 a flattening of the whole joined string: ~5 ns a byte, half a second for a 100 MB sheet.
// Each row's string encoded on its own into one buffer is half that (a row is flattened while it
// is still in the cache): the 100,000-row sheet's XML took 0.96-1.1 s against 1.2-1.65 s before
// (bench/store export task's rows, in-process, 2-core VM).
import { nextTurn } from '../../turns.ts';

/** Reused from call to call (each is synchronous), so a batch allocates only its result. */
let scratch = Buffer.allocUnsafe(1 << 20);
/** A batch with a longer text grows the scratch; past this size it is let go afterwards. */
const KEEP_BYTES = 4 << 20;

/** The UTF-8 bytes of the texts, one after another. */
export const utf8Bytes = (texts: readonly string[]): Buffer => utf8Of(texts, (text) => text);

/** The UTF-8 bytes of each item's text, one after another, each text written as soon as it is made. */
export function utf8Of<T>(items: readonly T[], textOf: (item: T) => string): Buffer {
  let next = 0;
  return encode(() => (next < items.length ? textOf(items[next++]!) : undefined));
}

/**
 * `utf8Of` a turn's worth at a time: each piece holds the texts made in `ms` (one at least), and
 * the next piece is made in a later turn. No list of texts is kept, so each dies young, before V8
 * would copy it to the old generation: a 300,000-row sheet's slices of rows' XML, listed whole
 * until encoded, were promoted by the tens of MB, and the major collections they caused paused
 * the loop up to 108 ms. Its clock is mapInTurns's (turns.ts), written out: one loop over both,
 * a function handing out each item, made the workbook ~20% slower.
 */
export async function* utf8InTurns<T>(items: readonly T[], textOf: (item: T) => string, ms: number): AsyncGenerator<Buffer> {
  for (let next = 0; next < items.length;) {
    if (next > 0) await nextTurn();
    const since = performance.now();
    const first = next;
    yield encode(() => (next < items.length && (next === first || performance.now() - since < ms) ? textOf(items[next++]!) : undefined));
  }
}

/** Writes each text `nextText` gives into the scratch until it gives none; a copy of what was written. */
function encode(nextText: () => string | undefined): Buffer {
  let used = 0;
  for (let text = nextText(); text !== undefined; text = nextText()) {
    // UTF-8 needs at most 3 bytes for each UTF-16 code unit.
    if (text.length * 3 > scratch.length - used) {
      const grown = Buffer.allocUnsafe(Math.max(scratch.length * 2, used + text.length * 3));
      scratch.copy(grown, 0, 0, used);
      scratch = grown;
    }
    used += scratch.write(text, used);
  }
  const bytes = Buffer.from(scratch.subarray(0, used));
  if (scratch.length > KEEP_BYTES) scratch = Buffer.allocUnsafe(1 << 20);
  return bytes;
}
