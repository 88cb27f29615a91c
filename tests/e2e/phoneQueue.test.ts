// Who is on duty and the queue, on the phone: each rep once (the same person on two tablets is one
// person), how many wait, and the next free slot in the fair's time zone, kept live as students
// ask and the rep books slots, until none is left. The booths' side is reps' sockets.
import { describe, expect, it } from 'vitest';
import { actionId, api, ask, connectRep, connectStudent, studentKey } from '../helpers.ts';
import { SAM } from '../realtime/fixtures.ts';
import { expectAccessible } from './axe.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { boothWithRep, markPage } from './phoneFixtures.ts';

const env = useServerAndBrowser();
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!hasBrowser)('the booth page’s reps and queue', () => {
  it('lists each rep on duty once, the same person on two tablets included', async () => {
    const { server, browser } = env;
    const piper = await boothWithRep(server, { employer: 'Pied Piper', booth: '8' }, { name: 'Richard Hendricks', title: 'CEO', email: 'richard@piedpiper.example' });
    await boothWithRep(server, { employer: 'Raviga', booth: '9' }, { name: 'Laurie Bream', title: 'Partner', email: 'laurie@raviga.example' });
    // Richard pairs a second tablet, and Jared one: two people on duty.
    for (const rep of [{ name: 'Richard Hendricks', email: 'richard@piedpiper.example' }, { name: 'Jared Dunn', email: 'jared@piedpiper.example' }]) {
      const paired = await (await api(server.url, '/api/rep/pair', { json: { code: piper.pairingCode, pin: '1357', title: 'Staff', ...rep } })).json();
      await connectRep(server.url, paired.token);
    }
    const phone = await (await browser.newContext(device('Pixel 7'))).newPage();
    await phone.goto(`${server.url}/b/pied-piper`);
    await phone.getByRole('heading', { name: 'Pied Piper', level: 1 }).waitFor();
    const contacts = phone.getByRole('link', { name: /^Save contact: / });
    await expect.poll(() => contacts.count()).toBe(2);
    expect(await contacts.evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')))).toEqual([
      'Save contact: Richard Hendricks', 'Save contact: Jared Dunn',
    ]);
  });

  it('keeps "waiting" and "next free slot" live, in the fair’s time zone, until no slot is left', async () => {
    const { server, browser } = env;
    // Two slots, in Berlin time: 10:00 and 10:20.
    const fair = { name: 'Spring Fair', date: tomorrow(), timeZone: 'Europe/Berlin', windows: [{ start: '10:00', end: '10:40' }], slotMinutes: 20 };
    expect((await api(server.url, '/api/admin/fair', { method: 'PUT', token: server.adminToken, json: fair })).status).toBe(200);
    const hooli = await boothWithRep(server, { employer: 'Hooli', booth: '7' }, { name: 'Gavin Belson', title: 'CEO', email: 'gavin@hooli.example' });

    const phone = await (await browser.newContext(device('Pixel 7'))).newPage();
    await phone.goto(`${server.url}/b/hooli`);
    await phone.getByRole('heading', { name: 'Hooli', level: 1 }).waitFor();
    const queue = phone.getByTestId('booth-queue');
    await expect.poll(() => queue.innerText()).toBe('0 waiting · Next free slot 10:00');
    await expectAccessible(phone, { screen: 'booth page with the queue' });
    const samePage = await markPage(phone);

    // Two other students ask; the phone sees the queue grow without a reload.
    const asking = async (name: string) => {
      const student = await connectStudent(server.url, studentKey());
      await ask(student, 'profile:save', { ...SAM, name, email: `${name.split(' ')[0]!.toLowerCase()}@uni.example` });
      await ask(student, 'intro:share', { id: actionId(), slug: 'hooli' });
      expect((await ask(student, 'request:create', { id: actionId(), slug: 'hooli', note: '' })).ok).toBe(true);
    };
    await asking('Dinesh Chugtai');
    await expect.poll(() => queue.innerText()).toBe('1 waiting · Next free slot 10:00');
    await asking('Bertram Gilfoyle');
    await expect.poll(() => queue.innerText()).toBe('2 waiting · Next free slot 10:00');

    // Gavin books the first free slot for each.
    const book = async (name: string) => {
      const requestId = await hooli.requestId(name);
      const slots = await ask(hooli.socket, 'request:slots', { requestId });
      if (!slots.ok) throw new Error(slots.error.message);
      expect((await ask(hooli.socket, 'request:accept', { id: actionId(), requestId, start: slots.data[0]!.start })).ok).toBe(true);
    };
    await book('Dinesh Chugtai');
    await expect.poll(() => queue.innerText()).toBe('1 waiting · Next free slot 10:20');
    await book('Bertram Gilfoyle');
    await expect.poll(() => queue.innerText()).toBe('0 waiting · No free slots left today');
    expect(await samePage()).toBe(true);
    await expectAccessible(phone, { screen: 'booth page with no free slot left' });
  });
});
