// A phone on the venue's bad Wi-Fi: the student asks for an interview while offline and taps
// twice; the page is reloaded before the connection is back; once it is, the request reaches the
// tablet exactly once and the phone shows its status.
//
// A page cannot be reloaded while truly offline (there is no service worker to serve it), so the
// reload happens once the network is back for pages but the socket still cannot reach the server
// (its requests are blocked): the moment between "Wi-Fi back" and "socket reconnected". What is
// tested is the same: the action lives only in localStorage across the page's death. Until the
// socket connects the reloaded page has no booth to show (it comes over the socket), so there the
// banner alone shows the pending action.
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { openPairedTablet, shareDetails } from './fixtures.ts';

const env = useServerAndBrowser();

describe.skipIf(!hasBrowser)('an interview request made offline', () => {
  it('is kept across a reload, shown as pending, and sent once when the connection is back', async () => {
    const { server, browser } = env;
    const { tabletContext, tablet } = await openPairedTablet(server, browser, { employer: 'Initech', booth: '15' },
      { name: 'Bill Lumbergh', title: 'VP', email: 'bill@initech.example' });

    const phoneContext = await browser.newContext(device('Pixel 7'));
    const phone = await phoneContext.newPage();
    const banner = phone.locator('.connection');
    const status = phone.getByTestId('request-status');
    await shareDetails(phone, `${server.url}/b/initech`, 'Initech', { name: 'Milton Waddams', email: 'milton@uni.example' });
    await phone.getByText(/Your details were shared at/).waitFor();
    await expect.poll(() => banner.innerText()).toBe('Online');

    // The Wi-Fi drops. The student asks anyway, with a double tap.
    await phoneContext.setOffline(true);
    await expect.poll(() => banner.innerText()).toBe('Offline');
    await phone.getByLabel(/what would you like to ask/).fill('Can I keep my stapler?');
    await phone.getByRole('button', { name: 'Send request' }).dblclick();
    await expect.poll(() => status.innerText()).toBe('Your request — pending, will be sent.');
    await expect.poll(() => banner.innerText()).toBe('Offline · 1 pending — will be sent');
    await expectAccessible(phone, { screen: 'the booth page offline, a request pending' });
    expect([...server.store.state.requests.keys()]).toEqual([]);

    // The network is back for pages, not yet for the socket: the page is reloaded in that moment.
    await phone.route('**/socket.io/**', (route) => route.abort());
    await phoneContext.setOffline(false);
    await phone.reload();
    // The booth itself comes over the socket, so until it connects the banner alone says what waits.
    await expect.poll(() => banner.innerText()).toMatch(/^(Connecting…|Reconnecting…) · 1 pending — will be sent$/);
    expect([...server.store.state.requests.keys()]).toEqual([]);

    // The socket gets through: the request is sent once, with the id it was given offline.
    await phone.unroute('**/socket.io/**');
    await expect.poll(() => status.innerText()).toContain('Waiting for Initech');
    await expect.poll(() => banner.innerText()).toBe('Online');
    const card = tablet.getByTestId('request-card');
    await card.filter({ hasText: 'Can I keep my stapler?' }).waitFor();
    expect(await card.count()).toBe(1);
    expect([...server.store.state.requests.values()].map((r) => r.note)).toEqual(['Can I keep my stapler?']);
    await Promise.all([tabletContext.close(), phoneContext.close()]);
  }, 40_000);
});
