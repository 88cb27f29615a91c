// The kiosk face in real Chromium on an iPad: it shows the booth and how many wait but no student's
// email, phone or note; the rep view opens with the PIN (a wrong one gets the server's sentence)
// and gives way to the kiosk face after a minute without a touch; a visitor without a phone
// leaves their details on it and shows up as a walk-up.
import { describe, expect, it } from 'vitest';
import { WALK_UP_CONSENT } from '../../shared/boothSchema.ts';
import { api } from '../helpers.ts';
import { expectAccessible } from './axe.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { TABLET_PIN } from './fixtures.ts';

const env = useServerAndBrowser();
const SAM = { name: 'Sam Lee', email: 'sam@uni.example', phone: '+49 30 1234 5678' };
const ASK = 'Do you take interns in embedded software?';
const NOTE = 'Strong on embedded C, follow up on Friday';

describe.skipIf(!hasBrowser)('the kiosk face', () => {
  it('hides every student, opens the rep view with the PIN, falls back after idle, and takes a walk-up', async () => {
    const { server, browser } = env;
    const created = await (await api(server.url, '/api/admin/booths', { token: server.adminToken, json: { employer: 'ACME Rockets', booth: '12' } })).json();

    // Pairing: the code as a person might type it, and the PIN they choose.
    const tabletContext = await browser.newContext(device('iPad (gen 7) landscape'));
    const tablet = await tabletContext.newPage();
    await tablet.clock.install(); // the minute without a touch passes on the tablet's clock, not the test's
    await tablet.goto(`${server.url}/rep`);
    await tablet.getByLabel('Pairing code').waitFor();
    await expectAccessible(tablet, { screen: 'pair form', tablet: true });
    await tablet.getByLabel('Pairing code').fill(` ${created.pairingCode.replace('-', ' ').toLowerCase()} `);
    await tablet.getByLabel('Your name').fill('Ada Lovelace');
    await tablet.getByLabel('Work email').fill('ada@acme.example');
    await tablet.getByLabel('Choose a PIN (4–8 digits)').fill(TABLET_PIN);
    await tablet.getByRole('button', { name: 'Pair this tablet' }).click();
    // Just paired: the rep view, at once.
    await tablet.getByRole('heading', { name: 'Interview requests' }).waitFor();

    // A student shares name, email and phone and asks; the rep notes them.
    const phoneContext = await browser.newContext(device('Pixel 7'));
    const phone = await phoneContext.newPage();
    await phone.goto(`${server.url}/b/${created.slug}`);
    await phone.getByLabel('Name', { exact: true }).fill(SAM.name);
    await phone.getByLabel('Email').fill(SAM.email);
    await phone.getByLabel(/Phone/).fill(SAM.phone);
    await phone.getByRole('button', { name: 'Save my details' }).click();
    await phone.getByRole('button', { name: 'Share my details with ACME Rockets' }).click();
    await phone.getByLabel(/what would you like to ask/).fill(ASK);
    await phone.getByRole('button', { name: 'Send request' }).click();
    const visitor = tablet.getByTestId('visitor-card').filter({ hasText: SAM.name });
    await visitor.getByText(SAM.phone).waitFor();
    await tablet.getByTestId('requests-waiting').getByText(ASK).waitFor();
    await visitor.getByRole('button', { name: `Notes on ${SAM.name}…` }).click();
    await visitor.getByLabel('Notes', { exact: true }).fill(NOTE);
    await visitor.getByRole('button', { name: 'Save notes' }).click();
    await visitor.getByTestId('assessment').getByText(NOTE).waitFor();

    // The kiosk face: the booth, its code, one waiting — and nothing of Sam.
    await tablet.getByRole('button', { name: 'Show the kiosk face' }).click();
    const kiosk = tablet.getByTestId('kiosk-face');
    await kiosk.getByText('1 person is waiting for an interview').waitFor();
    const qr = kiosk.getByRole('img', { name: /QR code for ACME Rockets's booth page/ });
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const shown = await tablet.locator('body').innerText();
    expect(shown).toContain('ACME Rockets');
    expect(shown).toContain('Booth 12');
    expect(shown).toContain('Scan to share your details or ask for an interview');
    for (const secret of [SAM.name, SAM.email, SAM.phone, ASK, NOTE, 'Ada Lovelace']) expect(shown).not.toContain(secret);
    await expectAccessible(tablet, { screen: 'kiosk face', tablet: true });

    // A wrong PIN gets the server's sentence; the right one opens the rep view.
    await kiosk.getByRole('button', { name: 'Rep view' }).click();
    await expectAccessible(tablet, { screen: 'PIN entry', tablet: true });
    await tablet.getByLabel('Your PIN').fill('0000');
    await tablet.getByRole('button', { name: 'Open the rep view' }).click();
    await tablet.getByText(/^That PIN is not right\./).waitFor();
    expect(await tablet.locator('body').innerText()).not.toContain(SAM.email);
    await tablet.getByLabel('Your PIN').fill(TABLET_PIN);
    await tablet.getByRole('button', { name: 'Open the rep view' }).click();
    await visitor.waitFor();

    // A minute without a touch: back to the kiosk face.
    await tablet.clock.fastForward('00:59');
    expect(await visitor.count()).toBe(1);
    await tablet.clock.fastForward('00:02');
    await kiosk.waitFor();
    expect(await tablet.locator('body').innerText()).not.toContain(SAM.email);

    // A visitor without a phone: the consent is asked for, in words; then thanks, then the kiosk face.
    await kiosk.getByRole('button', { name: 'No phone? Leave your details here' }).click();
    await expectAccessible(tablet, { screen: 'walk-up form', tablet: true });
    await tablet.getByLabel('Name', { exact: true }).fill('Jo Walker');
    await tablet.getByLabel('Email', { exact: true }).fill('jo@walk.example');
    await tablet.getByRole('button', { name: 'Send my details' }).click();
    await tablet.getByText(WALK_UP_CONSENT).waitFor();
    await tablet.getByLabel('ACME Rockets may keep my name, email and phone to contact me about jobs.').check();
    await tablet.getByRole('button', { name: 'Send my details' }).click();
    await tablet.getByRole('heading', { name: 'Thank you, Jo Walker. ACME Rockets has your details.' }).waitFor();
    await tablet.getByRole('button', { name: 'Done' }).click();
    await kiosk.waitFor();
    expect(await tablet.locator('body').innerText()).not.toContain('Jo Walker');

    // In the rep view, Jo is a visitor marked as a walk-up.
    await kiosk.getByRole('button', { name: 'Rep view' }).click();
    await tablet.getByLabel('Your PIN').fill(TABLET_PIN);
    await tablet.getByRole('button', { name: 'Open the rep view' }).click();
    const jo = tablet.getByTestId('visitor-card').filter({ hasText: 'Jo Walker' });
    await jo.getByText('Walk-up').waitFor();
    await expectAccessible(tablet, { screen: 'rep view', tablet: true });

    // Sign-out asks first; "No" keeps the tablet paired, "Yes" forgets it.
    await tablet.getByRole('button', { name: 'Sign out this tablet' }).click();
    await tablet.getByText("Sign out this tablet? You will need the booth's pairing code to use it again.").waitFor();
    await tablet.getByRole('button', { name: 'No, stay signed in' }).click();
    expect(await tablet.evaluate(() => localStorage.getItem('boothlink.repToken'))).not.toBeNull();
    await tablet.getByRole('button', { name: 'Sign out this tablet' }).click();
    await tablet.getByRole('button', { name: 'Yes, sign out' }).click();
    await tablet.getByRole('heading', { name: 'Pair this tablet with your booth' }).waitFor();
    expect(await tablet.evaluate(() => localStorage.getItem('boothlink.repToken'))).toBeNull();
    expect([...server.store.state.reps.values()].filter((r) => r.signedOut).map((r) => r.name)).toEqual(['Ada Lovelace']);

    await Promise.all([tabletContext.close(), phoneContext.close()]);
  });
});
