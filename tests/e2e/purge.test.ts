// The organiser purges personal data after the day: a wrong confirmation is refused next to the
// field and changes nothing; the right one leaves the booths and says what went.
import { describe, expect, it } from 'vitest';
import { actionId, api, ask, connectStudent, disconnectAll, studentKey } from '../helpers.ts';
import { SAM } from '../realtime/fixtures.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { openTask } from './adminTasks.ts';

const env = useServerAndBrowser();

describe.skipIf(!hasBrowser)('purging personal data', () => {
  it('refuses a wrong confirmation next to the field, then purges and keeps the booths', async () => {
    const { server, browser } = env;
    const created = await api(server.url, '/api/admin/booths', { token: server.adminToken, json: { employer: 'ACME Rockets', booth: '12' } });
    const { slug } = (await created.json()) as { slug: string };
    const phone = await connectStudent(server.url, studentKey());
    await ask(phone, 'profile:save', SAM);
    expect(await ask(phone, 'intro:share', { id: actionId(), slug })).toMatchObject({ ok: true });
    disconnectAll();

    const laptop = await browser.newContext(device('Desktop Chrome'));
    const admin = await laptop.newPage();
    await admin.goto(`${server.url}/admin#token=${server.adminToken}`);
    await openTask(admin, 'After the fair');
    const confirm = admin.getByLabel('Type PURGE PERSONAL DATA to confirm');
    await confirm.fill('purge personal data');
    await admin.getByRole('button', { name: 'Purge all personal data' }).click();
    await admin.getByText('Type PURGE PERSONAL DATA exactly, in capitals, to confirm.').waitFor();
    expect(await confirm.getAttribute('aria-invalid')).toBe('true');
    expect([...server.store.state.students.keys()]).toHaveLength(1);

    await confirm.fill('PURGE PERSONAL DATA');
    await admin.getByRole('button', { name: 'Purge all personal data' }).click();
    await admin.getByText(/^All personal data is purged/).waitFor();
    expect(await confirm.inputValue()).toBe('');
    expect([...server.store.state.students.keys()]).toEqual([]);
    await expect.poll(() => admin.getByTestId('booth-row').filter({ hasText: 'ACME Rockets' }).count()).toBe(1);
    await laptop.close();
  });
});
