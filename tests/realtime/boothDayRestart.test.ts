// The booth's day survives the laptop's server being killed (SIGKILL) and started again on the same
// folder: notes, ratings, tags, walk-ups, referrals and a tablet's sign-out come back from the
// journal, as each tablet and phone saw them before.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { configureFair, createBooth, pairRep } from '../../server/domain/booths.ts';
import type { Decision } from '../../server/domain/decision.ts';
import { newToken, sha256 } from '../../server/ids.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import {
  actionId, ask, connectRep, connectStudent, disconnectAll, freePort, handshakeResult, studentKey, tempDir,
} from '../helpers.ts';
import { SAM } from './fixtures.ts';
import { startServerProcess, type ServerProcess } from './flaky/serverProcess.ts';

const ADMIN = 'booth-day-restart-admin-token-0123456789';
let server: ServerProcess | undefined;
const dirs: string[] = [];
afterEach(async () => {
  disconnectAll();
  await server?.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** ACME with Ada's and Bo's tablets, Globex; returns the tokens. */
async function prepare(dir: string): Promise<{ ada: string; bo: string }> {
  const store = await openFileStore(dir, { log: () => {} });
  const must = async (decision: Decision) => store.commit({ events: decision.events! });
  // Dated today: the server runs on the real clock, and a fair long past has had its personal data purged at start.
  const today = new Date().toISOString().slice(0, 10);
  await must(configureFair(store.state, { name: 'Fair', date: today, timeZone: 'UTC', windows: [{ start: '13:00', end: '17:00' }], slotMinutes: 20 }));
  for (const [id, employer, number] of [['acme', 'ACME', '12'], ['globex', 'Globex', '14']] as const) {
    await must(createBooth(store.state, { id, pairingCode: `${id.slice(0, 4).toUpperCase()}-CODE`, employer, booth: number, description: '', website: '', roles: [], place: '' }, new Date()));
  }
  const pair = async (name: string) => {
    const token = newToken();
    await must(pairRep(store.state, { code: 'ACME-CODE', name, title: '', email: `${name.toLowerCase()}@acme.example`, repId: `rep-${name}`, tokenHash: sha256(token) }, new Date()));
    return token;
  };
  const tokens = { ada: await pair('Ada'), bo: await pair('Bo') };
  await store.close();
  return tokens;
}

describe('a restart in the middle of the booth\'s day', () => {
  it('keeps notes, tags, walk-ups, referrals and sign-outs', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const tokens = await prepare(dir);
    const port = await freePort();
    server = await startServerProcess(dir, port, ADMIN);
    const key = studentKey();
    const phone = await connectStudent(server.url, key);
    await ask(phone, 'profile:save', SAM);
    await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });
    const ada = await connectRep(server.url, tokens.ada);
    const loaded = await ask(ada, 'rep:load');
    const samAtAcme = loaded.ok ? loaded.data.visitors[0]!.introductionId : '';
    expect(await ask(ada, 'booth:tags', { id: actionId(), tags: ['intern', 'drones'] })).toMatchObject({ ok: true });
    expect(await ask(ada, 'visitor:note', { id: actionId(), introductionId: samAtAcme, notes: 'Built a quadcopter', rating: 4, tags: ['drones'] })).toMatchObject({ ok: true });
    expect(await ask(ada, 'visitor:refer', { id: actionId(), introductionId: samAtAcme, note: 'Drone team', to: { kind: 'booth', slug: 'globex' } })).toMatchObject({ ok: true });
    expect(await ask(ada, 'visitor:walkUp', { id: actionId(), name: 'Jo Park', email: 'jo@example.com', consent: true })).toMatchObject({ ok: true });
    const bo = await connectRep(server.url, tokens.bo);
    expect(await ask(bo, 'rep:signOut', { id: actionId() })).toMatchObject({ ok: true });
    const before = await ask(ada, 'rep:load');
    const phoneBefore = await ask(phone, 'student:load');
    disconnectAll();

    await server.kill('SIGKILL');
    server = await startServerProcess(dir, port, ADMIN);

    const back = await connectRep(server.url, tokens.ada);
    const after = await ask(back, 'rep:load');
    expect(after.ok && after.data.tags).toEqual(['intern', 'drones']);
    expect(after.ok && after.data.visitors.map((v) => [v.student.name, v.walkUp ?? false, v.assessment?.notes, v.assessment?.rating, v.referredTo?.[0]?.to])).toEqual([
      ['Jo Park', true, undefined, undefined, undefined],
      ['Sam Lee', false, 'Built a quadcopter', 4, 'Globex (booth 14)'],
    ]);
    // The same numbers and cards as before the kill (only the epoch of the numbers is new).
    expect(after.ok && before.ok && { ...after.data, epoch: '' }).toEqual(before.ok && { ...before.data, epoch: '' });
    expect(after.ok && after.data.booth.reps.map((r) => r.name)).toEqual(['Ada']);
    expect(await handshakeResult(`${server.url}/rep`, { auth: { token: tokens.bo } })).not.toBe('connected');

    const phoneAgain = await connectStudent(server.url, key);
    const phoneAfter = await ask(phoneAgain, 'student:load');
    expect(phoneAfter.ok && phoneAfter.data.referrals?.map((r) => [r.from.employer, r.to.kind === 'booth' && r.to.employer, r.note])).toEqual([['ACME', 'Globex', 'Drone team']]);
    expect(phoneAfter).toEqual(phoneBefore);
  }, 120_000);
});
