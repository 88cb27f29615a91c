// The organiser sets up booths from a CSV and resets a pairing code; tablets follow the new code.
import { describe, expect, it } from 'vitest';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { openTask } from './adminTasks.ts';

const env = useServerAndBrowser();

const CSV = [
  'employer,booth,roles,website',
  'ACME Rockets,12,"Flight software, Test engineering",https://acme.example',
  'Globex,14,Sales,not-a-website',
  'Initech,15,,',
].join('\n');

describe.skipIf(!hasBrowser)('setting up the fair from a CSV', () => {
  it('imports the good rows, names the bad line, and a reset code locks out the old one', async () => {
    const { server, browser } = env;
    const laptop = await browser.newContext(device('Desktop Chrome'));
    const admin = await laptop.newPage();
    await admin.goto(`${server.url}/admin#token=${server.adminToken}`);
    await openTask(admin, 'Booths');
    await admin.getByLabel(/Or paste CSV/).fill(CSV);
    await admin.getByRole('button', { name: 'Import' }).click();
    await admin.getByText('Created 2 booths.').waitFor();
    await admin.getByText(/^Line 3: .*https:\/\//).waitFor();
    await expect.poll(() => admin.getByTestId('booth-row').count()).toBe(2);

    const row = admin.getByTestId('booth-row').filter({ hasText: 'Initech' });
    const oldCode = (await row.getByTestId('pairing-code').innerText()).trim();
    await row.getByRole('button', { name: 'Reset code for Initech' }).click();
    await expect.poll(async () => (await row.getByTestId('pairing-code').innerText()).trim()).not.toBe(oldCode);
    const newCode = (await row.getByTestId('pairing-code').innerText()).trim();

    const tabletContext = await browser.newContext(device('iPad (gen 7) landscape'));
    const tablet = await tabletContext.newPage();
    await tablet.goto(`${server.url}/rep`);
    await tablet.getByLabel('Pairing code').fill(oldCode);
    await tablet.getByLabel('Your name').fill('Peter Gibbons');
    await tablet.getByLabel('Work email').fill('peter@initech.example');
    await tablet.getByLabel('Choose a PIN (4–8 digits)').fill('1357');
    await tablet.getByRole('button', { name: 'Pair this tablet' }).click();
    await tablet.getByText('That pairing code is not right. Check it with the organiser and type it again.').waitFor();
    await tablet.getByLabel('Pairing code').fill(newCode);
    await tablet.getByRole('button', { name: 'Pair this tablet' }).click();
    await tablet.getByRole('heading', { name: 'Initech' }).waitFor();
    await tablet.getByRole('heading', { name: /Interview requests/ }).waitFor();

    await Promise.all([laptop.close(), tabletContext.close()]);
  });
});
