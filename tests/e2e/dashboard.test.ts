// The organiser's live dashboard on a laptop and on a wall screen: a phone shares and asks, a tablet
// comes on line and goes, and the totals, the booth's row and the chart follow without a reload.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FairInfo } from '../../shared/protocol.ts';
import { actionId, api, ask, connectStudent, disconnectAll, studentKey } from '../helpers.ts';
import { SAM } from '../realtime/fixtures.ts';
import { expectAccessible } from './axe.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { openTablet, shareDetails } from './fixtures.ts';

const env = useServerAndBrowser();

const total = (page: Page, key: string) => page.locator(`[data-total="${key}"]`);
const row = (page: Page, employer: string) => page.getByTestId('booth-figures-row').filter({ has: page.getByRole('rowheader', { name: employer, exact: true }) });
/** A booth's row as the organiser reads it: its cells' text. */
const cells = async (page: Page, employer: string) => (await row(page, employer).locator('th, td').allInnerTexts()).map((t) => t.trim());
const employersInOrder = async (page: Page) => (await page.getByTestId('booth-figures-row').locator('th').allInnerTexts()).map((t) => t.trim());
const chartPixels = (page: Page) => page.getByTestId('day-chart').locator('canvas').evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());

describe.skipIf(!hasBrowser)("the organiser's live dashboard", () => {
  it('follows a phone and a tablet live, sorts by any column, and goes to the wall', async () => {
    const { server, browser } = env;
    // Today, all day, in UTC: what the phone does now is on the chart, and it may still ask for an interview.
    const fair = (await (await api(server.url, '/api/admin/fair', { token: server.adminToken })).json()) as FairInfo;
    const { publicUrl: _url, ...settings } = fair;
    const today = new Date().toISOString().slice(0, 10);
    const saved = await api(server.url, '/api/admin/fair', { token: server.adminToken, method: 'PUT', json: { ...settings, date: today, timeZone: 'UTC', windows: [{ start: '00:00', end: '23:45' }] } });
    expect(saved.status).toBe(200);
    const booth = async (employer: string, number: string) =>
      (await (await api(server.url, '/api/admin/booths', { token: server.adminToken, json: { employer, booth: number } })).json()) as { slug: string; pairingCode: string };
    const acme = await booth('ACME Rockets', '12');
    await booth('Globex', '3');
    await booth('Initech', '40');

    const laptop = await browser.newContext({ ...device('Desktop Chrome'), viewport: { width: 1440, height: 900 } });
    const admin = await laptop.newPage();
    await admin.goto(`${server.url}/admin/dashboard#token=${server.adminToken}`);
    await admin.getByRole('heading', { name: `${fair.name}: live` }).waitFor();
    await expect.poll(() => total(admin, 'introductions').innerText()).toBe('0');
    await admin.getByTestId('day-chart').locator('canvas').waitFor();
    expect(await admin.getByTestId('day-summary').innerText()).toMatch(/^Nothing yet, 00:00 to 23:45\.$/);
    expect(await cells(admin, 'ACME Rockets')).toEqual(['ACME Rockets', '12', '0', '0', '0', 'Open', '0']);
    await expectAccessible(admin, { screen: 'the dashboard, nothing yet', tablet: true });
    const blankChart = await chartPixels(admin);
    await admin.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true)); // gone if the page reloads

    // A phone shares with ACME: the totals, ACME's row and the chart follow.
    const phoneContext = await browser.newContext(device('Pixel 7'));
    const phone = await phoneContext.newPage();
    await shareDetails(phone, `${server.url}/b/${acme.slug}`, 'ACME Rockets', { name: 'Sam Lee', email: 'sam@uni.example' });
    await expect.poll(() => total(admin, 'introductions').innerText()).toBe('1');
    expect(await total(admin, 'students').innerText()).toBe('1');
    expect(await cells(admin, 'ACME Rockets')).toEqual(['ACME Rockets', '12', '1', '0', '0', 'Open', '0']);
    await expect.poll(() => admin.getByTestId('day-summary').innerText()).toMatch(/^1 introduction and 0 requests, 00:00 to 23:45\. Busiest quarter: \d\d:\d\d, 1 introduction\.$/);
    await expect.poll(() => chartPixels(admin)).not.toBe(blankChart);

    // Another phone asks ACME for an interview: waiting 1, one request on the chart.
    const other = await connectStudent(server.url, studentKey());
    await ask(other, 'profile:save', { ...SAM, name: 'Kim Ho', email: 'kim@uni.example' });
    await ask(other, 'intro:share', { id: actionId(), slug: acme.slug });
    expect(await ask(other, 'request:create', { id: actionId(), slug: acme.slug, note: '' })).toMatchObject({ ok: true });
    await expect.poll(() => cells(admin, 'ACME Rockets')).toEqual(['ACME Rockets', '12', '2', '1', '0', 'Open', '0']);
    expect(await total(admin, 'requests').innerText()).toBe('1');
    await admin.getByText('The figures as a table').click();
    // The table under the chart: 96 quarters, the day's figures in them.
    const quarterSums = async () => {
      const rows = (await admin.getByTestId('quarter-row').allInnerTexts()).map((text) => text.trim().split(/\s+/));
      return { quarters: rows.length, introductions: rows.reduce((n, r) => n + Number(r[1]), 0), requests: rows.reduce((n, r) => n + Number(r[2]), 0) };
    };
    await expect.poll(quarterSums).toEqual({ quarters: 95, introductions: 2, requests: 1 });
    await expectAccessible(admin, { screen: 'the dashboard with figures and the chart as a table', tablet: true });

    // A tablet comes on line at ACME, and goes.
    const { tabletContext, tablet } = await openTablet(server, browser, acme.pairingCode, { name: 'Ada', title: 'Recruiter', email: 'ada@example.com' });
    await tablet.getByRole('heading', { name: 'ACME Rockets' }).waitFor();
    await expect.poll(() => cells(admin, 'ACME Rockets')).toEqual(['ACME Rockets', '12', '2', '1', '0', 'Open', '1']);
    await tabletContext.close();
    await expect.poll(() => cells(admin, 'ACME Rockets')).toEqual(['ACME Rockets', '12', '2', '1', '0', 'Open', '0']);

    // Sorting: by introductions, most first, at the start; then by any column, either way.
    const boothTable = admin.getByTestId('booth-figures');
    const introductionsHeader = boothTable.getByRole('columnheader', { name: /Introductions/ });
    expect(await introductionsHeader.getAttribute('aria-sort')).toBe('descending');
    expect((await employersInOrder(admin))[0]).toBe('ACME Rockets');
    await admin.getByRole('button', { name: /^Employer/ }).click();
    expect(await boothTable.getByRole('columnheader', { name: /Employer/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(await introductionsHeader.getAttribute('aria-sort')).toBeNull();
    expect(await employersInOrder(admin)).toEqual(['ACME Rockets', 'Globex', 'Initech']);
    await admin.getByRole('button', { name: /^Employer/ }).click();
    expect(await employersInOrder(admin)).toEqual(['Initech', 'Globex', 'ACME Rockets']);
    await admin.getByRole('button', { name: /^Booth/ }).click(); // 3 before 12 before 40, as numbers read
    expect(await employersInOrder(admin)).toEqual(['Globex', 'ACME Rockets', 'Initech']);
    await admin.getByRole('button', { name: /^Waiting/ }).click();
    expect(await boothTable.getByRole('columnheader', { name: /Waiting/ }).getAttribute('aria-sort')).toBe('descending');
    expect((await employersInOrder(admin))[0]).toBe('ACME Rockets');
    await admin.getByLabel('Find a booth').fill('glo');
    expect(await employersInOrder(admin)).toEqual(['Globex']);
    await admin.getByLabel('Find a booth').fill('');
    expect(await admin.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

    // 300 booths: the table lists them all, sorted like the rest.
    const names = Array.from({ length: 297 }, (_, i) => `Employer with a rather long name ${String(i + 1).padStart(3, '0')},${100 + i}`);
    const imported = await api(server.url, '/api/admin/booths/import', { token: server.adminToken, body: `employer,booth\n${names.join('\n')}\n`, headers: { 'content-type': 'text/csv' } });
    expect(imported.status).toBe(201);
    await expect.poll(() => admin.getByTestId('booth-figures-row').count()).toBe(300);
    await admin.getByRole('button', { name: /^Employer/ }).click();
    expect((await employersInOrder(admin)).slice(0, 4)).toEqual(['ACME Rockets', 'Employer with a rather long name 001', 'Employer with a rather long name 002', 'Employer with a rather long name 003']);
    await admin.getByRole('button', { name: /^Introductions/ }).click();
    expect((await employersInOrder(admin))[0]).toBe('ACME Rockets');

    // The wall: no controls, big type, one screenful, still live.
    await admin.setViewportSize({ width: 1920, height: 1080 });
    await admin.getByRole('button', { name: 'Wall display' }).click();
    await admin.waitForURL(/\/admin\/dashboard\?wall$/);
    await admin.locator('.dash--wall').waitFor();
    expect(await admin.getByRole('button', { name: /^Employer/ }).count()).toBe(0);
    expect(await admin.getByLabel('Find a booth').count()).toBe(0);
    await expectWallLegible(admin);
    await expectAccessible(admin, { screen: 'the wall display' });
    const third = await connectStudent(server.url, studentKey());
    await ask(third, 'profile:save', { ...SAM, name: 'Lou Ma', email: 'lou@uni.example' });
    await ask(third, 'intro:share', { id: actionId(), slug: acme.slug });
    await expect.poll(() => total(admin, 'introductions').innerText()).toBe('3');
    await admin.keyboard.press('Escape');
    await admin.waitForURL(/\/admin\/dashboard$/);
    await admin.getByRole('button', { name: 'Wall display' }).waitFor();

    // Straight to the wall by its address and the organiser link's token, as a wall screen's browser opens it.
    const screen = await laptop.newPage();
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await screen.goto(`${server.url}/admin/dashboard?wall#token=${server.adminToken}`);
    await screen.locator('.dash--wall').waitFor();
    expect(screen.url()).toBe(`${server.url}/admin/dashboard?wall`); // the token left the address bar
    await expect.poll(() => total(screen, 'introductions').innerText()).toBe('3');
    await screen.getByTestId('day-chart').locator('canvas').waitFor();
    await expectWallLegible(screen);
    await expectAccessible(screen, { screen: 'the wall display opened by its address' });
    disconnectAll();
    await phoneContext.close();
    await laptop.close();
  });
});

/** Legible from three metres on a 1080p screen, and all of it on the screen at once. */
async function expectWallLegible(page: Page): Promise<void> {
  const measured = await page.evaluate(() => {
    const px = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
    const chart = document.querySelector('[data-testid="day-chart"]')!.getBoundingClientRect();
    return {
      total: px('[data-total="introductions"]'),
      row: px('[data-testid="booth-figures-row"] td'),
      // Nothing cut off: the page does not scroll, and no part of it holds more than it shows.
      scrolls: [document.documentElement, ...document.querySelectorAll('main, .dash__body > section, .dash-table-wrap')]
        .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1).map((el) => el.className || el.tagName),
      more: document.querySelector('.dash-more')?.textContent ?? '',
      chart: { width: chart.width, height: chart.height },
      background: getComputedStyle(document.querySelector('main')!).backgroundColor,
    };
  });
  expect(measured.total).toBeGreaterThanOrEqual(80); // the totals' figures: about 2 cm high on a 55" screen
  expect(measured.row).toBeGreaterThanOrEqual(28);
  expect(measured.scrolls).toEqual([]);
  expect(measured.more).toBe('and 292 more booths');
  expect(measured.chart.width).toBeGreaterThan(700); // a good part of the screen's width
  expect(measured.chart.height).toBeGreaterThan(400);
  expect(measured.background).toBe('rgb(0, 0, 0)');
}
