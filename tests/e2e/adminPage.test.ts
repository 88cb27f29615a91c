// The organiser page with a big fair: 300 booths, some with long employer names. At 1,280 px (a
// laptop) and 1,024 px (a tablet) nothing scrolls sideways, a search finds a booth, the pages reach
// the last booth and its tablet can be revoked from there; every task view passes axe, and the
// address keeps the task over a reload.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api } from '../helpers.ts';
import { expectAccessible } from './axe.ts';
import { openTask, type AdminTask } from './adminTasks.ts';
import { hasBrowser, useServerAndBrowser } from './browser.ts';

const env = useServerAndBrowser();
const BOOTHS = 300;
const LONG_WORD = 'Supercalifragilisticexpialidocious'.repeat(3);
const LONG_NAME = 'Consolidated International Holdings and Subsidiaries of the Northern Region';
const employer = (i: number) => (i === BOOTHS ? LONG_WORD : i % 25 === 0 ? `Employer ${i} ${LONG_NAME}` : `Employer ${i}`);

const sideways = (page: Page) =>
  page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    table: [...document.querySelectorAll('.table-wrap')].map((wrap) => wrap.scrollWidth - wrap.clientWidth),
  }));

describe.skipIf(!hasBrowser)('the organiser page with 300 booths', () => {
  it('fits 1,280 and 1,024 px, finds a booth, pages to the last one and revokes its tablet there', async () => {
    const { server, browser } = env;
    const csv = ['employer,booth', ...Array.from({ length: BOOTHS }, (_, i) => `${employer(i + 1)},${i + 1}`)].join('\n');
    const imported = await api(server.url, '/api/admin/booths/import', { token: server.adminToken, body: csv, headers: { 'content-type': 'text/csv' } });
    expect((await imported.json()).created).toHaveLength(BOOTHS);
    const last = [...server.store.state.booths.values()].find((b) => b.employer === LONG_WORD)!;
    const paired = await api(server.url, '/api/rep/pair', {
      json: { code: last.pairingCode, name: 'Ada Lovelace', title: 'Senior Talent Acquisition Partner', email: 'ada@example.com', pin: '2468' },
    });
    expect(paired.status).toBe(200);

    const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const admin = await laptop.newPage();
    await admin.goto(`${server.url}/admin#token=${server.adminToken}`);
    await openTask(admin, 'Booths');
    await admin.getByText(`Booths 1–25 of ${BOOTHS}.`).waitFor();
    expect(await admin.getByTestId('booth-row').count()).toBe(25);
    expect(await sideways(admin)).toEqual({ page: 0, table: [0] });
    // The live numbers are on screen, not past its right edge.
    const accepted = (await admin.getByRole('columnheader', { name: 'Accepted' }).boundingBox())!;
    expect(accepted.x + accepted.width).toBeLessThanOrEqual(1280);

    // Every task view, with the fair at its biggest.
    for (const task of ['Set up', 'Live', 'Export', 'After the fair', 'Booths'] as AdminTask[]) {
      await openTask(admin, task);
      expect(await sideways(admin), task).toMatchObject({ page: 0 });
      await expectAccessible(admin, { screen: `the organiser page, ${task}, with ${BOOTHS} booths` });
    }

    // A search by name, then by booth number: booth 25 before "Employer 125" and "Employer 250".
    const search = admin.getByRole('searchbox', { name: 'Find a booth' });
    await search.fill('employer 123');
    await admin.getByText(`1 of ${BOOTHS} booths matches “employer 123”.`).waitFor();
    expect(await admin.getByTestId('booth-row').allInnerTexts()).toEqual([expect.stringMatching(/^123\s+Employer 123\b/)]);
    await search.fill('25');
    await admin.getByText(/booths match “25”/).waitFor();
    expect(await admin.getByTestId('booth-row').first().getByRole('rowheader').innerText()).toMatch(new RegExp(`^Employer 25 ${LONG_NAME}`));
    await search.fill('no such employer');
    await admin.getByText('No booth matches “no such employer”. Search by employer or booth number, or clear the search.').waitFor();
    expect(await admin.getByTestId('booth-row').count()).toBe(0);
    await search.fill('');

    // The last page holds the last booth, its long name wrapped inside the table.
    await admin.getByRole('button', { name: 'Last', exact: true }).click();
    await admin.getByText(`Booths 276–${BOOTHS} of ${BOOTHS}.`).waitFor();
    await admin.getByText('Page 12 of 12').waitFor();
    expect(await sideways(admin)).toEqual({ page: 0, table: [0] });
    const row = admin.getByTestId('booth-row').filter({ hasText: LONG_WORD });
    const revoke = row.getByRole('button', { name: `Revoke Ada Lovelace's tablet at ${LONG_WORD}` });
    const box = (await revoke.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    await expectAccessible(admin, { screen: 'the organiser page, Booths, the last page' });

    admin.once('dialog', (dialog) => void dialog.accept());
    await revoke.click();
    await row.getByText(/revoked by the organiser/).waitFor();
    expect([...server.store.state.reps.values()].filter((r) => r.revokedAt).map((r) => r.name)).toEqual(['Ada Lovelace']);

    // A reload stays on the task; a tablet's width does not scroll sideways either.
    await admin.reload();
    await admin.getByText(`Booths 1–25 of ${BOOTHS}.`).waitFor();
    expect(await admin.getByRole('link', { name: 'Booths', exact: true }).getAttribute('aria-current')).toBe('page');
    await admin.setViewportSize({ width: 1024, height: 768 });
    await admin.getByRole('button', { name: 'Last', exact: true }).click();
    await admin.getByText('Page 12 of 12').waitFor();
    expect(await sideways(admin)).toEqual({ page: 0, table: [0] });
    await laptop.close();
  });

  it('moves between tasks with the keyboard, the focus landing on the task it opened', async () => {
    const { server, browser } = env;
    const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const admin = await laptop.newPage();
    await admin.goto(`${server.url}/admin#token=${server.adminToken}`);
    await admin.getByLabel('Fair name').waitFor();
    await admin.getByRole('link', { name: 'Live', exact: true }).focus();
    await admin.keyboard.press('Enter');
    await admin.getByRole('link', { name: 'Open the live dashboard' }).waitFor();
    expect(await admin.evaluate(() => document.activeElement?.textContent)).toBe('Live');
    expect(await admin.getByLabel('Fair name').isVisible()).toBe(false);
    expect(admin.url()).toMatch(/\/admin#live$/);
    await admin.goBack();
    await admin.getByLabel('Fair name').waitFor();
    await laptop.close();
  });
});
