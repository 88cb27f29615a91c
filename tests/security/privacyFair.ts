// The fair the privacy tests share: two booths on a real file store that snapshots (and so rotates
// its journal) after 10 ms of quiet, students who shared and asked, and the organiser's exports.
import { openFileStore } from '../../server/store/fileStore.ts';
import type { Store } from '../../server/store/store.ts';
import type { Profile } from '../../shared/schema.ts';
import { actionId, api, ask, connectStudent, startServer, studentKey, tempDir, type StudentClient, type TestServer } from '../helpers.ts';
import { FAIR_MORNING, SAM, setUpFair } from '../realtime/fixtures.ts';

export const LOU: Profile = { ...SAM, name: 'Lou Keller', email: 'lou@uni.example', phone: '+41 44 7654321' };
export const SAM_NOTE = 'Flight software?';
/** What must never show once Sam withdrew or was erased: her name, email, phone and her note. */
export const SAMS = [SAM.name, SAM.email, SAM.phone, SAM_NOTE];

export interface DiskFair {
  server: TestServer;
  dir: string;
  store: Store;
  /** Rep tokens: Ada at ACME, Gil at Globex. */
  ada: string;
  gil: string;
}

/** ACME and Globex; the store's own log lines go to `log`. */
export async function fairOnDisk(log: (line: string) => void = () => {}): Promise<DiskFair> {
  const dir = tempDir();
  const store = await openFileStore(dir, { log, snapshot: { idleMs: 10 } });
  const server = await startServer({ now: () => FAIR_MORNING, store, dataDir: dir });
  const { booth, pair } = await setUpFair(store);
  await booth('acme', 'ACME', '12');
  await booth('globex', 'Globex', '14');
  return { server, dir, store, ada: await pair('acme', 'Ada'), gil: await pair('globex', 'Gil') };
}

/** A phone that saved `profile`, shared it with the booths and asked each one for an interview. */
export async function studentAt(server: TestServer, profile: Profile, slugs: string[]): Promise<{ phone: StudentClient; requests: string[] }> {
  const phone = await connectStudent(server.url, studentKey());
  await ask(phone, 'profile:save', profile);
  const requests: string[] = [];
  for (const slug of slugs) {
    await ask(phone, 'intro:share', { id: actionId(), slug });
    const made = await ask(phone, 'request:create', { id: actionId(), slug, note: profile === SAM ? SAM_NOTE : 'Hi' });
    if (!made.ok) throw new Error(made.error.message);
    requests.push(made.data.visits.find((v) => v.booth.slug === slug)!.requests[0]!.id);
  }
  return { phone, requests };
}

/** The organiser's two downloads, as text: the introductions CSV and the whole fair as JSON. */
export async function exportsOf(server: TestServer): Promise<string[]> {
  const get = async (route: string) => (await api(server.url, route, { token: server.adminToken })).text();
  return [await get('/api/admin/export/introductions.csv'), await get('/api/admin/export/fair.json')];
}
