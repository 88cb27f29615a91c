// Two server processes on one fair's database: each its own connections and its own memory, as
// two processes on two machines have. Decisions are made in turns (Store.turn), so a conflict has
// one winner, a booth's numbers have no gap and one order, and an action is applied once.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import type { PoolConfig } from 'pg';
import { createBooth } from '../../server/domain/booths.ts';
import { record, type Decision } from '../../server/domain/decision.ts';
import type { FairEvent } from '../../server/domain/types.ts';
import { execute } from '../../server/execute.ts';
import { DATABASE_FAILED_MESSAGE, openPgStore, type PgStore } from '../../server/store/pg/pgStore.ts';
import { SNAPSHOT_LOCK } from '../../server/store/pg/schema.ts';
import { everyCommit } from '../../server/store/store.ts';
import { forwarder, PATIENCE_MS, waitFor } from '../helpers.ts';
import { profileSaved } from '../store/contract.ts';
import { boothCreated } from '../store/events.ts';
import { quiet } from '../store/fixtures.ts';
import { freshFair, hasDatabase, holdLock, namedFair, query } from './database.ts';

const NOW = new Date('2026-03-12T10:00:00.000Z');

/** Two stores on a new fair whose connections carry a name of their own (namedFair). */
async function twoProcesses(): Promise<{ fair: PoolConfig & { application_name: string }; a: PgStore; b: PgStore }> {
  const fair = await namedFair();
  const a = await openPgStore(fair, { log: quiet });
  const b = await openPgStore(fair, { log: quiet });
  return { fair, a, b };
}

const act = (store: PgStore, key: string | undefined, decide: () => Decision) => execute(store, key, decide, () => 'done');

const statusSet = (status: 'open' | 'break'): FairEvent => ({ type: 'booth.statusSet', boothId: 'b1', status, repId: 'r1', at: NOW.toISOString() });

/** A way to the database that can be cut (every connection dropped, new ones refused) and opened again. */
async function gateTo(fair: PoolConfig): Promise<{ fair: PoolConfig; cut(): Promise<void>; open(): Promise<void> }> {
  const target = new URL(fair.connectionString!);
  const { server: gate, sockets } = forwarder(() => net.connect(Number(target.port || 5432), target.hostname));
  const listen = (port = 0) => new Promise<number>((resolve) => gate.listen(port, '127.0.0.1', () => resolve((gate.address() as net.AddressInfo).port)));
  const port = await listen();
  const through = new URL(target);
  through.hostname = '127.0.0.1';
  through.port = String(port);
  return {
    fair: { ...fair, connectionString: through.toString() },
    cut: async () => {
      const closed = new Promise<void>((resolve) => gate.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    open: async () => void (await listen(port)),
  };
}

describe.runIf(hasDatabase)('two server processes on one PostgreSQL fair', () => {
  it('refuses a command at once, with a sentence, while the database does not answer, and takes commands again once it does', async () => {
    const gate = await gateTo(await freshFair());
    const store = await openPgStore(gate.fair, { log: quiet });
    await act(store, undefined, () => record(boothCreated('b1')));
    await gate.cut();
    const refusal = { ok: false, error: { code: 'STORAGE', message: DATABASE_FAILED_MESSAGE } };
    // The first meets the cut; the next is refused without waiting for the database to come back.
    expect((await act(store, 'student:kim:a1', () => record(profileSaved('kim')))).answer()).toEqual(refusal);
    expect((await act(store, 'student:lou:a1', () => record(profileSaved('lou')))).answer()).toEqual(refusal);
    expect((await everyCommit(store)).booths.has('b1')).toBe(true); // a read answers from memory meanwhile
    await gate.open();
    await expect.poll(async () => (await act(store, 'student:max:a1', () => record(profileSaved('max')))).answer().ok, { timeout: PATIENCE_MS }).toBe(true);
    expect([...store.state.students.keys()]).toEqual(['max']);
    await store.close();
  });


  it('two organisers adding booth A12 at once, one on each process: one booth, the other told the number is taken', async () => {
    const { a, b } = await twoProcesses();
    const add = (store: PgStore, id: string, employer: string) =>
      act(store, undefined, () => createBooth(store.state, { id, pairingCode: `${id.toUpperCase()}AA-BBBB`, employer, booth: 'A12', description: '', website: '', roles: [], place: '' }, NOW));
    const [first, second] = await Promise.all([add(a, 'x1', 'Initech'), add(b, 'x2', 'Globex')]);
    const answers = [first.answer(), second.answer()];
    expect(answers.filter((r) => r.ok)).toHaveLength(1);
    const refused = answers.find((r) => !r.ok);
    expect(refused?.ok === false && refused.error.message).toMatch(/A12/);
    await waitFor(() => a.state.booths.size === 1 && b.state.booths.size === 1);
    expect([...a.state.booths.keys()]).toEqual([...b.state.booths.keys()]);
    await Promise.all([a.close(), b.close()]);
  });

  it('an action resent to the other process is answered, not applied again', async () => {
    const { a, b } = await twoProcesses();
    await act(a, undefined, () => record(boothCreated('b1')));
    const once = await act(a, 'student:kim:a1', () => record(statusSet('break')));
    const again = await act(b, 'student:kim:a1', () => record(statusSet('break')));
    expect(once.changes).toHaveLength(1);
    expect(again.changes).toEqual([]);
    expect(again.answer()).toEqual({ ok: true, data: 'done' });
    expect(b.state.booths.get('b1')?.seq).toBe(1);
    await Promise.all([a.close(), b.close()]);
  });

  it("a booth's numbers have no gap and one order whichever process made each change", async () => {
    const { a, b } = await twoProcesses();
    await act(a, undefined, () => record(boothCreated('b1')));
    const runs = Array.from({ length: 40 }, (_, i) => act(i % 2 === 0 ? a : b, undefined, () => record(statusSet(i % 3 === 0 ? 'break' : 'open'))));
    const numbers = (await Promise.all(runs)).flatMap((run) => run.changes.map((change) => change.seq));
    expect(numbers.sort((x, y) => x! - y!)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    await waitFor(() => a.state.booths.get('b1')?.seq === 40 && b.state.booths.get('b1')?.seq === 40);
    expect(a.state).toEqual(b.state);
    await Promise.all([a.close(), b.close()]);
  });

  it("follows the other process's changes without acting itself", async () => {
    const { a, b } = await twoProcesses();
    await act(a, undefined, () => record(boothCreated('b1'), profileSaved('kim')));
    await waitFor(() => b.state.students.has('kim'));
    await Promise.all([a.close(), b.close()]);
  });

  it('a read on the other process right after a commit finds it, as a tablet asks for a request it just heard of', async () => {
    const { a, b } = await twoProcesses();
    // The adapter can bring a push before PostgreSQL's notification: each read waits for the commits made before it.
    for (let i = 0; i < 20; i++) {
      await act(a, undefined, () => record(profileSaved(`s${i}`)));
      expect((await everyCommit(b)).students.has(`s${i}`)).toBe(true);
    }
    await Promise.all([a.close(), b.close()]);
  });

  it("an erasure scrubbed on one process leaves the student in no table, and the other process follows", async () => {
    const { fair, a, b } = await twoProcesses();
    await act(a, 'student:kim:a1', () => record(boothCreated('b1'), profileSaved('kim'), profileSaved('lou')));
    await act(b, undefined, () => record({ type: 'student.erased', studentId: 'kim', at: NOW.toISOString() }));
    await b.scrub();
    const rows = await query<{ text: string }>(fair, 'SELECT line AS text FROM boothlink_records UNION ALL SELECT body FROM boothlink_snapshots');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.text.includes('kim'))).toEqual([]);
    await waitFor(() => !a.state.students.has('kim'));
    await act(a, undefined, () => record(profileSaved('max')));
    await waitFor(() => b.state.students.has('max'));
    expect([...a.state.students.keys()].sort()).toEqual(['lou', 'max']);
    await Promise.all([a.close(), b.close()]);
  });

  it('takes commands on both processes while a scrub is being written, and the scrub still leaves the student in no table', async () => {
    const { fair, a, b } = await twoProcesses();
    await act(a, undefined, () => record(boothCreated('b1'), profileSaved('kim'), profileSaved('lou')));
    await act(a, undefined, () => record({ type: 'student.erased', studentId: 'kim', at: NOW.toISOString() }));
    // Another snapshot is being written (as a periodic one may be): the scrub waits for it, holding nothing the turns need.
    const snapshotLock = await holdLock(fair, SNAPSHOT_LOCK);
    try {
      const scrubbed = a.scrub();
      await expect.poll(snapshotLock.waiting, { timeout: PATIENCE_MS }).toBe(1);
      await act(a, undefined, () => record(profileSaved('max')));
      await act(b, undefined, () => record(profileSaved('noa')));
      expect(a.state.students.has('max') && b.state.students.has('noa')).toBe(true);
      await snapshotLock.release();
      await scrubbed;
    } finally {
      await snapshotLock.release();
    }
    const rows = await query<{ text: string }>(fair, 'SELECT line AS text FROM boothlink_records UNION ALL SELECT body FROM boothlink_snapshots');
    expect(rows.filter((row) => row.text.includes('kim'))).toEqual([]);
    expect(rows.some((row) => row.text.includes('noa'))).toBe(true);
    await waitFor(() => !b.state.students.has('kim') && a.state.students.has('noa'));
    await Promise.all([a.close(), b.close()]);
  });

  it('follows the other process again after its notification connection was cut', async () => {
    const { fair, a, b } = await twoProcesses();
    // The database drops both listening connections (as a restart of PostgreSQL or a network blip would).
    const listeners = () => query<{ pid: number }>(fair, "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'", [fair.application_name]);
    await expect.poll(async () => (await listeners()).length, { timeout: PATIENCE_MS }).toBe(2);
    for (const { pid } of await listeners()) await query(fair, 'SELECT pg_terminate_backend($1)', [pid]);
    await expect.poll(async () => (await listeners()).length, { timeout: PATIENCE_MS }).toBe(2); // listening again
    // b does not act: it learns of a's change only by listening.
    await act(a, undefined, () => record(boothCreated('b1'), profileSaved('kim')));
    await waitFor(() => b.state.students.has('kim'));
    await Promise.all([a.close(), b.close()]);
  });
});
