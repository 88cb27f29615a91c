// A person's whole day in real Chromium: the organiser sets up a booth, a student's phone shares
// and asks, a rep's tablet accepts a slot, the phone hears it live, and the CSV has the row.
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { zonedTime } from '../../server/domain/slots.ts';
import { api } from '../helpers.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { openTask } from './adminTasks.ts';

const env = useServerAndBrowser();

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const collectErrors = (page: Page, into: string[]) => {
  page.on('pageerror', (e) => into.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && into.push(`console: ${m.text()}`));
};

describe.skipIf(!hasBrowser)('the core loop on a phone and a tablet', () => {
  it('scan → share → request → accept → live answer → export', async () => {
    const { server, browser } = env;
    const errors: string[] = [];
    const fairDate = tomorrow();

    // Organiser, on the laptop: fair settings and a booth.
    const laptop = await browser.newContext(device('Desktop Chrome'));
    const admin = await laptop.newPage();
    collectErrors(admin, errors);
    await admin.goto(`${server.url}/admin#token=${server.adminToken}`);
    await expect.poll(() => admin.url()).not.toContain('token=');
    await admin.getByLabel('Fair name').fill('Spring Career Fair');
    await admin.getByLabel('Date').fill(fairDate);
    await admin.getByLabel('Time zone').fill('Europe/Berlin');
    await admin.getByLabel('Interview windows').fill('13:00-17:00');
    await admin.getByRole('button', { name: 'Save fair settings' }).click();
    await admin.getByText('Fair settings saved.').waitFor();
    await openTask(admin, 'Booths');
    await admin.getByLabel('Employer', { exact: true }).fill('ACME Rockets');
    await admin.getByLabel('Booth number').fill('12');
    await admin.getByLabel('Roles').fill('Flight software, Test engineering');
    await admin.getByRole('button', { name: 'Add booth' }).click();
    const row = admin.getByTestId('booth-row').filter({ hasText: 'ACME Rockets' });
    await row.waitFor();
    const pairingCode = (await row.getByTestId('pairing-code').innerText()).trim();
    expect(pairingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    // The tablet at the booth pairs before the first student arrives.
    const tabletContext = await browser.newContext(device('iPad (gen 7) landscape'));
    const tablet = await tabletContext.newPage();
    collectErrors(tablet, errors);
    await tablet.goto(`${server.url}/rep`);
    await tablet.getByLabel('Pairing code').fill(pairingCode.toLowerCase());
    await tablet.getByLabel('Your name').fill('Ada Lovelace');
    await tablet.getByLabel('Job title').fill('Engineering Manager');
    await tablet.getByLabel('Work email').fill('ada@acme.example');
    await tablet.getByLabel('Choose a PIN (4–8 digits)').fill('2468');
    await tablet.getByRole('button', { name: 'Pair this tablet' }).click();
    await tablet.getByRole('heading', { name: /Interview requests/ }).waitFor();

    // The student scans the poster: the QR code carries this address.
    const phoneContext = await browser.newContext(device('Pixel 7'));
    const phone = await phoneContext.newPage();
    collectErrors(phone, errors);
    const scriptEncodings: (string | undefined)[] = [];
    phone.on('response', (r) => r.request().resourceType() === 'script' && scriptEncodings.push(r.headers()['content-encoding']));
    await phone.goto(`${server.url}/b/acme-rockets`);
    await phone.getByRole('heading', { name: 'ACME Rockets' }).waitFor();
    expect(scriptEncodings.length).toBeGreaterThan(0);
    expect(scriptEncodings.every((e) => e === 'gzip')).toBe(true); // slow venue Wi-Fi: every script compressed
    await expect.poll(() => phone.getByText('Flight software').count()).toBeGreaterThan(0);
    await expect.poll(() => phone.getByText('Ada Lovelace').count()).toBeGreaterThan(0);

    // First visit: the profile form says what is wrong, in words, next to the field.
    await phone.getByLabel('Name', { exact: true }).fill('Sam Lee');
    await phone.getByLabel('Email').fill('sam@uni');
    await phone.getByRole('button', { name: 'Save my details' }).click();
    await phone.getByText('Enter a valid email address, like sam@example.com.').waitFor();
    await phone.getByLabel('Email').fill('sam@uni.example');
    await phone.getByLabel(/School/).fill('TU Berlin');
    await phone.getByRole('button', { name: 'Save my details' }).click();

    await phone.getByRole('button', { name: 'Share my details with ACME Rockets' }).click();
    await phone.getByText(/Your details were shared at/).waitFor();
    await tablet.getByTestId('visitor-card').filter({ hasText: 'Sam Lee' }).waitFor();

    await phone.getByLabel(/what would you like to ask/).fill('What does a flight software intern work on?');
    await phone.getByRole('button', { name: 'Send request' }).click();
    await expect.poll(() => phone.getByTestId('request-status').innerText()).toContain('Waiting for ACME Rockets');

    // The rep sees it live and accepts the first free slot.
    const card = tablet.getByTestId('request-card').filter({ hasText: 'Sam Lee' });
    await card.getByText('What does a flight software intern work on?').waitFor();
    await card.getByRole('button', { name: 'Accept…' }).click();
    const slot = tablet.getByTestId('slot').first();
    const slotLabel = (await slot.innerText()).trim();
    expect(slotLabel).toBe('13:00–13:20');
    await slot.click();

    // The phone shows the answer without a reload.
    await expect.poll(() => phone.getByTestId('request-status').innerText()).toContain('Interview booked: 13:00–13:20');
    await phone.getByText(/With Ada Lovelace/).waitFor();
    const calendar = await phone.getByRole('link', { name: 'Add to calendar' }).getAttribute('href');
    const ics = await (await fetch(`${server.url}${calendar}`)).text();
    expect(ics).toContain('BEGIN:VEVENT');
    const start = zonedTime(fairDate, '13:00', 'Europe/Berlin');
    expect(ics).toContain(`DTSTART:${start.toISOString().replace(/[-:]/g, '').replace('.000', '')}`);

    // Scanning the poster again opens the same booth, already shared, still booked: no second introduction.
    await phone.goto(`${server.url}/b/acme-rockets`);
    await expect.poll(() => phone.getByTestId('request-status').innerText()).toContain('Interview booked: 13:00–13:20');
    await expect.poll(() => phone.getByRole('button', { name: /Share my details/ }).count()).toBe(0);

    // My fair: the booth visited, the rep's contact card, the schedule.
    await phone.goto(`${server.url}/me`);
    await phone.getByRole('heading', { name: 'Interview schedule' }).waitFor();
    await expect.poll(() => phone.locator('main').innerText()).toMatch(/Interview schedule\s+\S+ \d+ \S+, 13:00–13:20 · ACME Rockets, Booth 12\s+With Ada Lovelace/);
    const vcard = await phone.getByRole('link', { name: 'Save contact: Ada Lovelace' }).first().getAttribute('href');
    const vcf = await (await fetch(`${server.url}${vcard}`)).text();
    expect(vcf).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
    expect(vcf).toContain('FN:Ada Lovelace\r\n');
    expect(vcf).toContain('ORG:ACME Rockets\r\n');

    // The organiser's CSV has the introduction with its booked slot.
    const csv = await (await api(server.url, '/api/admin/export/introductions.csv', { token: server.adminToken })).text();
    const rows = parseCsv(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      employer: 'ACME Rockets', booth: '12', student_name: 'Sam Lee', email: 'sam@uni.example', school: 'TU Berlin',
      request_status: 'accepted', request_note: 'What does a flight software intern work on?', interviewer: 'Ada Lovelace',
    });
    expect(rows[0]!.slot_start).toBe(start.toISOString());

    expect(errors).toEqual([]);
    await Promise.all([laptop.close(), tabletContext.close(), phoneContext.close()]);
  });
});
