// The setup several browser tests share: a booth made by the organiser, a tablet paired to it and
// open on /rep (its rep view unlocked with the PIN), and a phone that has saved its details and
// shared them with the booth.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, type TestServer } from '../helpers.ts';
import { device } from './browser.ts';

interface Rep { readonly name: string; readonly title: string; readonly email: string }

/** The PIN openPairedTablet pairs with. */
export const TABLET_PIN = '2468';

/** On the kiosk face: "Rep view", the PIN, and the rep view is open. */
export async function unlockTablet(tablet: Page, pin = TABLET_PIN): Promise<void> {
  await tablet.getByRole('button', { name: 'Rep view' }).click();
  await tablet.getByLabel('Your PIN').fill(pin);
  await tablet.getByRole('button', { name: 'Open the rep view' }).click();
  await tablet.getByRole('heading', { name: 'Interview requests' }).waitFor();
}

/** Creates a booth through the API, pairs a rep to it, opens /rep on an iPad and unlocks its rep view. */
export async function openPairedTablet(
  server: TestServer,
  browser: Browser,
  booth: { readonly employer: string; readonly booth: string },
  rep: Rep,
): Promise<{ tabletContext: BrowserContext; tablet: Page; slug: string; pairingCode: string }> {
  const created = await (await api(server.url, '/api/admin/booths', { token: server.adminToken, json: booth })).json();
  const opened = await openTablet(server, browser, created.pairingCode, rep);
  await opened.tablet.getByRole('heading', { name: booth.employer }).waitFor(); // the kiosk face
  await unlockTablet(opened.tablet);
  return { ...opened, slug: created.slug, pairingCode: created.pairingCode };
}

/** Pairs a rep with the booth of `code` through the API and opens /rep on an iPad (the kiosk face). */
export async function openTablet(
  server: TestServer,
  browser: Browser,
  code: string,
  rep: Rep,
): Promise<{ tabletContext: BrowserContext; tablet: Page }> {
  const paired = await (await api(server.url, '/api/rep/pair', { json: { code, pin: TABLET_PIN, ...rep } })).json();
  const tabletContext = await browser.newContext(device('iPad (gen 7) landscape'));
  await tabletContext.addInitScript((token) => localStorage.setItem('boothlink.repToken', token), paired.token);
  const tablet = await tabletContext.newPage();
  await tablet.goto(`${server.url}/rep`);
  return { tabletContext, tablet };
}

/** On the booth page at `url`, saves the student's details and shares them with `employer`. */
export async function shareDetails(
  phone: Page,
  url: string,
  employer: string,
  student: { readonly name: string; readonly email: string },
): Promise<void> {
  await phone.goto(url);
  await phone.getByLabel('Name', { exact: true }).fill(student.name);
  await phone.getByLabel('Email').fill(student.email);
  await phone.getByRole('button', { name: 'Save my details' }).click();
  await phone.getByRole('button', { name: `Share my details with ${employer}` }).click();
}
