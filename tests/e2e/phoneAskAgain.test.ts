// No pestering, as the phone shows it: after a decline the request form gives way to the server's
// sentence; the booth's invitation brings the form back with "… invites you to ask again"; after
// a first cancel the student may ask once more, after a second the sentence again. The booth's
// side is a rep's socket (phoneFixtures.ts).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { actionId, ask, connectStudent } from '../helpers.ts';
import { expectAccessible } from './axe.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { shareDetails } from './fixtures.ts';
import { boothWithRep } from './phoneFixtures.ts';

const env = useServerAndBrowser();

/** What the server says about asking this booth again, read with the phone's own key. */
async function askRefused(phone: Page, url: string, slug: string): Promise<string | undefined> {
  const key = await phone.evaluate(() => localStorage.getItem('boothlink.studentKey'));
  const socket = await connectStudent(url, key!);
  const view = await ask(socket, 'student:load');
  socket.disconnect();
  if (!view.ok) throw new Error(view.error.message);
  return view.data.visits.find((v) => v.booth.slug === slug)?.askRefused;
}

describe.skipIf(!hasBrowser)('asking a booth again, on the phone', () => {
  it('after a decline says why in a sentence, and after an invitation offers the form again', async () => {
    const { server, browser } = env;
    const globex = await boothWithRep(server, { employer: 'Globex', booth: '14' }, { name: 'Hank Scorpio', title: 'CEO', email: 'hank@globex.example' });
    const phone = await (await browser.newContext(device('Pixel 7'))).newPage();
    const status = phone.getByTestId('request-status');
    await shareDetails(phone, `${server.url}/b/globex`, 'Globex', { name: 'Kim Park', email: 'kim@uni.example' });
    await phone.getByRole('button', { name: 'Send request' }).click();
    await expect.poll(() => status.innerText()).toContain('Waiting for Globex');

    const declined = await ask(globex.socket, 'request:decline', { id: actionId(), requestId: await globex.requestId('Kim Park'), message: 'We are full today.' });
    expect(declined.ok).toBe(true);
    await expect.poll(() => status.innerText()).toContain('Globex declined your request.');
    const sentence = await askRefused(phone, server.url, 'globex');
    expect(sentence).toMatch(/^[A-Z].+\.$/);
    await expect.poll(() => phone.getByTestId('ask-again').innerText()).toBe(sentence);
    expect(await phone.getByRole('button', { name: /request/ }).count()).toBe(0);
    expect(await phone.getByLabel(/what would you like to ask/).count()).toBe(0);
    await expectAccessible(phone, { screen: 'booth page, asking again refused' });

    // The booth changes its mind.
    const invited = await ask(globex.socket, 'request:invite', { id: actionId(), requestId: await globex.requestId('Kim Park') });
    expect(invited.ok).toBe(true);
    await expect.poll(() => phone.getByTestId('ask-again').innerText()).toBe('Globex invites you to ask again.');
    await expectAccessible(phone, { screen: 'booth page, invited to ask again' });
    await phone.getByLabel(/what would you like to ask/).fill('Any openings next spring?');
    await phone.getByRole('button', { name: 'Send a new request' }).click();
    await expect.poll(() => status.innerText()).toContain('Waiting for Globex');
    expect(await phone.getByTestId('ask-again').count()).toBe(0);
  });

  it('after a first cancel lets the student ask once more, after a second says why', async () => {
    const { server, browser } = env;
    await boothWithRep(server, { employer: 'Initech', booth: '15' }, { name: 'Bill Lumbergh', title: 'VP', email: 'bill@initech.example' });
    const phone = await (await browser.newContext(device('Pixel 7'))).newPage();
    const status = phone.getByTestId('request-status');
    await shareDetails(phone, `${server.url}/b/initech`, 'Initech', { name: 'Milton Waddams', email: 'milton@uni.example' });

    await phone.getByRole('button', { name: 'Send request' }).click();
    await phone.getByRole('button', { name: 'Cancel request' }).click();
    await expect.poll(() => status.innerText()).toContain('You cancelled your request.');
    expect(await status.innerText()).toContain('You may ask once more.');
    await phone.getByRole('button', { name: 'Send a new request' }).click();
    await phone.getByRole('button', { name: 'Cancel request' }).click();
    const sentence = phone.getByTestId('ask-again');
    await sentence.waitFor();
    expect(await sentence.innerText()).toBe(await askRefused(phone, server.url, 'initech'));
    expect(await status.innerText()).not.toContain('You may ask once more.');
    expect(await phone.getByRole('button', { name: 'Send a new request' }).count()).toBe(0);
    await expectAccessible(phone, { screen: 'booth page, refused after two cancels' });
  });
});
