// db.json as written: indented while small, compact past INDENT_UP_TO_BYTES, and written in chunks
// that never split a character.
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeIo, writeText } from '../../server/store/io.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import { readSnapshot } from '../../server/store/snapshot.ts';
import { INDENT_UP_TO_BYTES } from '../../server/store/snapshotWriter.ts';
import { booth } from './events.ts';
import { dbState, quiet, tempDir } from './fixtures.ts';

describe('db.json', () => {
  it('is compact ASCII JSON past INDENT_UP_TO_BYTES, with lists for collections, and lowdb reads it back', async () => {
    const dir = tempDir();
    const store = await openFileStore(dir, { log: quiet });
    const description = 'Rockets, anvils and 😀 emoji. '.repeat(40);
    let n = 0;
    while (JSON.stringify(dbState(store.state)).length <= INDENT_UP_TO_BYTES) {
      const ids = Array.from({ length: 200 }, () => `b${(n += 1)}`);
      await Promise.all(ids.map((id) => store.commit({ events: [{ type: 'booth.created', booth: { ...booth(id), description } }] })));
    }
    await store.close();

    const bytes = fs.readFileSync(path.join(dir, 'db.json'));
    const text = bytes.toString('utf8');
    expect(text.length).toBeGreaterThan(INDENT_UP_TO_BYTES);
    expect(text).not.toContain('\n  ');
    expect(isAscii(bytes)).toBe(true); // the emoji as \ud83d\ude00: decoded at memory speed on start
    expect(text).toContain('"booths":[\n{"id":"b1",'); // an entity a line: read a line at a time
    const read = await readSnapshot(nodeIo, dir);
    expect(read.kind).toBe('ok');
    expect(read.kind === 'ok' && read.snapshot.state.booths.size).toBe(n);
    expect(read.kind === 'ok' && read.snapshot.state.booths.get('b1')?.description).toBe(description);
  });

  it('is written in chunks that keep a surrogate pair together across a chunk boundary', async () => {
    const file = path.join(tempDir(), 'text');
    for (const before of [(1 << 20) - 1, 1 << 20, (1 << 20) + 1]) {
      const text = `${'a'.repeat(before)}😀${'b'.repeat(10)}`;
      const handle = await nodeIo.open(file, 'w');
      await writeText(handle, text);
      await handle.close();
      expect(fs.readFileSync(file, 'utf8') === text, `emoji at ${before}`).toBe(true);
    }
  });

  it('keeps a small fair indented with its characters as they are, and reads one written with collections by id', async () => {
    const dir = tempDir();
    const store = await openFileStore(dir, { log: quiet });
    await store.commit({ events: [{ type: 'booth.created', booth: { ...booth('b1'), employer: 'Müller & Söhne' } }] });
    await store.close();
    const text = fs.readFileSync(path.join(dir, 'db.json'), 'utf8');
    expect(text).toContain('"employer": "Müller & Söhne"');

    const db = JSON.parse(text) as { state: Record<string, unknown>; applied: unknown };
    db.state.booths = { b1: (db.state.booths as unknown[])[0] }; // as db.json was written before lists
    db.applied = { 'action-1': { ok: true }, 'action-2': 'second' }; // and the applied keys, with their replies, before lists
    fs.writeFileSync(path.join(dir, 'db.json'), JSON.stringify(db));
    const read = await readSnapshot(nodeIo, dir);
    expect(read.kind === 'ok' && read.snapshot.state.booths.get('b1')?.employer).toBe('Müller & Söhne');
    expect(read.kind === 'ok' && [...read.snapshot.applied]).toEqual(['action-1', 'action-2']);
  });

  it('keeps the parts of the state that are not collections as they are (the purge counts), small or large', async () => {
    // The last: one entity whose escaped text (3 MB) is longer than the writer's chunk of bytes.
    for (const description of ['short', 'x'.repeat(INDENT_UP_TO_BYTES), 'ü'.repeat(INDENT_UP_TO_BYTES / 2)]) {
      const dir = tempDir();
      const store = await openFileStore(dir, { log: quiet });
      await store.commit({ events: [{ type: 'booth.created', booth: { ...booth('b1'), description } }] });
      await store.commit({ events: [{ type: 'fair.purged', at: '2026-03-12T18:00:00.000Z' }] });
      const purged = store.state.purged;
      expect(purged?.at).toBe('2026-03-12T18:00:00.000Z');
      await store.close();
      const again = await openFileStore(dir, { log: quiet });
      expect(again.state.purged).toEqual(purged);
      expect(again.state.booths.get('b1')?.description).toBe(description);
      await again.close();
    }
  });
});
