// Downloads in real Chromium: the organiser page's Export view saves one employer's package picked
// from a list of 300 booths, and the workbook;
// a booth's tablet saves its own booth's leads. Each file is unzipped and read by independent parsers.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { api } from '../helpers.ts';
import { introduce, profile } from '../http/support.ts';
import { openTask } from './adminTasks.ts';
import { expectAccessible } from './axe.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { openPairedTablet, unlockTablet } from './fixtures.ts';

const env = useServerAndBrowser();
const BOOTHS = 300;

async function saved(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

const csvRows = (bytes: Uint8Array) => parse(strFromU8(bytes), { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];

describe.skipIf(!hasBrowser)('exports in the browser', () => {
  it('the organiser finds one employer among 300 and saves its package, and saves the workbook', async () => {
    const { server, browser } = env;
    const csv = ['employer,booth', ...Array.from({ length: BOOTHS - 1 }, (_, i) => `Employer ${i + 1},${i + 1}`), 'Globex Corporation,400'].join('\n');
    const imported = await api(server.url, '/api/admin/booths/import', { token: server.adminToken, body: csv, headers: { 'Content-Type': 'text/csv' } });
    expect(imported.status).toBe(201);
    const globex = [...server.store.state.booths.values()].find((b) => b.employer === 'Globex Corporation')!;
    const other = [...server.store.state.booths.values()].find((b) => b.employer === 'Employer 7')!;
    await introduce(server.store, globex.slug, profile({ name: 'Grace Hopper', email: 'grace@example.com', phone: '+1 555 0199' }), new Date());
    await introduce(server.store, other.slug, profile({ name: 'Alan Turing', email: 'alan@example.com' }), new Date());

    const laptop = await browser.newContext({ ...device('Desktop Chrome'), acceptDownloads: true });
    const page = await laptop.newPage();
    await page.goto(`${server.url}/admin#token=${server.adminToken}`);
    await openTask(page, 'Export');
    await page.getByText(`${BOOTHS} employers`).waitFor();
    await expectAccessible(page, { screen: 'the export panel' });

    await page.getByLabel('Find an employer').fill('globex');
    await page.getByText(`1 of ${BOOTHS} employers`).waitFor();
    await expect.poll(() => page.getByLabel("Employer's package").inputValue()).toBe(globex.slug);
    const pack = await saved(page, () => page.getByRole('button', { name: 'Download the package of Globex Corporation' }).click());
    expect(pack.name).toMatch(new RegExp(`^${globex.slug}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
    const files = unzipSync(pack.bytes);
    expect(Object.keys(files).sort()).toEqual(['contacts.vcf', 'interviews.ics', 'introductions.csv', 'introductions.xlsx'].map((f) => `${globex.slug}/${f}`));
    expect(csvRows(files[`${globex.slug}/introductions.csv`]!).map((r) => r.student_name)).toEqual(['Grace Hopper']);
    expect(strFromU8(files[`${globex.slug}/contacts.vcf`]!)).toContain('FN:Grace Hopper');
    expect(strFromU8(files[`${globex.slug}/contacts.vcf`]!)).not.toContain('Alan');

    await page.getByLabel('Find an employer').fill('no such employer');
    await page.getByText('No employer matches “no such employer”.').waitFor();
    await expect.poll(() => page.getByRole('button', { name: "Download this employer's package" }).isDisabled()).toBe(true);
    await expectAccessible(page, { screen: 'the export panel with no match' });

    const workbook = await saved(page, () => page.getByRole('button', { name: 'Download introductions (Excel, XLSX)' }).click());
    expect(workbook.name).toMatch(/^introductions-.*\.xlsx$/);
    const rows = await readSheet(workbook.bytes);
    expect(rows.slice(1).map((r) => r[4]).sort()).toEqual(['Alan Turing', 'Grace Hopper']);
    expect(rows.find((r) => r[4] === 'Grace Hopper')?.[6]).toBe('+1 555 0199');
    await laptop.close();
  });

  it("a booth's tablet saves its own booth's leads from the rep view", async () => {
    const { server, browser } = env;
    const { tabletContext, tablet, slug } = await openPairedTablet(server, browser, { employer: 'Initech', booth: '900' }, { name: 'Peter Gibbons', title: 'Engineer', email: 'peter@initech.example' });
    // Recorded straight in the store, which pushes to no tablet: the rep view loads it afresh.
    await introduce(server.store, slug, profile({ name: 'Milton Waddams', email: 'milton@example.com' }), new Date());
    await tablet.reload();
    await unlockTablet(tablet);
    await tablet.getByText('Milton Waddams').first().waitFor();
    await expectAccessible(tablet, { screen: 'the rep view with its leads button', tablet: true });
    const leads = await saved(tablet, () => tablet.getByRole('button', { name: "Download our booth's leads" }).click());
    expect(leads.name).toMatch(new RegExp(`^${slug}-.*\\.zip$`));
    const files = unzipSync(leads.bytes);
    expect(Object.keys(files).every((name) => name.startsWith(`${slug}/`))).toBe(true);
    expect(csvRows(files[`${slug}/introductions.csv`]!).map((r) => r.student_name)).toEqual(['Milton Waddams']);
    expect(strFromU8(files[`${slug}/introductions.csv`]!)).not.toContain('Grace Hopper');
    await tabletContext.close();
  });
});
