// Socket payloads are capped at 16 KB: a bigger one closes that client's connection before any
// parsing, and the server and everyone else carry on; one just under the cap gets a clear error.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES } from '../../server/app.ts';
import { profileOf } from '../../server/domain/profiles.ts';
import { api, ask, connectStudent, nextEvent, studentKey, type TestServer } from '../helpers.ts';
import { SAM, startTwoBoothFair, stopServer } from '../realtime/fixtures.ts';
import { digests } from '../store/fixtures.ts';

let server: TestServer;
beforeEach(async () => ({ server } = await startTwoBoothFair()));
afterEach(() => stopServer(server));

it('is 16 KB, in the socket server itself', () => {
  expect(MAX_PAYLOAD_BYTES).toBe(16 * 1024);
  expect(server.app.io.engine.opts.maxHttpBufferSize).toBe(MAX_PAYLOAD_BYTES);
});

it('a 20 KB payload drops only its sender; the server and the other phones keep working', async () => {
  const [attacker, bystander] = [await connectStudent(server.url, studentKey()), await connectStudent(server.url, studentKey())];
  const dropped = nextEvent<string>(attacker, 'disconnect');
  attacker.emit('profile:save', { ...SAM, interests: 'x'.repeat(20 * 1024) }, () => {});
  expect(await dropped).toMatch(/transport (close|error)/);

  expect(await ask(bystander, 'profile:save', SAM)).toMatchObject({ ok: true, data: { profile: { name: 'Sam Lee' } } });
  expect((await api(server.url, '/healthz')).status).toBe(200);
  const late = await connectStudent(server.url, studentKey());
  expect(await ask(late, 'booth:get', { slug: 'acme' })).toMatchObject({ ok: true, data: { employer: 'ACME' } });
  // Only the bystander's save was taken.
  expect([...server.store.state.students.values()].map((s) => profileOf(s).interests)).toEqual(['Robotics']);
});

it('a payload just under the cap is read, and refused with the field that is too long', async () => {
  const phone = await connectStudent(server.url, studentKey());
  const before = digests(server.dataDir);
  const reply = await ask(phone, 'profile:save', { ...SAM, interests: 'x'.repeat(15 * 1024) });
  expect(reply).toEqual({
    ok: false,
    error: { code: 'INVALID', message: 'Interests can be at most 200 characters.', fields: { interests: 'Interests can be at most 200 characters.' } },
  });
  expect(phone.connected).toBe(true);
  expect(digests(server.dataDir)).toEqual(before);
});
