// A student takes their data back on /me: withdraws one booth (its tablet drops them at once),
// then erases their profile with a typed confirmation; the phone says so and forgets its key.
import { describe, expect, it } from 'vitest';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { openPairedTablet, shareDetails } from './fixtures.ts';

const env = useServerAndBrowser();
const RILEY = { name: 'Riley Quinn', email: 'riley@uni.example' };

describe.skipIf(!hasBrowser)('withdrawing and erasing on /me', () => {
  it('drops the student from the withdrawn booth\'s tablet, then erases everything after a typed confirmation', async () => {
    const { server, browser } = env;
    const initech = await openPairedTablet(server, browser, { employer: 'Initech', booth: '3' }, { name: 'Bill Lumbergh', title: 'VP', email: 'bill@initech.example' });
    const hooli = await openPairedTablet(server, browser, { employer: 'Hooli', booth: '4' }, { name: 'Gavin Belson', title: 'CEO', email: 'gavin@hooli.example' });
    const phoneContext = await browser.newContext(device('Pixel 7'));
    const phone = await phoneContext.newPage();
    await shareDetails(phone, `${server.url}/b/initech`, 'Initech', RILEY);
    await phone.goto(`${server.url}/b/hooli`);
    await phone.getByRole('button', { name: 'Share my details with Hooli' }).click();
    const onInitech = initech.tablet.getByTestId('visitor-card').filter({ hasText: RILEY.name });
    const onHooli = hooli.tablet.getByTestId('visitor-card').filter({ hasText: RILEY.name });
    await onInitech.waitFor();
    await onHooli.waitFor();

    await phone.goto(`${server.url}/me`);
    const held = phone.getByTestId('held-data');
    await held.getByText(RILEY.email).waitFor();
    const hooliConsent = held.getByTestId('consent').filter({ hasText: 'Hooli' });
    await hooliConsent.getByRole('button', { name: 'Withdraw' }).click();
    await hooliConsent.getByRole('button', { name: 'Withdraw my details from Hooli' }).click();
    await onHooli.waitFor({ state: 'detached' });
    await expect.poll(() => held.getByTestId('consent').allInnerTexts()).toEqual([expect.stringContaining('Initech')]);
    expect(await onInitech.count()).toBe(1);

    const confirm = phone.getByLabel('Type ERASE to confirm');
    await confirm.fill('erase');
    await phone.getByRole('button', { name: 'Erase my profile' }).click();
    await phone.getByText('Type ERASE in capitals to confirm.').waitFor();
    expect(await onInitech.count()).toBe(1); // nothing happened yet
    await confirm.fill('ERASE');
    await phone.getByRole('button', { name: 'Erase my profile' }).click();
    await expect.poll(() => phone.getByTestId('erased').innerText()).toContain('Your profile is erased.');
    await onInitech.waitFor({ state: 'detached' });
    expect(await phone.evaluate(() => localStorage.getItem('boothlink.studentKey'))).toBeNull();
    expect(await phone.getByText(RILEY.email).count()).toBe(0);

    await Promise.all([phoneContext.close(), initech.tabletContext.close(), hooli.tabletContext.close()]);
  });
});
