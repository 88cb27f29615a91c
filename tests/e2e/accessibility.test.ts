// Every screen a person uses today, walked in real Chromium and checked with axe (WCAG 2.0/2.1/2.2
// A–AA, 0 violations) in each state it can be in: empty, filled, after a bad submit. Each check comes
// after an assertion that the screen really is in that state. Screens being rebuilt in issue 12
// (the tablet's dashboard and kiosk face) get their checks with their own tests.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { actionId, api, ask, connectRep, disconnectAll, type RepClient, type TestServer } from '../helpers.ts';
import { expectAccessible } from './axe.ts';
import { openTask } from './adminTasks.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';

const env = useServerAndBrowser();

/** A booth made by the organiser and a rep paired to it over the API; the rep's socket answers requests. */
async function boothWithRep(server: TestServer, employer: string, booth: string): Promise<{ slug: string; rep: RepClient }> {
  const created = await (await api(server.url, '/api/admin/booths', { token: server.adminToken, json: { employer, booth, roles: 'Data engineer, UX intern' } })).json();
  const paired = await (await api(server.url, '/api/rep/pair', {
    json: { code: created.pairingCode, pin: '2468', name: 'Ada Lovelace', title: 'Engineering Manager', email: 'ada@example.com' },
  })).json();
  return { slug: created.slug, rep: await connectRep(server.url, paired.token) };
}

/** The one request of the fair in `status` (the tests below hold at most one at a time). */
const requestIn = (server: TestServer, status: string) => [...server.store.state.requests.values()].find((r) => r.status === status)!;

const status = (phone: Page) => phone.getByTestId('request-status');

describe.skipIf(!hasBrowser)('accessibility of every screen (axe, WCAG 2.2 AA)', () => {
  it('the landing page and the 404 page', async () => {
    const { server, browser } = env;
    const context = await browser.newContext(device('Pixel 7'));
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: "Scan a booth's QR code to begin" }).waitFor();
    await expectAccessible(page, { screen: 'the landing page' });

    await page.goto(`${server.url}/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await expectAccessible(page, { screen: 'the 404 page' });
    await context.close();
  });

  it('the organiser\'s gate, page, forms after a bad submit, booth table, and the posters on screen and in print', async () => {
    const { server, browser } = env;
    const laptop = await browser.newContext(device('Desktop Chrome'));
    const admin = await laptop.newPage();
    await admin.goto(`${server.url}/admin`);
    await admin.getByText('This page needs the organiser link.').waitFor();
    await expectAccessible(admin, { screen: 'the organiser\'s gate' });

    await admin.goto(`${server.url}/admin#token=not-the-token`);
    await admin.getByText(/^That organiser link is not valid/).waitFor();
    await expectAccessible(admin, { screen: 'the organiser\'s gate after a wrong link' });

    await admin.goto(`${server.url}/admin#token=${server.adminToken}`);
    await admin.getByLabel('Fair name').waitFor();
    await expectAccessible(admin, { screen: 'the organiser page, Set up' });

    // Every form after a bad submit, in its task: the sentence next to the field.
    await admin.getByLabel('Interview windows').fill('after lunch');
    await admin.getByRole('button', { name: 'Save fair settings' }).click();
    await admin.locator('#fair-windows-error').waitFor();
    await expectAccessible(admin, { screen: 'the organiser page, Set up refused' });
    await openTask(admin, 'Booths');
    await admin.getByText('No booths yet. Add one or import a CSV below.').waitFor();
    await expectAccessible(admin, { screen: 'the organiser page, Booths without booths' });
    await admin.getByRole('button', { name: 'Add booth' }).click();
    await admin.locator('#booth-employer-error').waitFor();
    await admin.getByRole('button', { name: 'Import' }).click();
    await admin.getByText(/^Choose a CSV file or paste the rows/).waitFor();
    await expectAccessible(admin, { screen: 'the organiser page, Booths with both forms refused' });
    await openTask(admin, 'Live');
    await admin.getByRole('link', { name: 'Open the live dashboard' }).waitFor();
    await expectAccessible(admin, { screen: 'the organiser page, Live' });
    await openTask(admin, 'Export');
    await admin.getByRole('button', { name: 'Download introductions (CSV)' }).waitFor();
    await expectAccessible(admin, { screen: 'the organiser page, Export' });
    await openTask(admin, 'After the fair');
    await admin.getByLabel('Type PURGE PERSONAL DATA to confirm').fill('purge');
    await admin.getByRole('button', { name: 'Purge all personal data' }).click();
    await admin.getByText('Type PURGE PERSONAL DATA exactly, in capitals, to confirm.').waitFor();
    await expectAccessible(admin, { screen: 'the organiser page, After the fair refused' });

    // Booths in the table, one with a paired tablet and one with a revoked tablet, a bad CSV row named.
    await openTask(admin, 'Booths');
    await admin.getByLabel(/Or paste CSV/).fill('employer,booth,website\nGlobex,14,not-a-website\nInitech,15,');
    await admin.getByRole('button', { name: 'Import' }).click();
    await admin.getByText(/^Line 2: /).waitFor();
    const acme = await boothWithRep(server, 'ACME Rockets', '12');
    const hooli = await boothWithRep(server, 'Hooli', '7');
    disconnectAll();
    await admin.reload();
    const hooliRow = admin.getByTestId('booth-row').filter({ hasText: 'Hooli' });
    admin.once('dialog', (d) => void d.accept());
    await hooliRow.getByRole('button', { name: /^Revoke / }).click();
    await hooliRow.getByText(/revoked by the organiser/).waitFor();
    await admin.getByTestId('booth-row').filter({ hasText: 'ACME Rockets' }).getByRole('button', { name: /^Revoke / }).waitFor();
    await expect.poll(() => admin.getByTestId('booth-row').count()).toBe(3);
    await expectAccessible(admin, { screen: 'the organiser page, Booths with booths and tablets' });
    expect(acme.slug).toBe('acme-rockets');
    expect(hooli.slug).toBe('hooli');

    await admin.getByRole('link', { name: 'Print posters' }).click();
    await expect.poll(() => admin.locator('.poster').count()).toBe(3);
    await expectAccessible(admin, { screen: 'the posters page' });
    await admin.emulateMedia({ media: 'print' });
    await expect.poll(() => admin.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await expectAccessible(admin, { screen: 'the posters in print' });
    await laptop.close();
  });

  it('the student\'s booth page in each state, and /me', async () => {
    const { server, browser } = env;
    const { slug, rep } = await boothWithRep(server, 'Initech', '3');
    await ask(rep, 'booth:status', { id: actionId(), status: 'break' });
    const context = await browser.newContext(device('Pixel 7'));
    const phone = await context.newPage();

    await phone.goto(`${server.url}/b/no-such-booth`);
    await phone.getByRole('heading', { name: 'Booth not found' }).waitFor();
    await expectAccessible(phone, { screen: 'a booth page that does not exist' });

    await phone.goto(`${server.url}/b/${slug}`);
    await phone.getByRole('heading', { name: 'Initech' }).waitFor();
    await phone.locator('.badge', { hasText: 'On a break' }).waitFor();
    await phone.getByLabel('Email').fill('sam@uni');
    await phone.getByRole('button', { name: 'Save my details' }).click();
    await phone.getByText('Enter a valid email address, like sam@example.com.').waitFor();
    expect(await phone.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(phone, { screen: 'the profile form with field errors' });

    await phone.getByLabel('Name', { exact: true }).fill('Sam Lee');
    await phone.getByLabel('Email').fill('sam@uni.example');
    await phone.getByRole('button', { name: 'Save my details' }).click();
    await phone.getByRole('button', { name: 'Share my details with Initech' }).waitFor();
    await expectAccessible(phone, { screen: 'the share step' });

    await phone.getByRole('button', { name: 'Share my details with Initech' }).click();
    await phone.getByText(/Your details were shared at/).waitFor();
    await phone.getByRole('button', { name: 'Send request' }).waitFor();
    await expectAccessible(phone, { screen: 'the booth page, shared, with the request form' });

    await phone.getByLabel(/what would you like to ask/).fill('What does a data engineer do all day?');
    await phone.getByRole('button', { name: 'Send request' }).click();
    await expect.poll(() => status(phone).innerText()).toContain('Waiting for Initech');
    await expectAccessible(phone, { screen: 'a pending request' });

    const pending = requestIn(server, 'pending');
    const slots = await ask(rep, 'request:slots', { requestId: pending.id });
    if (!slots.ok) throw new Error(slots.error.message);
    expect(slots.data.length).toBeGreaterThan(1);
    expect(await ask(rep, 'request:propose', { id: actionId(), requestId: pending.id, start: slots.data[1]!.start })).toMatchObject({ ok: true });
    await expect.poll(() => status(phone).innerText()).toContain('Initech proposes another time');
    await expectAccessible(phone, { screen: 'a proposed time' });

    await phone.getByRole('button', { name: 'Confirm this time' }).click();
    await expect.poll(() => status(phone).innerText()).toContain('Interview booked');
    await phone.getByRole('link', { name: 'Add to calendar' }).waitFor();
    await expectAccessible(phone, { screen: 'a booked interview' });

    await phone.getByRole('button', { name: 'Cancel interview' }).click();
    await expect.poll(() => status(phone).innerText()).toContain('You cancelled your request.');
    await phone.getByRole('button', { name: 'Send a new request' }).click();
    await expect.poll(() => status(phone).innerText()).toContain('Waiting for Initech');
    const again = requestIn(server, 'pending');
    expect(await ask(rep, 'request:decline', { id: actionId(), requestId: again.id, message: 'We are full today. Email jobs@initech.example!' })).toMatchObject({ ok: true });
    await expect.poll(() => status(phone).innerText()).toContain('Initech declined your request.');
    await expectAccessible(phone, { screen: 'a declined request' });

    await phone.goto(`${server.url}/me`);
    const held = phone.getByTestId('held-data');
    await held.getByText('sam@uni.example').waitFor();
    await held.getByTestId('consent').filter({ hasText: 'Initech' }).waitFor();
    await expectAccessible(phone, { screen: '/me with details, held data and the erase form' });

    await held.getByRole('button', { name: 'Withdraw' }).click();
    await held.getByRole('button', { name: 'Withdraw my details from Initech' }).waitFor();
    await phone.getByLabel('Type ERASE to confirm').fill('erase');
    await phone.getByRole('button', { name: 'Erase my profile' }).click();
    await phone.getByText('Type ERASE in capitals to confirm.').waitFor();
    await expectAccessible(phone, { screen: '/me asking to withdraw, and the erase form refused' });

    await phone.getByLabel('Type ERASE to confirm').fill('ERASE');
    await phone.getByRole('button', { name: 'Erase my profile' }).click();
    await expect.poll(() => phone.getByTestId('erased').innerText()).toContain('Your profile is erased.');
    await expectAccessible(phone, { screen: '/me after erasure' });
    disconnectAll();
    await context.close();
  });

  it('the rep\'s pair form on an iPad, before and after a bad submit, with 44 px touch targets', async () => {
    const { server, browser } = env;
    const context = await browser.newContext(device('iPad (gen 7) landscape'));
    const tablet = await context.newPage();
    await tablet.goto(`${server.url}/rep`);
    await tablet.getByRole('heading', { name: 'Pair this tablet with your booth' }).waitFor();
    await expectAccessible(tablet, { screen: 'the pair form', tablet: true });

    await tablet.getByLabel('Pairing code').fill('nope');
    await tablet.getByRole('button', { name: 'Pair this tablet' }).click();
    await tablet.locator('.field__error').first().waitFor();
    expect(await tablet.getByLabel('Your name').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(tablet, { screen: 'the pair form after a bad submit', tablet: true });
    await context.close();
  });

  it('the check itself fails on a faint text and on a tablet control under 44 px', async () => {
    const { server, browser } = env;
    const context = await browser.newContext(device('iPad (gen 7) landscape'));
    const page = await context.newPage();
    await page.goto(`${server.url}/rep`);
    await page.getByRole('heading', { name: 'Pair this tablet with your booth' }).waitFor();
    await expectAccessible(page, { screen: 'the pair form, as it is', tablet: true });
    // Styled through the DOM: the server's Content-Security-Policy blocks inline style attributes.
    await page.evaluate(() => {
      const faint = document.createElement('p');
      faint.textContent = 'Faint text';
      faint.style.color = '#bbb';
      document.querySelector('main')!.append(faint);
    });
    await expect(expectAccessible(page, { screen: 'a faint text' })).rejects.toThrow(/color-contrast/);
    await page.evaluate(() => {
      const tiny = document.createElement('button');
      tiny.textContent = 'Tiny';
      tiny.style.font = '12px sans-serif';
      document.querySelector('main p:last-child')!.replaceWith(tiny);
    });
    await expect(expectAccessible(page, { screen: 'a tiny button', tablet: true })).rejects.toThrow(/button "Tiny"/);
    await context.close();
  });
});
