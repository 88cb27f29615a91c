// Markup typed by a student, a rep or the organiser is shown as text, in real Chromium, on the
// phone, the tablet and the organiser's pages: no dialog, no CSP violation, no injected element,
// and no request to another origin.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { FIRST_VISIT_SCRIPT } from '../../server/http/routes/boothPage.ts';
import { api } from '../helpers.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { openPairedTablet, unlockTablet } from './fixtures.ts';
import { openTask } from './adminTasks.ts';

const env = useServerAndBrowser();

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '"><script>alert(1)</script>';
const EMPLOYER = `Evil ${IMG} ${SCRIPT} Inc`;
const REP = { name: `Rex ${IMG}`, title: SCRIPT, email: 'rex@evil.example' };
const STUDENT = {
  name: IMG, school: SCRIPT, programme: `${IMG}${SCRIPT}`, link: `https://example.com/${SCRIPT}`, interests: `${SCRIPT} ${IMG}`,
};
const NOTE = `Hi ${IMG} ${SCRIPT}`;

interface Findings { dialogs: string[]; violations: string[]; foreign: string[] }

/** Records, on every page of the context, what an injection would cause: dialogs, CSP reports, foreign requests, injected nodes. */
async function watch(context: BrowserContext, origin: string, findings: Findings): Promise<void> {
  context.on('dialog', (d) => { findings.dialogs.push(d.message()); void d.dismiss(); });
  context.on('console', (m) => /Content Security Policy|CSP violation/i.test(m.text()) && findings.violations.push(m.text()));
  context.on('request', (r) => !r.url().startsWith(`${origin}/`) && findings.foreign.push(r.url()));
  // The booth page's own one-line script (the new phone's first step) is the only inline one allowed.
  await context.addInitScript((allowed) => {
    const seen: string[] = ((window as unknown as { injected: string[] }).injected = []);
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    new MutationObserver((records) => {
      for (const node of records.flatMap((r) => [...r.addedNodes])) {
        if (!(node instanceof Element)) continue;
        for (const el of [node, ...node.querySelectorAll('img, script')]) {
          const inline = el.matches('script') && !el.hasAttribute('src') && el.textContent !== allowed;
          if (el.matches('img[src="x"]') || inline) seen.push(el.outerHTML);
        }
      }
    }).observe(document, { childList: true, subtree: true });
  }, FIRST_VISIT_SCRIPT);
}

/** Nothing was injected into this page so far; its visible text contains each payload as typed. */
async function expectLiteral(page: Page, texts: string[]): Promise<void> {
  for (const text of texts) await expect.poll(() => page.locator('body').innerText(), { message: text }).toContain(text);
  expect(await page.evaluate(() => (window as unknown as { injected: string[] }).injected)).toEqual([]);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
}

describe.skipIf(!hasBrowser)('markup typed into Boothlink', () => {
  it('is shown as text on the phone, the tablet and the organiser pages, and runs nowhere', async () => {
    const { server, browser } = env;
    const findings: Findings = { dialogs: [], violations: [], foreign: [] };

    // The organiser creates the booth (through /api/admin/booths) and its rep pairs a tablet.
    const { tabletContext, tablet } = await openPairedTablet(server, browser, { employer: EMPLOYER, booth: '7' }, REP);
    await watch(tabletContext, server.url, findings);
    await tablet.reload();
    await tablet.getByRole('heading', { name: EMPLOYER }).waitFor();
    await unlockTablet(tablet);
    const booths = (await (await api(server.url, '/api/admin/booths', { token: server.adminToken })).json()) as { slug: string; employer: string }[];
    const slug = booths.find((b) => b.employer === EMPLOYER)!.slug;

    // A student fills every free-text field with markup, shares with the booth and asks.
    const phoneContext = await browser.newContext(device('Pixel 7'));
    await watch(phoneContext, server.url, findings);
    const phone = await phoneContext.newPage();
    await phone.goto(`${server.url}/b/${slug}`);
    await phone.getByLabel('Name', { exact: true }).fill(STUDENT.name);
    await phone.getByLabel('Email').fill('sam@example.com');
    await phone.getByLabel(/School/).fill(STUDENT.school);
    await phone.getByLabel(/Programme/).fill(STUDENT.programme);
    await phone.getByLabel(/LinkedIn or portfolio/).fill(STUDENT.link);
    await phone.getByLabel(/Interests/).fill(STUDENT.interests);
    await phone.getByRole('button', { name: 'Save my details' }).click();
    await phone.getByRole('button', { name: `Share my details with ${EMPLOYER}` }).click();
    await phone.getByText(/Your details were shared at/).waitFor();
    await phone.getByLabel(/what would you like to ask/).fill(NOTE);
    await phone.getByRole('button', { name: 'Send request' }).click();
    await expect.poll(() => phone.getByTestId('request-status').innerText()).toContain('Waiting for');
    await expectLiteral(phone, [EMPLOYER, REP.name, REP.title]);

    // The tablet shows the visitor and the request live, every field as typed.
    await tablet.getByTestId('request-card').filter({ hasText: NOTE }).waitFor();
    await expectLiteral(tablet, [EMPLOYER, STUDENT.name, STUDENT.school, STUDENT.programme, STUDENT.link, STUDENT.interests, NOTE]);
    expect(await tablet.getByTestId('visitor-card').getByRole('heading', { name: STUDENT.name, exact: true }).count()).toBe(1);

    // The student's own page: the booth and its rep as text, the profile back in its fields as typed.
    await phone.goto(`${server.url}/me`);
    await expectLiteral(phone, [EMPLOYER, REP.name, REP.title]);
    expect(await phone.getByLabel('Name', { exact: true }).inputValue()).toBe(STUDENT.name);
    expect(await phone.getByLabel(/Interests/).inputValue()).toBe(STUDENT.interests);

    // The organiser's dashboard and posters.
    const laptop = await browser.newContext(device('Desktop Chrome'));
    await watch(laptop, server.url, findings);
    const admin = await laptop.newPage();
    await admin.goto(`${server.url}/admin#token=${server.adminToken}`);
    await openTask(admin, 'Booths');
    await admin.getByTestId('booth-row').filter({ hasText: EMPLOYER }).waitFor();
    await expectLiteral(admin, [EMPLOYER]);
    await admin.getByRole('link', { name: 'Print posters' }).click();
    const poster = admin.locator('.poster').filter({ hasText: EMPLOYER });
    await poster.locator('img').waitFor();
    expect(await poster.locator('h1').innerText()).toBe(EMPLOYER);
    await expectLiteral(admin, [EMPLOYER]);

    expect(findings).toEqual({ dialogs: [], violations: [], foreign: [] });
    await Promise.all([tabletContext.close(), phoneContext.close(), laptop.close()]);
  });
});
