// A booth's day on two tablets in real Chromium: a note, rating and tag typed on one tablet show on
// the other without a reload (and a draft there is kept, with a word that it changed); the rep
// refers the student to another booth; an interview whose time has come is marked a no-show with
// a next step. The server's clock is moved past the slot, as the day would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { setDefaultFair } from '../../server/firstStart.ts';
import { api, startServer, type TestServer } from '../helpers.ts';
import { expectAccessible } from './axe.ts';
import { device, hasBrowser, launch } from './browser.ts';
import { openPairedTablet, openTablet, shareDetails, unlockTablet } from './fixtures.ts';

let server: TestServer;
let browser: Browser;
/** How far the server's clock is ahead of the real one: moved past the booked slot below. */
let aheadMs = 0;
beforeAll(async () => {
  if (!hasBrowser) return;
  server = await startServer({ now: () => new Date(Date.now() + aheadMs) });
  await setDefaultFair(server.store, new Date(Date.now() + 86_400_000), 'UTC');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const KIM = { name: 'Kim Park', email: 'kim@uni.example' };
const NOTE = 'Built a CAN bus logger; wants a summer internship';

describe.skipIf(!hasBrowser)("a booth's day on two tablets", () => {
  it('shares notes live, refers the student on, and records a no-show with a next step', async () => {
    const one = await openPairedTablet(server, browser, { employer: 'Initech', booth: '15' },
      { name: 'Peter Gibbons', title: 'Engineer', email: 'peter@initech.example' });
    await api(server.url, '/api/admin/booths', { token: server.adminToken, json: { employer: 'Globex', booth: '14' } });
    const two = await openTablet(server, browser, one.pairingCode, { name: 'Samir Nagheenanajar', title: 'Engineer', email: 'samir@initech.example' });
    await unlockTablet(two.tablet);

    const phoneContext = await browser.newContext(device('Pixel 7'));
    const phone = await phoneContext.newPage();
    await shareDetails(phone, `${server.url}/b/${one.slug}`, 'Initech', KIM);
    await phone.getByRole('button', { name: 'Send request' }).click();

    // Tablet one: notes, a rating and a tag.
    const onOne = one.tablet.getByTestId('visitor-card').filter({ hasText: KIM.name });
    await onOne.getByRole('button', { name: `Notes on ${KIM.name}…` }).click();
    await onOne.getByLabel('Notes', { exact: true }).fill(NOTE);
    await onOne.getByLabel('Yes', { exact: true }).check();
    await onOne.getByRole('button', { name: 'intern' }).click();
    await expect.poll(() => onOne.getByRole('button', { name: 'intern' }).getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(one.tablet, { screen: 'note editor', tablet: true });
    await onOne.getByRole('button', { name: 'Save notes' }).click();

    // Tablet two shows them without a reload.
    const onTwo = two.tablet.getByTestId('visitor-card').filter({ hasText: KIM.name });
    await onTwo.getByTestId('assessment').getByText(NOTE).waitFor();
    await onTwo.getByText('Rating: Yes · Tags: intern').waitFor();

    // Tablet two types a draft while tablet one saves again: the draft stays, with a word why.
    await onTwo.getByRole('button', { name: `Notes on ${KIM.name}…` }).click();
    await onTwo.getByLabel('Notes', { exact: true }).fill('Asked about relocation');
    await onOne.getByRole('button', { name: `Notes on ${KIM.name}…` }).click();
    await onOne.getByLabel('Strong yes').check();
    await onOne.getByRole('button', { name: 'Save notes' }).click();
    await onTwo.getByText(/^Changed on another tablet by Peter Gibbons at \d\d:\d\d\./).waitFor();
    expect(await onTwo.getByLabel('Notes', { exact: true }).inputValue()).toBe('Asked about relocation');
    await onTwo.getByRole('button', { name: 'Close' }).click();
    await onTwo.getByText('Rating: Strong yes · Tags: intern').waitFor();

    // Refer on, to another booth of the fair picked from the list.
    await onOne.getByRole('button', { name: `Refer ${KIM.name}…` }).click();
    await onOne.getByLabel('Find a booth').fill('glo');
    await expect.poll(() => onOne.getByRole('radio', { name: /Initech|Globex/ }).count()).toBe(1);
    await expectAccessible(one.tablet, { screen: 'refer form', tablet: true });
    await onOne.getByLabel('Globex (booth 14)').check();
    await onOne.getByLabel(/Note for the student/).fill('Ask for Hank, they build embedded tools.');
    await onOne.getByRole('button', { name: 'Refer', exact: true }).click();
    await onOne.getByText(/^Referred to Globex/).waitFor();
    await onTwo.getByText(/^Referred to Globex/).waitFor();

    // Accept the first free slot: the card moves from Waiting to Booked.
    await one.tablet.getByTestId('requests-waiting').getByRole('button', { name: 'Accept…' }).click();
    await one.tablet.getByTestId('slot').first().click();
    const booked = one.tablet.getByTestId('requests-booked').getByTestId('request-card').filter({ hasText: KIM.name });
    await booked.waitFor();
    expect(await booked.getByRole('button', { name: 'No-show' }).count()).toBe(0); // its time has not come
    const start = Date.parse([...server.store.state.requests.values()][0]!.slot!.start);

    // The day moves on past the slot, for the server and the tablet alike.
    aheadMs = start + 60_000 - Date.now();
    await one.tablet.clock.install({ time: start + 60_000 });
    await one.tablet.reload();
    await unlockTablet(one.tablet);
    await booked.getByLabel(/Next step/).fill('Second interview');
    await booked.getByRole('button', { name: 'No-show' }).click();
    const done = one.tablet.getByTestId('requests-done').getByTestId('request-card').filter({ hasText: KIM.name });
    await done.getByText(/No-show · Next step: Second interview$/).waitFor();
    expect(await one.tablet.getByTestId('requests-booked').getByTestId('request-card').count()).toBe(0);
    await expectAccessible(one.tablet, { screen: 'rep view (waiting, booked, done)', tablet: true });
    expect([...server.store.state.requests.values()][0]).toMatchObject({ outcome: 'noShow', nextStep: 'Second interview' });

    await Promise.all([one.tabletContext.close(), two.tabletContext.close(), phoneContext.close()]);
  });
});
