// The venue Wi-Fi on the posters: the organiser types it in the fair settings, each booth poster
// says "1. Join Wi-Fi … 2. Scan" with both codes, and the entrance poster (A4 or A3) carries the
// Wi-Fi code and every booth. Printed to PDF, rendered by pdf.js and decoded by jsQR: what a phone
// reads off the paper is the exact WIFI: text, special characters escaped.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api } from '../helpers.ts';
import { openTask } from './adminTasks.ts';
import { expectAccessible } from './axe.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { readPdf } from './pdfPages.ts';

const env = useServerAndBrowser();

// A name with every character the format escapes but ':' (the password has that one too).
const SSID = 'Hall "A"; 2,\\';
const PASSWORD = 'p;ss,w"rd\\:x';
const WIFI_TEXT = 'WIFI:T:WPA;S:Hall \\"A\\"\\; 2\\,\\\\;P:p\\;ss\\,w\\"rd\\\\\\:x;;';
const A4 = [595, 842];
const A3 = [842, 1191];
const EMPLOYERS = [{ employer: 'ACME Rockets', booth: '12' }, { employer: 'Globex', booth: '14' }, { employer: 'Initech', booth: '3' }];

const pageSize = (p: { width: number; height: number }) => [Math.round(p.width), Math.round(p.height)];
const imagesLoaded = (page: Page) =>
  expect.poll(() => page.locator('main img').evaluateAll((imgs) => imgs.length > 0 && imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
const printed = async (page: Page) => readPdf(await page.pdf({ preferCSSPageSize: true, printBackground: true }));

async function expectAccessibleOnScreenAndInPrint(page: Page, screen: string) {
  await page.emulateMedia({ media: 'screen' });
  await expectAccessible(page, { screen });
  await page.emulateMedia({ media: 'print' });
  await expectAccessible(page, { screen: `${screen}, in print` });
  await page.emulateMedia({ media: null }); // page.pdf() prints with print media only when none is forced
}

describe.skipIf(!hasBrowser)('the venue Wi-Fi on the posters', () => {
  it('is set in the fair settings, then every booth poster and the entrance poster print both codes, decodable', async () => {
    const { server, browser } = env;
    for (const booth of EMPLOYERS) expect((await api(server.url, '/api/admin/booths', { token: server.adminToken, json: booth })).status).toBe(201);
    const context = await browser.newContext(device('Desktop Chrome'));
    const page = await context.newPage();
    await page.goto(`${server.url}/admin#token=${server.adminToken}`);

    // The server's address here is the laptop itself: the page says phones cannot reach it.
    await page.getByText(`Phones cannot reach ${server.url}`).waitFor();

    // A password too short for WPA is refused next to its field, and nothing is saved.
    await page.getByLabel('Wi-Fi name').fill(SSID);
    await page.getByLabel('Wi-Fi password').fill('short');
    await page.getByRole('button', { name: 'Save fair settings' }).click();
    await page.getByText('A WPA password is 8 to 63 characters (or 64 hex digits).', { exact: false }).first().waitFor();
    expect(await page.getByLabel('Wi-Fi password').getAttribute('aria-invalid')).toBe('true');
    expect(server.store.state.fair.wifi).toBeUndefined();
    await expectAccessible(page, { screen: 'fair settings with a refused Wi-Fi password and the loopback warning' });

    await page.getByLabel('Wi-Fi password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Save fair settings' }).click();
    await page.getByText('Fair settings saved.').waitFor();
    expect(server.store.state.fair.wifi).toEqual({ ssid: SSID, password: PASSWORD, security: 'WPA' });

    await openTask(page, 'Booths');
    await page.getByRole('link', { name: 'Print posters' }).click();
    await page.locator('.poster').nth(2).waitFor();
    await imagesLoaded(page);
    const acme = page.locator('.poster').filter({ hasText: 'ACME Rockets' });
    expect(await acme.innerText()).toMatch(new RegExp(`1\\. Join Wi-Fi ${SSID.replace(/[\\^$.*+?()[\]{}|"]/g, '\\$&')}\\s+Password: ${PASSWORD.replace(/[\\^$.*+?()[\]{}|"]/g, '\\$&')}\\s+2\\. Scan`));
    expect(await acme.innerText()).toContain(`or type ${server.url}/b/acme-rockets`);
    await expectAccessibleOnScreenAndInPrint(page, 'booth posters with the Wi-Fi');

    // One A4 page per booth, each with the Wi-Fi code and the booth's own.
    const pages = await printed(page);
    expect(pages.map(pageSize)).toEqual([A4, A4, A4]);
    const slugs = ['initech', 'acme-rockets', 'globex']; // in booth-number order
    pages.forEach((p, i) => expect(p.codes.sort()).toEqual([`${server.url}/b/${slugs[i]}`, WIFI_TEXT].sort()));

    // The entrance poster on A3: the fair's name, the Wi-Fi code, every booth by number.
    await page.getByLabel('Entrance poster, A3').check();
    await page.getByRole('heading', { name: 'Booths' }).waitFor();
    await imagesLoaded(page);
    await expectAccessibleOnScreenAndInPrint(page, 'the entrance poster');
    const entrance = await printed(page);
    expect(entrance.map(pageSize)).toEqual([A3]);
    expect(entrance[0]!.codes).toEqual([WIFI_TEXT]);
    const text = entrance[0]!.text.map((t) => t.str).join(' ');
    expect(text).toContain(server.store.state.fair.name);
    for (const { employer, booth } of EMPLOYERS) expect(text).toMatch(new RegExp(`${booth}\\s+${employer}`));

    await page.getByLabel('Entrance poster, A4').check();
    await imagesLoaded(page);
    expect((await printed(page)).map(pageSize)).toEqual([A4]);
    await context.close();
  });

  it('lists hundreds of booths on the entrance poster over more pages, every one legible', async () => {
    const { server, browser } = env;
    const rows = Array.from({ length: 300 }, (_, i) => `Employer ${String(i + 1).padStart(3, '0')} Ltd,${100 + i}`);
    const imported = await api(server.url, '/api/admin/booths/import', {
      token: server.adminToken, body: `employer,booth\n${rows.join('\n')}\n`, headers: { 'content-type': 'text/csv' },
    });
    expect(imported.status).toBe(201);
    const context = await browser.newContext(device('Desktop Chrome'));
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/posters#token=${server.adminToken}`);
    await page.getByLabel('Entrance poster, A4').check();
    await expect.poll(() => page.locator('.entrance__booths li').count()).toBeGreaterThanOrEqual(300);
    await imagesLoaded(page);

    const pages = await printed(page);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((p) => pageSize(p).join() === A4.join())).toBe(true);
    expect(pages[0]!.codes).toEqual([WIFI_TEXT]);
    const items = pages.flatMap((p) => p.text).filter((t) => /^Employer \d{3} Ltd$/.test(t.str));
    expect(new Set(items.map((t) => t.str)).size).toBe(300); // every booth printed, none cut off
    expect(Math.min(...items.map((t) => t.size))).toBeGreaterThanOrEqual(11); // points: legible at arm's length
    await context.close();
  });
});
