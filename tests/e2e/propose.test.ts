// "Propose another time": the rep offers a slot from the same picker; the phone shows it with
// Confirm and Decline; a declined time goes back to the rep, a confirmed one is a booked interview.
import { describe, expect, it } from 'vitest';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { openPairedTablet, shareDetails } from './fixtures.ts';

const env = useServerAndBrowser();

describe.skipIf(!hasBrowser)('proposing another time', () => {
  it('goes from the tablet to the phone and back, declined once, then confirmed', async () => {
    const { server, browser } = env;
    const { tabletContext, tablet } = await openPairedTablet(server, browser, { employer: 'Hooli', booth: '7' },
      { name: 'Gavin Belson', title: 'CEO', email: 'gavin@hooli.example' });

    const phoneContext = await browser.newContext(device('Pixel 7'));
    const phone = await phoneContext.newPage();
    const status = phone.getByTestId('request-status');
    await shareDetails(phone, `${server.url}/b/hooli`, 'Hooli', { name: 'Richard Hendricks', email: 'richard@uni.example' });
    await phone.getByRole('button', { name: 'Send request' }).click();

    const card = tablet.getByTestId('request-card').filter({ hasText: 'Richard Hendricks' });
    const propose = async (nth: number) => {
      await card.getByRole('button', { name: 'Propose another time…' }).click();
      const slot = card.getByTestId('slot').nth(nth);
      const label = (await slot.innerText()).trim();
      await slot.click();
      await card.getByText(`Proposed ${label}`, { exact: false }).waitFor();
      return label;
    };
    const first = await propose(0);
    await expect.poll(() => status.innerText()).toContain(`Hooli proposes another time: ${first}`);
    await phone.getByRole('button', { name: 'Decline this time' }).click();
    await card.getByText(`Richard Hendricks could not make ${first}.`).waitFor();
    await expect.poll(() => status.innerText()).toContain('Waiting for Hooli');

    const second = await propose(1);
    await expect.poll(() => status.innerText()).toContain(`Hooli proposes another time: ${second}`);
    await phone.getByRole('button', { name: 'Confirm this time' }).click();
    await expect.poll(() => status.innerText()).toContain(`Interview booked: ${second}`);
    await card.getByText('Accepted').waitFor();
    expect([...server.store.state.requests.values()].map((r) => r.status)).toEqual(['accepted']);
    await Promise.all([tabletContext.close(), phoneContext.close()]);
  });
});
