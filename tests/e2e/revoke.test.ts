// The organiser signs out a lost tablet from the admin page; the tablet says so instead of spinning,
// and the booth's other tablet stays paired.
import { describe, expect, it } from 'vitest';
import { api } from '../helpers.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { openPairedTablet } from './fixtures.ts';
import { openTask } from './adminTasks.ts';

const env = useServerAndBrowser();
const SIGNED_OUT = 'This tablet was signed out by the organiser. Pair it again with the booth code.';

describe.skipIf(!hasBrowser)('revoking a tablet', () => {
  it('signs the tablet out at once, after the organiser confirms', async () => {
    const { server, browser } = env;
    const { tabletContext, tablet } = await openPairedTablet(server, browser, { employer: 'ACME Rockets', booth: '12' }, {
      name: 'Ada Lovelace', title: 'Recruiter', email: 'ada@acme.example',
    });
    const code = [...server.store.state.booths.values()][0]!.pairingCode;
    await api(server.url, '/api/rep/pair', { json: { code, name: 'Bo Chen', title: 'Engineer', email: 'bo@acme.example', pin: '1357' } });

    const laptop = await browser.newContext(device('Desktop Chrome'));
    const admin = await laptop.newPage();
    await admin.goto(`${server.url}/admin#token=${server.adminToken}`);
    await openTask(admin, 'Booths');
    const row = admin.getByTestId('booth-row').filter({ hasText: 'ACME Rockets' });
    await expect.poll(() => row.getByTestId('tablet').allInnerTexts()).toEqual([
      expect.stringMatching(/^Ada Lovelace, Recruiter paired \d\d:\d\d Revoke$/),
      expect.stringMatching(/^Bo Chen, Engineer paired \d\d:\d\d Revoke$/),
    ]);

    // Cancelling the confirmation changes nothing.
    admin.once('dialog', (dialog) => void dialog.dismiss());
    await row.getByRole('button', { name: "Revoke Ada Lovelace's tablet at ACME Rockets" }).click();
    await tablet.getByRole('heading', { name: 'ACME Rockets' }).waitFor();
    expect([...server.store.state.reps.values()].filter((r) => r.revokedAt)).toEqual([]);

    admin.once('dialog', (dialog) => {
      expect(dialog.message()).toBe("Sign out Ada Lovelace's tablet at ACME Rockets? It will need the pairing code again.");
      void dialog.accept();
    });
    await row.getByRole('button', { name: "Revoke Ada Lovelace's tablet at ACME Rockets" }).click();
    await admin.getByText("Ada Lovelace's tablet at ACME Rockets is signed out.").waitFor();
    await expect.poll(() => row.getByTestId('tablet').allInnerTexts()).toEqual([
      expect.stringMatching(/^Ada Lovelace, Recruiter revoked by the organiser \d\d:\d\d$/),
      expect.stringMatching(/^Bo Chen, Engineer paired \d\d:\d\d Revoke$/),
    ]);

    await tablet.getByText(SIGNED_OUT).waitFor();
    await tablet.getByLabel('Pairing code').waitFor();
    expect(await tablet.evaluate(() => localStorage.getItem('boothlink.repToken'))).toBeNull();
    // A reload does not bring the booth back: the token is gone.
    await tablet.reload();
    await tablet.getByRole('heading', { name: 'Pair this tablet with your booth' }).waitFor();

    await Promise.all([laptop.close(), tabletContext.close()]);
  });
});
