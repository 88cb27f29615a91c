// The booth page shows who the booth is before its JavaScript runs (server/http/routes/boothPage.ts):
// in real Chromium on a phone, with the app's script held back the facts are there and accessible,
// with the first step on a phone new to the fair and without it on a phone that holds a key (the
// page's one inline script, allowed by its hash in the policy); with the script, the app takes the
// same facts and step over in place, showing them once, and goes live.
import { describe, expect, it } from 'vitest';
import { PROFILE_STEP_INTRO, STUDENT_KEY } from '../../shared/firstVisit.ts';
import { actionId, ask, studentKey } from '../helpers.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { expectAccessible } from './axe.ts';
import { boothWithRep } from './phoneFixtures.ts';

const env = useServerAndBrowser();

describe.skipIf(!hasBrowser)('the booth page before and after its script', () => {
  it('shows the booth from the server’s HTML, then the app shows it once and live', async () => {
    const { server, browser } = env;
    const rep = await boothWithRep(server, { employer: 'Orbital Anvils', booth: '31' }, { name: 'Ada Quill', title: 'Recruiter', email: 'ada@anvils.example' });
    const slug = [...server.store.state.booths.values()].find((b) => b.employer === 'Orbital Anvils')!.slug;

    // The app's script held back, as on slow Wi-Fi before it has arrived.
    const noScript = await browser.newContext(device('Pixel 7'));
    await noScript.route(/\/assets\/.*\.js$/, (route) => route.abort());
    const still = await noScript.newPage();
    await still.goto(`${server.url}/b/${slug}`);
    await expect(still.title()).resolves.toBe('Orbital Anvils · Booth 31 — Boothlink');
    await still.getByRole('heading', { level: 1, name: 'Orbital Anvils' }).waitFor();
    expect(await still.getByText('Booth 31').isVisible()).toBe(true);
    expect(await still.getByText('Open', { exact: true }).isVisible()).toBe(true);
    await expectAccessible(still, { screen: 'booth page before its script' });
    const intro = still.getByText(PROFILE_STEP_INTRO);
    expect(await still.getByRole('heading', { level: 2, name: 'Your details' }).isVisible()).toBe(true);
    const introBefore = await intro.boundingBox();
    expect(introBefore).not.toBeNull();
    await noScript.close();

    // A phone that has been here before: the step is gone before the first paint, as the policy lets the one-liner run.
    const returning = await browser.newContext(device('Pixel 7'));
    await returning.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [STUDENT_KEY, studentKey()]);
    await returning.route(/\/assets\/.*\.js$/, (route) => route.abort());
    const known = await returning.newPage();
    const refused: string[] = [];
    known.on('console', (message) => /Content Security Policy/i.test(message.text()) && refused.push(message.text()));
    await known.goto(`${server.url}/b/${slug}`);
    await known.getByRole('heading', { level: 1, name: 'Orbital Anvils' }).waitFor();
    expect(await known.getByRole('heading', { name: 'Your details' }).count()).toBe(0);
    expect(refused).toEqual([]);
    await returning.close();

    const phone = await browser.newContext(device('Pixel 7'));
    const page = await phone.newPage();
    await page.goto(`${server.url}/b/${slug}`);
    await page.getByText('Ada Quill').waitFor(); // the reps on duty: the app's, live from the server
    await expect.poll(() => page.locator('#prerendered').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['Orbital Anvils']);
    // The app's step, with its form, where the server's was: the sentence has not moved.
    expect(await page.getByRole('heading', { level: 2, name: 'Your details' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Save my details' }).waitFor();
    expect(await page.getByText(PROFILE_STEP_INTRO).boundingBox()).toEqual(introBefore);
    expect(await ask(rep.socket, 'booth:status', { id: actionId(), status: 'break' })).toMatchObject({ ok: true });
    await page.getByText('On a break', { exact: true }).waitFor(); // live after the takeover
    await phone.close();
  });
});
