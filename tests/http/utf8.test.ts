// The big exports' text to bytes (server/http/formats/utf8.ts): every text's UTF-8 bytes in order,
// whole, in pieces made a turn apart.
import { describe, expect, it } from 'vitest';
import { utf8Bytes, utf8InTurns, utf8Of } from '../../server/http/formats/utf8.ts';

const texts = ['Zoë Müller,', 'Ünïversität 🎓', '', 'x'.repeat(3 << 20), 'plain\r\n'];

describe('export text to UTF-8', () => {
  it('writes each text in order, a long one and characters past ASCII too', () => {
    const expected = Buffer.from(texts.join(''), 'utf8');
    expect(utf8Bytes(texts).equals(expected)).toBe(true);
    expect(utf8Of(texts.map((text, i) => ({ text, i })), ({ text }) => text).equals(expected)).toBe(true);
    expect(utf8Bytes([]).length).toBe(0);
  });

  it('in turns: pieces of one text at least, each made a turn after the last, together every text', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `row ${i}, Zoë\r\n`);
    const pieces: Buffer[] = [];
    // Whether a callback queued after the last piece ran before this one: the loop had a turn.
    const turnBefore: boolean[] = [];
    let turned = true;
    // A budget of 0 ms: one text a piece.
    for await (const piece of utf8InTurns(rows, (row) => row, 0)) {
      pieces.push(piece);
      turnBefore.push(turned);
      turned = false;
      setImmediate(() => (turned = true));
    }
    expect(pieces.map((piece) => piece.toString('utf8'))).toEqual(rows);
    expect(turnBefore.every(Boolean)).toBe(true);
    const whole = [];
    for await (const piece of utf8InTurns(rows, (row) => row, 60_000)) whole.push(piece);
    expect(whole.map((piece) => piece.toString('utf8'))).toEqual([rows.join('')]); // a budget no machine reaches: one piece
  });
});
