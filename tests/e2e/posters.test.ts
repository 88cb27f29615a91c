// The organiser prints the posters: one A4 page per booth, each with a QR code that a phone can read.
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { api } from '../helpers.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { openTask } from './adminTasks.ts';

const env = useServerAndBrowser();

const EMPLOYERS = [
  { employer: 'ACME Rockets', booth: '12' },
  { employer: 'Globex', booth: '14' },
  { employer: 'Initech <script>alert(1)</script>', booth: '3' },
];

describe.skipIf(!hasBrowser)('posters', () => {
  it('prints one A4 page per booth with the employer, booth number, QR code and typed address', async () => {
    const { server, browser } = env;
    for (const booth of EMPLOYERS) {
      expect((await api(server.url, '/api/admin/booths', { token: server.adminToken, json: booth })).status).toBe(201);
    }
    const context = await browser.newContext(device('Desktop Chrome'));
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.goto(`${server.url}/admin#token=${server.adminToken}`);
    await openTask(page, 'Booths');
    await page.getByRole('link', { name: 'Print posters' }).click();
    await page.locator('.poster').nth(2).waitFor();

    const posters = page.locator('.poster');
    expect(await posters.count()).toBe(3);
    // Sorted by booth number, each with its text and a loaded QR image.
    expect(await posters.locator('h1').allInnerTexts()).toEqual(['Initech <script>alert(1)</script>', 'ACME Rockets', 'Globex']);
    const acme = posters.nth(1);
    expect(await acme.innerText()).toContain('Booth 12');
    expect(await acme.innerText()).toContain(`${server.url}/b/acme-rockets`);
    await expect.poll(() => acme.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    // The QR code as printed is read back by an independent decoder.
    const png = PNG.sync.read(await acme.locator('img').screenshot());
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(`${server.url}/b/acme-rockets`);

    // Printing gives exactly one A4 page per booth.
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(3);
    const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([595, 842]); // A4 in points

    expect(dialogs).toEqual([]);
    await context.close();
  });
});
