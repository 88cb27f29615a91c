// Names every object has as a property (`constructor`, `__proto__`, `toString`…) are ordinary names
// here: a booth whose address is one works end to end, and an id that is one is simply not found.
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import type { BoothAdmin } from '../../shared/protocol.ts';
import { Slug } from '../../shared/schema.ts';
import { api, ask, connectStudent, disconnectAll, studentKey } from '../helpers.ts';
import { createBooth, pair, startHttpServer, type HttpTestServer } from './support.ts';

let server: HttpTestServer;
afterEach(async () => {
  disconnectAll();
  await server?.close();
});

type ErrorJson = { error: { code: string; message: string } };
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
/** The ones a booth's address can be (lower case, digits, dashes): `constructor` today. */
const PROTOTYPE_SLUGS = PROTOTYPE_NAMES.filter((name) => v.is(Slug, name));

const post = (path: string) => api(server.url, path, { method: 'POST', token: server.adminToken });

async function refusal(res: Response): Promise<[number, string]> {
  return [res.status, ((await res.json()) as ErrorJson).error.message];
}

describe('names of Object.prototype', () => {
  it('include at least one booth address, so the test below tests something', () => {
    expect(PROTOTYPE_SLUGS).toContain('constructor');
  });

  it.each(PROTOTYPE_SLUGS)('a booth at /b/%s has its QR code, contact cards, booth page and organiser actions', async (name) => {
    server = await startHttpServer();
    const booth = await createBooth(server, { employer: name });
    expect(booth.slug).toBe(name);
    const { rep } = await pair(server, booth.pairingCode);

    const qr = await api(server.url, `/api/booths/${name}/qr.svg`);
    expect(qr.status).toBe(200);
    expect(await qr.text()).toMatch(/^<svg/);
    const card = await api(server.url, `/api/booths/${name}/reps/${rep.id}.vcf`);
    expect(card.status).toBe(200);
    expect(await card.text()).toContain(`ORG:${name}`);

    const phone = await connectStudent(server.url, studentKey());
    expect(await ask(phone, 'booth:get', { slug: name })).toMatchObject({ ok: true, data: { id: booth.id, slug: name, employer: name } });

    const reset = await post(`/api/admin/booths/${booth.id}/reset-code`);
    expect(reset.status).toBe(200);
    expect(((await reset.json()) as BoothAdmin).pairingCode).not.toBe(booth.pairingCode);
    const revoked = await post(`/api/admin/booths/${booth.id}/reps/${rep.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as BoothAdmin).tablets).toMatchObject([{ id: rep.id, revokedAt: expect.any(String) }]);
  });

  it('as ids, are answered like any unknown id, with the sentence of what is missing', async () => {
    server = await startHttpServer();
    const booth = await createBooth(server, { employer: 'ACME' });
    for (const name of PROTOTYPE_NAMES) {
      expect(await refusal(await post(`/api/admin/booths/${name}/reset-code`)), name).toEqual([404, 'That booth does not exist. Reload the page.']);
      expect(await refusal(await post(`/api/admin/booths/${name}/reps/${name}/revoke`)), name).toEqual([404, 'That booth does not exist. Reload the page.']);
      expect(await refusal(await post(`/api/admin/booths/${booth.id}/reps/${name}/revoke`)), name)
        .toEqual([404, 'That tablet is not paired with this booth. Reload the page.']);
      expect(await refusal(await api(server.url, `/api/booths/${booth.slug}/reps/${name}.vcf`)), name)
        .toEqual([404, 'That representative is not at this booth any more. Reload the booth page.']);
      expect((await refusal(await api(server.url, `/api/interviews/${name}.ics`)))[1], name).toMatch(/^There is no accepted interview at that address\./);
    }
  });
});
