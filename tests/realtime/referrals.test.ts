// A rep refers a student on, live: the phone sees it at once; the booth named learns of it only
// when the student shares with it; a colleague's contact card downloads by the referral's id.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathTo, REFERRAL_VCARD } from '../../shared/paths.ts';
import type { StudentView, VisitorCard } from '../../shared/protocol.ts';
import { actionId, api, ask, connectRep, connectStudent, nextEvent, studentKey, type TestServer } from '../helpers.ts';
import { listen, SAM, startTwoBoothFair, stopServer } from './fixtures.ts';

let server: TestServer;
let tokens: { ada: string; bo: string; gil: string };
beforeEach(async () => ({ server, tokens } = await startTwoBoothFair()));
afterEach(() => stopServer(server));

/** Sam shared with ACME only; ACME's two tablets and Globex's. */
async function fair() {
  const phone = await connectStudent(server.url, studentKey());
  await ask(phone, 'profile:save', SAM);
  await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });
  const [ada, bo, gil] = [await connectRep(server.url, tokens.ada), await connectRep(server.url, tokens.bo), await connectRep(server.url, tokens.gil)];
  const loaded = await ask(ada, 'rep:load');
  return { phone, ada, bo, gil, samAtAcme: loaded.ok ? loaded.data.visitors[0]!.introductionId : '' };
}

describe('a referral to another booth', () => {
  it('reaches the phone live; the booth named sees "referred by" only after the student shares with it', async () => {
    const { phone, ada, bo, gil, samAtAcme } = await fair();
    expect(await ask(ada, 'rep:booths')).toEqual({ ok: true, data: [{ slug: 'globex', employer: 'Globex', booth: '14' }] });
    const onGlobex = listen(gil);
    const onPhone = nextEvent<StudentView>(phone, 'student:changed');
    const onBo = nextEvent<VisitorCard>(bo, 'visitor:changed');
    const referred = await ask(ada, 'visitor:refer', { id: actionId(), introductionId: samAtAcme, note: 'Ask Gil about the drone team', to: { kind: 'booth', slug: 'globex' } });
    expect(referred).toMatchObject({ ok: true, data: { referredTo: [{ by: 'Ada', to: 'Globex (booth 14)', note: 'Ask Gil about the drone team' }] } });
    expect((await onPhone).referrals).toMatchObject([{ note: 'Ask Gil about the drone team', from: { employer: 'ACME', slug: 'acme' }, to: { kind: 'booth', employer: 'Globex', slug: 'globex', booth: '14' } }]);
    expect((await onBo).referredTo).toHaveLength(1);

    await ask(gil, 'rep:load');
    expect(onGlobex).toEqual([]);
    const before = await ask(gil, 'rep:load');
    expect(before.ok && before.data.visitors).toEqual([]);

    const shared = nextEvent<VisitorCard>(gil, 'visitor:changed');
    await ask(phone, 'intro:share', { id: actionId(), slug: 'globex' });
    const card = await shared;
    expect(card).toMatchObject({ student: { name: 'Sam Lee' }, referredBy: ['ACME'] });
    expect(JSON.stringify(card)).not.toMatch(/drone team|Ada/); // who at ACME and why stays between ACME and the student

    const twice = await ask(ada, 'visitor:refer', { id: actionId(), introductionId: samAtAcme, note: '', to: { kind: 'booth', slug: 'globex' } });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Your booth already referred this student to Globex. They see it on their phone.' } });
    const unknown = await ask(ada, 'visitor:refer', { id: actionId(), introductionId: samAtAcme, note: '', to: { kind: 'booth', slug: 'hooli' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/Pick the booth from the list\.$/) } });
    const foreign = await ask(gil, 'visitor:refer', { id: actionId(), introductionId: samAtAcme, note: '', to: { kind: 'booth', slug: 'acme' } });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('a referral to a colleague', () => {
  it('gives the phone a contact card at an unguessable address, and nothing at any other', async () => {
    const { phone, ada, samAtAcme } = await fair();
    const onPhone = nextEvent<StudentView>(phone, 'student:changed');
    const id = actionId();
    const to = { kind: 'contact' as const, name: 'Jo Bloggs', role: 'Head of Data', email: 'jo@acme.example' };
    expect(await ask(ada, 'visitor:refer', { id, introductionId: samAtAcme, note: 'She hires data interns', to })).toMatchObject({ ok: true });
    expect(await ask(ada, 'visitor:refer', { id, introductionId: samAtAcme, note: 'She hires data interns', to })).toMatchObject({ ok: true }); // sent again
    const view = await onPhone;
    expect(view.referrals).toHaveLength(1);
    const referral = view.referrals![0]!;
    expect(referral.to).toEqual({ kind: 'contact', name: 'Jo Bloggs', role: 'Head of Data', email: 'jo@acme.example' });
    expect(referral.id).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const res = await api(server.url, pathTo(REFERRAL_VCARD, { referralId: referral.id }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    const card = await res.text();
    expect(card).toContain('FN:Jo Bloggs\r\n');
    expect(card).toContain('TITLE:Head of Data\r\n');
    expect(card).toContain('EMAIL;TYPE=INTERNET:jo@acme.example\r\n');
    expect(card).toContain('ORG:ACME\r\n');
    expect(card).toContain('NOTE:Referred by Ada of ACME at Spring Fair. She hires data interns');

    const missing = await api(server.url, pathTo(REFERRAL_VCARD, { referralId: 'AAAAAAAAAAAAAAAAAAAAAA' }));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toMatch(/^There is no contact card at that address\./);
  });
});
