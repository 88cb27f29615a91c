// A phone kept a booth page open while the server was updated: its code speaks an older protocol.
// Played here by rewriting the version its handshake sends. The page says what happened and offers
// a Reload button instead of trying again and again; after the reload it is back.
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';
import { api } from '../helpers.ts';
import { expectAccessible } from './axe.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';

const env = useServerAndBrowser();
const OUTDATED = 'Boothlink was updated on the server. Reload this page to continue.';
const CURRENT = `"version":${PROTOCOL_VERSION}`;

describe.skipIf(!hasBrowser)('a page older than the server', () => {
  it('shows the server’s sentence and a Reload button, and is back after the reload', async () => {
    const { server, browser } = env;
    await api(server.url, '/api/admin/booths', { token: server.adminToken, json: { employer: 'Initech', booth: '7' } });
    const context = await browser.newContext(device('Pixel 7'));
    const phone = await context.newPage();

    // socket.io-client sends its handshake (the namespace CONNECT packet) in a long-polling POST.
    const handshakes: string[] = [];
    const older = async (route: Route) => {
      const body = route.request().postData() ?? '';
      if (!body.includes(CURRENT)) return route.continue();
      handshakes.push(body);
      await route.continue({ postData: body.replace(CURRENT, `"version":${PROTOCOL_VERSION - 1}`) });
    };
    await phone.route('**/socket.io/**', older);
    await phone.goto(`${server.url}/b/initech`);

    const banner = phone.getByRole('status').filter({ hasText: OUTDATED });
    await banner.waitFor();
    const reload = banner.getByRole('button', { name: 'Reload' });
    expect(await reload.evaluate((el) => el.tagName)).toBe('BUTTON');
    const box = (await reload.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
    await expectAccessible(phone, { screen: 'the booth page refused as outdated' });
    // Refused once, and not asked again: socket.io-client does not retry a refused handshake.
    await phone.waitForTimeout(1500);
    expect(handshakes).toHaveLength(1);

    await phone.unroute('**/socket.io/**', older); // the reload brings the server's current code
    await reload.click();
    await phone.getByRole('heading', { name: 'Initech' }).waitFor();
    await phone.getByText('Online').waitFor();
    expect(await phone.getByText(OUTDATED).count()).toBe(0);
    await context.close();
  });
});
