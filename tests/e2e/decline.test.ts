// A rep declines with a message; the phone shows it live and lets the student ask again or cancel.
import { describe, expect, it } from 'vitest';
import { api } from '../helpers.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';

const env = useServerAndBrowser();

describe.skipIf(!hasBrowser)('declining and cancelling', () => {
  it('shows the rep\'s message on the phone, and a cancelled request on the tablet', async () => {
    const { server, browser } = env;
    const booth = await (await api(server.url, '/api/admin/booths', { token: server.adminToken, json: { employer: 'Globex', booth: '14' } })).json();
    const paired = await (await api(server.url, '/api/rep/pair', { json: { code: booth.pairingCode, name: 'Hank Scorpio', title: 'CEO', email: 'hank@globex.example' } })).json();

    const tabletContext = await browser.newContext(device('iPad (gen 7) landscape'));
    await tabletContext.addInitScript((token) => localStorage.setItem('boothlink.repToken', token), paired.token);
    const tablet = await tabletContext.newPage();
    await tablet.goto(`${server.url}/rep`);
    await tablet.getByRole('heading', { name: 'Globex' }).waitFor();

    const phone = await (await browser.newContext(device('Pixel 7'))).newPage();
    await phone.goto(`${server.url}/b/globex`);
    await phone.getByLabel('Name', { exact: true }).fill('Kim Park');
    await phone.getByLabel('Email').fill('kim@uni.example');
    await phone.getByRole('button', { name: 'Save my details' }).click();
    await phone.getByRole('button', { name: 'Share my details with Globex' }).click();
    await phone.getByRole('button', { name: 'Send request' }).click();

    const card = tablet.getByTestId('request-card').filter({ hasText: 'Kim Park' });
    await card.getByRole('button', { name: 'Decline' }).click();
    await tablet.getByLabel('Message to the student').fill('All our slots are taken today. Email us at jobs@globex.example!');
    await tablet.getByRole('button', { name: 'Send decline' }).click();

    await expect.poll(() => phone.getByTestId('request-status').innerText()).toContain('Globex declined your request.');
    await expect.poll(() => phone.getByTestId('request-status').innerText()).toContain('All our slots are taken today. Email us at jobs@globex.example!');

    // Asking again works; cancelling it shows on the tablet at once.
    await phone.getByRole('button', { name: 'Send a new request' }).click();
    await expect.poll(() => phone.getByTestId('request-status').innerText()).toContain('Waiting for Globex');
    await phone.getByRole('button', { name: 'Cancel request' }).click();
    await expect.poll(() => phone.getByTestId('request-status').innerText()).toContain('You cancelled your request.');
    await tablet.getByText('Cancelled by the student').waitFor();

    // The rep marks the booth full: the phone's booth page says so at once.
    await tablet.getByRole('button', { name: 'Full' }).click();
    await expect.poll(() => tablet.getByRole('button', { name: 'Full' }).getAttribute('aria-pressed')).toBe('true');
    await phone.locator('.badge', { hasText: 'Full' }).waitFor();

    await tabletContext.close();
  });
});
