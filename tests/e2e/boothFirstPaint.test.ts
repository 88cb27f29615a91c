// The booth page shows who the booth is before its JavaScript runs (server/http/routes/boothPage.ts):
// in real Chromium on a phone, with the app's script held back the facts are there and accessible;
// with it, the app takes the same facts over, showing them once, and goes live.
import { describe, expect, it } from 'vitest';
import { actionId, ask } from '../helpers.ts';
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
    await noScript.close();

    const phone = await browser.newContext(device('Pixel 7'));
    const page = await phone.newPage();
    await page.goto(`${server.url}/b/${slug}`);
    await page.getByText('Ada Quill').waitFor(); // the reps on duty: the app's, live from the server
    await expect.poll(() => page.locator('#prerendered').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['Orbital Anvils']);
    expect(await ask(rep.socket, 'booth:status', { id: actionId(), status: 'break' })).toMatchObject({ ok: true });
    await page.getByText('On a break', { exact: true }).waitFor(); // live after the takeover
    await phone.close();
  });
});
