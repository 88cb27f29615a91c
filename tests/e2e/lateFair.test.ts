// A fair set up late: the evening of the fair's date, its interview windows are over. The fair
// settings say so and move it to the next day in one tap; the purge section shows when personal
// data goes by itself, counting down on the server's clock. The server's clock is injected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, startServer, type TestServer } from '../helpers.ts';
import { expectAccessible } from './axe.ts';
import { device, hasBrowser, launch } from './browser.ts';

/** 20:30 in Berlin on 12 March 2026: the fair's 13:00–17:00 window ended hours ago. */
const EVENING = new Date('2026-03-12T19:30:00Z');
const FAIR = { name: 'Spring Fair', date: '2026-03-12', timeZone: 'Europe/Berlin', windows: [{ start: '13:00', end: '17:00' }], slotMinutes: 20 };

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  if (!hasBrowser) return;
  server = await startServer({ now: () => EVENING });
  expect((await api(server.url, '/api/admin/fair', { method: 'PUT', token: server.adminToken, json: FAIR })).status).toBe(200);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(!hasBrowser)('a fair created late', () => {
  it('says its interview windows are over and moves it to the next day in one tap; the retention date follows', async () => {
    const context = await browser.newContext(device('Desktop Chrome'));
    const page = await context.newPage();
    await page.goto(`${server.url}/admin#token=${server.adminToken}`);
    await page.getByText('The interview windows of Thursday 12 March 2026 are over').waitFor();
    const retention = page.getByTestId('retention');
    await expect.poll(() => retention.textContent()).toBe(
      'Personal data is purged by itself on Saturday 11 April 2026 at 00:00 (Europe/Berlin), in 29 days and 2 hours: 30 days after the fair. Change the days kept in the fair settings.',
    );
    await expectAccessible(page, { screen: 'fair settings of a fair whose interview windows are over' });

    await page.getByRole('button', { name: 'Move the fair to Friday 13 March 2026' }).click();
    await page.getByText('The fair is now on Friday 13 March 2026.').waitFor();
    expect(server.store.state.fair).toEqual({ ...FAIR, date: '2026-03-13', retentionDays: 30 });
    expect(await page.getByLabel('Date').inputValue()).toBe('2026-03-13');
    expect(await page.getByText(/interview windows of .* are over/).count()).toBe(0);
    await expect.poll(() => retention.textContent()).toMatch(/^Personal data is purged by itself on Sunday 12 April 2026 at 00:00 \(Europe\/Berlin\), in 30 days and 2 hours/);
    await expectAccessible(page, { screen: 'fair settings after moving the fair to the next day' });

    // Keeping the data 7 days instead: the date and the countdown say so at once (20 March is still winter time in Berlin).
    await page.getByLabel('Keep personal data for (days after the fair)').fill('7');
    await page.getByRole('button', { name: 'Save fair settings' }).click();
    await page.getByText('Fair settings saved.').waitFor();
    await expect.poll(() => retention.textContent()).toMatch(/on Friday 20 March 2026 at 00:00 \(Europe\/Berlin\), in 7 days and 3 hours: 7 days after the fair/);
    await context.close();
  });
});
