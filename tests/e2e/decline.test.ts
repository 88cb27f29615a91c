// A student cancels and asks once more; a rep declines with a message: the phone shows it live and
// says in a sentence why it offers no new request (no pestering). The booth invites the student to
// ask again, and the phone offers the request again.
import { describe, expect, it } from 'vitest';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { openPairedTablet, shareDetails } from './fixtures.ts';

const env = useServerAndBrowser();

describe.skipIf(!hasBrowser)('declining and cancelling', () => {
  it('shows a cancel on the tablet, and the rep\'s message and the refusal on the phone', async () => {
    const { server, browser } = env;
    const { tabletContext, tablet } = await openPairedTablet(server, browser, { employer: 'Globex', booth: '14' },
      { name: 'Hank Scorpio', title: 'CEO', email: 'hank@globex.example' });

    const phone = await (await browser.newContext(device('Pixel 7'))).newPage();
    await shareDetails(phone, `${server.url}/b/globex`, 'Globex', { name: 'Kim Park', email: 'kim@uni.example' });
    await phone.getByRole('button', { name: 'Send request' }).click();

    // Cancelling shows on the tablet at once; the student may ask once more.
    await phone.getByRole('button', { name: 'Cancel request' }).click();
    await expect.poll(() => phone.getByTestId('request-status').innerText()).toContain('You cancelled your request.');
    await tablet.getByText('Cancelled by the student').waitFor();
    expect(await phone.getByTestId('request-status').innerText()).toContain('You may ask once more.');
    await phone.getByRole('button', { name: 'Send a new request' }).click();
    await expect.poll(() => phone.getByTestId('request-status').innerText()).toContain('Waiting for Globex');

    const card = tablet.getByTestId('request-card').filter({ hasText: 'Kim Park' }).filter({ has: tablet.getByRole('button', { name: 'Decline' }) });
    await card.getByRole('button', { name: 'Decline' }).click();
    await tablet.getByLabel('Message to the student').fill('All our slots are taken today. Email us at jobs@globex.example!');
    await tablet.getByRole('button', { name: 'Send decline' }).click();

    await expect.poll(() => phone.getByTestId('request-status').innerText()).toContain('Globex declined your request.');
    await expect.poll(() => phone.getByTestId('request-status').innerText()).toContain('All our slots are taken today. Email us at jobs@globex.example!');
    // No new request today: the phone says why instead of offering the form.
    await phone.getByTestId('ask-again').waitFor();
    expect(await phone.getByRole('button', { name: /request/ }).count()).toBe(0);

    // The booth invites the student to ask again: the declined card, in Done, says when.
    const declined = tablet.getByTestId('requests-done').getByTestId('request-card').filter({ hasText: 'All our slots are taken today' });
    await declined.getByRole('button', { name: 'Invite to ask again' }).click();
    await declined.getByText(/^Invited to ask again at \d\d:\d\d$/).waitFor();

    // The phone hears the invitation live and asks again.
    await expect.poll(() => phone.getByTestId('request-status').innerText()).toContain('Globex invites you to ask again');
    await phone.getByRole('button', { name: 'Send a new request' }).click();
    await expect.poll(() => phone.getByTestId('request-status').innerText()).toContain('Waiting for Globex');
    await tablet.getByTestId('request-card').filter({ hasText: 'Kim Park' }).filter({ has: tablet.getByRole('button', { name: 'Decline' }) }).waitFor();

    // The rep marks the booth full: the phone's booth page says so at once.
    await tablet.getByRole('button', { name: 'Full' }).click();
    await expect.poll(() => tablet.getByRole('button', { name: 'Full' }).getAttribute('aria-pressed')).toBe('true');
    await phone.locator('.badge', { hasText: 'Full' }).waitFor();

    await tabletContext.close();
  });
});
