// Shared set-up for the HTTP tests: a server with a tiny fake client build, and fair data made
// by committing domain commands straight to the store (what the socket handlers do).
import fs from 'node:fs';
import path from 'node:path';
import { acceptRequest, requestInterview } from '../../server/domain/requests.ts';
import { saveProfile, shareDetails } from '../../server/domain/students.ts';
import type { Decision } from '../../server/domain/decision.ts';
import type { Rep } from '../../server/domain/types.ts';
import { newId } from '../../server/ids.ts';
import type { Store } from '../../server/store/store.ts';
import type { BoothAdmin, PairResult } from '../../shared/protocol.ts';
import type { Profile } from '../../shared/schema.ts';
import { api, startServer, tempDir, type StartOptions, type TestServer } from '../helpers.ts';

export const INDEX_HTML = '<!doctype html><html><head><title>Boothlink test</title></head><body><div id="root"></div></body></html>';

/** A dist folder with an index.html and one hashed asset, like `vite build` makes. */
export function fakeDist(): string {
  const dir = tempDir('boothlink-dist-');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("hi");\n');
  return dir;
}

export type HttpTestServer = TestServer & { distDir: string };

export async function startHttpServer(options: StartOptions = {}): Promise<HttpTestServer> {
  const distDir = options.distDir ?? fakeDist();
  const server = await startServer({ ...options, distDir });
  return {
    ...server,
    distDir,
    async close() {
      await server.close();
      if (!options.distDir) fs.rmSync(distDir, { recursive: true, force: true });
    },
  };
}

export async function createBooth(server: TestServer, input: Record<string, unknown>): Promise<BoothAdmin> {
  const res = await api(server.url, '/api/admin/booths', { token: server.adminToken, json: input });
  if (res.status !== 201) throw new Error(`Creating a booth answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as BoothAdmin;
}

export async function pair(server: Pick<TestServer, 'url'>, code: string, name = 'Ada Lovelace', title = 'Recruiter', email = 'ada@acme.example'): Promise<PairResult> {
  const res = await api(server.url, '/api/rep/pair', { json: { code, name, title, email, pin: '2468' } });
  if (res.status !== 200) throw new Error(`Pairing answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as PairResult;
}

/** Commits what a domain command decided, as the socket handlers do; fails the test on a refusal. */
export async function commit(store: Store, decision: Decision): Promise<void> {
  if (decision.error) throw new Error(`The domain refused: ${decision.error.message}`);
  await store.commit({ events: decision.events });
}

export const profile = (overrides: Partial<Profile> = {}): Profile => ({
  name: 'Sam Student', email: 'sam@example.com', phone: '', school: '', programme: '', graduationYear: '', link: '', interests: '',
  ...overrides,
});

/** A student who saved a profile and shared it with the booth at `slug`; returns the student id. */
export async function introduce(store: Store, slug: string, details: Profile, at: Date): Promise<string> {
  const studentId = newId();
  await commit(store, saveProfile(store.state, { studentId, profile: details }, at));
  await commit(store, shareDetails(store.state, { studentId, slug }, at));
  return studentId;
}

export async function requestAt(store: Store, studentId: string, slug: string, note: string, at: Date): Promise<string> {
  const requestId = newId();
  await commit(store, requestInterview(store.state, { studentId, slug, note, requestId }, at));
  return requestId;
}

export async function accept(store: Store, repId: string, requestId: string, start: string, at: Date): Promise<void> {
  const rep: Rep = store.state.reps.get(repId)!;
  await commit(store, acceptRequest(store.state, rep, { requestId, start }, at));
}
