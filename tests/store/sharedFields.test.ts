// Introductions share one frozen list of fields per set (server/domain/introductions.ts): made
// during the day through `apply`, and read back from db.json a line at a time. At 100,000
// introductions the lists each one had were 14 MB of a 108 MB heap.
import { describe, expect, it } from 'vitest';
import { openFileStore } from '../../server/store/fileStore.ts';
import { INDENT_UP_TO_BYTES } from '../../server/store/snapshotWriter.ts';
import type { FairEvent, Introduction } from '../../server/domain/types.ts';
import { boothCreated } from './events.ts';
import { quiet, tempDir } from './fixtures.ts';

const ALL = ['name', 'email', 'phone', 'school'] as const;

function introduction(n: number, fields: readonly string[]): FairEvent {
  const studentId = `student-${n}`;
  const introduction = { id: `b1:${studentId}`, boothId: 'b1', studentId, sharedAt: '2026-05-14T10:00:00.000Z', fields: [...fields] } as Introduction;
  return { type: 'introduction.made', introduction };
}

describe('the fields an introduction holds', () => {
  it('are one frozen list per set, made during the day or read back from a large db.json', async () => {
    const dir = tempDir();
    const store = await openFileStore(dir, { log: quiet });
    await store.commit({ events: [boothCreated('b1')] });
    const count = Math.ceil(INDENT_UP_TO_BYTES / 150); // past the indented size: one entity a line
    for (let n = 0; n < count; n += 500) {
      await store.commit({ events: Array.from({ length: Math.min(500, count - n) }, (_, i) => introduction(n + i, (n + i) % 3 === 0 ? ['name', 'email'] : ALL)) });
    }
    const check = (intros: Introduction[]) => {
      const lists = new Set(intros.map((intro) => intro.fields));
      expect(lists.size).toBe(2);
      for (const list of lists) expect(Object.isFrozen(list)).toBe(true);
      expect(intros.find((intro) => intro.id === 'b1:student-1')!.fields).toEqual(ALL);
      expect(intros.find((intro) => intro.id === 'b1:student-3')!.fields).toEqual(['name', 'email']);
    };
    check([...store.state.introductions.values()]);
    await store.close();
    const again = await openFileStore(dir, { log: quiet });
    expect(again.state.introductions.size).toBe(count);
    check([...again.state.introductions.values()]);
    await again.close();
  });
});
