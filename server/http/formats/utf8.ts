// The big exports' text to bytes. A batch of rows joined into one string and encoded at once costs
// V8 a flattening of the whole joined string: ~5 ns a byte, half a second for a 100 MB sheet.
// Each row's string encoded on its own into one buffer is half that (a row is flattened while it
// is still in the cache): the 100,000-row sheet's XML took 0.96-1.1 s against 1.2-1.65 s before
// (bench/store export task's rows, in-process, 2-core VM).

/** Reused from call to call (each is synchronous), so a batch allocates only its result. */
let scratch = Buffer.allocUnsafe(1 << 20);
/** A batch with a longer text grows the scratch; past this size it is let go afterwards. */
const KEEP_BYTES = 4 << 20;

/** The UTF-8 bytes of the texts, one after another. */
export function utf8Bytes(texts: readonly string[]): Buffer {
  let used = 0;
  for (const text of texts) {
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
