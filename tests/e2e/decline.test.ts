// A rep declines with a message; the phone shows it live. The booth invites the student to ask
// again (no pestering otherwise), and the student asks again, then cancels.
import { describe, expect, it } from 'vitest';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { openPairedTablet, shareDetails } from './fixtures.ts';

const env = useServerAndBrowser();

describe.skipIf(!hasBrowser)('declining and cancelling', () => {
  it('shows the rep\'s message on the phone, and a cancelled request on the tablet', async () => {
    const { server, browser } = env;
    const { tabletContext, tablet } = await openPairedTablet(server, browser, { employer: 'Globex', booth: '14' },
      { name: 'Hank Scorpio', title: 'CEO', email: 'hank@globex.example' });

    const phone = await (await browser.newContext(device('Pixel 7'))).newPage();
    await shareDetails(phone, `${server.url}/b/globex`, 'Globex', { name: 'Kim Park', email: 'kim@uni.example' });
    await phone.getByRole('button', { name: 'Send request' }).click();

    const card = tablet.getByTestId('request-card').filter({ hasText: 'Kim Park' });
    await card.getByRole('button', { name: 'Decline' }).click();
    await tablet.getByLabel('Message to the student').fill('All our slots are taken today. Email us at jobs@globex.example!');
    await tablet.getByRole('button', { name: 'Send decline' }).click();

    await expect.poll(() => phone.getByTestId('request-status').innerText()).toContain('Globex declined your request.');
    await expect.poll(() => phone.getByTestId('request-status').innerText()).toContain('All our slots are taken today. Email us at jobs@globex.example!');

    // The booth invites the student to ask again: the card moved to Done and says when.
    const done = tablet.getByTestId('requests-done');
    await done.getByTestId('request-card').filter({ hasText: 'Kim Park' }).getByRole('button', { name: 'Invite to ask again' }).click();
    await done.getByText(/^Invited to ask again at \d\d:\d\d$/).waitFor();

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
