// Students' profiles in db.json: packed into one string each in a large file (they parse faster,
// see profiles.ts), objects in a small one (people read it); either way a restart gives back
// exactly what each student saved, and what the student and the booths see.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileOf } from '../../server/domain/profiles.ts';
import type { FairEvent } from '../../server/domain/types.ts';
import { studentCard, studentView } from '../../server/domain/views.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import { INDENT_UP_TO_BYTES } from '../../server/store/snapshotWriter.ts';
import type { Profile } from '../../shared/schema.ts';
import { booth } from './events.ts';
import { quiet, readDb, tempDir } from './fixtures.ts';

const AT = '2026-03-12T10:00:00.000Z';
const profileOfStudent = (n: number): Profile => ({
  name: `Zoë ${n}: "O'Brien"`, email: `zoe${n}@uni.example`, phone: n % 2 ? '+49 30 1234567' : '', school: 'École 42: Paris',
  programme: 'Génie 电气 😀', graduationYear: '2027', link: `https://example.com/${n}?a=1:2`, interests: `line one\nline two\\${n}`,
});
const saved = (n: number): FairEvent => ({ type: 'profile.saved', studentId: `s${n}`, profile: profileOfStudent(n), at: AT });

async function fairWith(students: number, filler: string): Promise<string> {
  const dir = tempDir();
  const store = await openFileStore(dir, { log: quiet });
  await store.commit({ events: [{ type: 'booth.created', booth: { ...booth('b1'), description: filler } }] });
  await store.commit({ events: Array.from({ length: students }, (_, n) => saved(n)) });
  await store.commit({ events: [{ type: 'introduction.made', introduction: { id: 'b1:s1', boothId: 'b1', studentId: 's1', sharedAt: AT, fields: ['name', 'email', 'phone', 'interests'] } }] });
  await store.close();
  return dir;
}

describe("students' profiles in db.json", () => {
  it('are packed in a large file, and a restart gives back every profile exactly, in views too', async () => {
    const dir = await fairWith(50, 'x'.repeat(INDENT_UP_TO_BYTES));
    const onDisk = readDb(dir).state.students;
    expect(onDisk).toHaveLength(50);
    for (const student of onDisk) expect(typeof student.profile).toBe('string');

    const store = await openFileStore(dir, { log: quiet });
    for (let n = 0; n < 50; n++) expect(profileOf(store.state.students.get(`s${n}`)!)).toEqual(profileOfStudent(n));
    expect(studentView(store.state, 's1').profile).toEqual(profileOfStudent(1));
    expect(studentCard(store.state, 's1', ['name', 'email', 'phone', 'interests'])).toEqual({
      name: profileOfStudent(1).name, email: profileOfStudent(1).email, phone: '+49 30 1234567', interests: profileOfStudent(1).interests,
    });

    // A profile saved after the restart is an object again, and the next large file packs it too.
    await store.commit({ events: [{ ...saved(7), profile: { ...profileOfStudent(7), name: 'Zoë Seven' } } as FairEvent] });
    await store.close();
    const again = await openFileStore(dir, { log: quiet });
    expect(profileOf(again.state.students.get('s7')!).name).toBe('Zoë Seven');
    expect(profileOf(again.state.students.get('s8')!)).toEqual(profileOfStudent(8));
    await again.close();
  });

  it('are objects in a small file, which people read', async () => {
    const dir = await fairWith(3, 'short');
    const text = fs.readFileSync(path.join(dir, 'db.json'), 'utf8');
    expect(text).toContain('"profile": {');
    expect(text).toContain('"name": "Zoë 1: \\"O\'Brien\\""');
    expect(readDb(dir).state.students.map((s) => s.profile)).toEqual([0, 1, 2].map(profileOfStudent));
  });
});
