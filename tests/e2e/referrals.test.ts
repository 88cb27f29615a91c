// A rep refers a student on, and the phone shows it live: another booth one tap away, whose page
// says who sent the student there; a colleague not at the fair, with email and a contact card that
// downloads. /me lists every suggestion. The booth's side is a rep's socket (phoneFixtures.ts).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actionId, ask } from '../helpers.ts';
import { expectAccessible } from './axe.ts';
import { device, hasBrowser, useServerAndBrowser } from './browser.ts';
import { shareDetails } from './fixtures.ts';
import { boothWithRep, markPage } from './phoneFixtures.ts';

const env = useServerAndBrowser();

describe.skipIf(!hasBrowser)('referrals on the phone', () => {
  it('reach the booth page live, lead to the other booth, and give a colleague’s contact card', async () => {
    const { server, browser } = env;
    const acme = await boothWithRep(server, { employer: 'ACME', booth: '12' }, { name: 'Ada Lovelace', title: 'Recruiter', email: 'ada@acme.example' });
    await boothWithRep(server, { employer: 'Globex', booth: '14' }, { name: 'Hank Scorpio', title: 'CEO', email: 'hank@globex.example' });

    const phoneContext = await browser.newContext({ ...device('Pixel 7'), acceptDownloads: true });
    const phone = await phoneContext.newPage();
    await shareDetails(phone, `${server.url}/b/acme`, 'ACME', { name: 'Kim Park', email: 'kim@uni.example' });
    await phone.getByText(/Your details were shared at/).waitFor();
    const samePage = await markPage(phone);
    const suggested = phone.getByRole('region', { name: 'Suggested for you' });
    expect(await suggested.count()).toBe(0);

    // Ada sends Kim on to Globex: the phone shows it without a reload.
    const kim = await acme.visitorId('Kim Park');
    const toGlobex = await ask(acme.socket, 'visitor:refer', { id: actionId(), introductionId: kim, note: 'Hank runs their drone team.', to: { kind: 'booth', slug: 'globex' } });
    expect(toGlobex.ok).toBe(true);
    await expect.poll(() => suggested.innerText()).toContain('ACME suggests you visit Globex (booth 14)');
    expect(await suggested.innerText()).toContain('Hank runs their drone team.');
    expect(await samePage()).toBe(true);
    await expectAccessible(phone, { screen: 'booth page with a suggested booth' });

    // And to a colleague who is not at the fair.
    const toJo = await ask(acme.socket, 'visitor:refer', {
      id: actionId(), introductionId: kim, note: 'Say Ada sent you.', to: { kind: 'contact', name: 'Jo Bloggs', role: 'Head of Data', email: 'jo@acme.example' },
    });
    expect(toJo.ok).toBe(true);
    await expect.poll(() => suggested.innerText()).toContain('ACME suggests you contact Jo Bloggs, Head of Data');
    expect(await suggested.getByRole('link', { name: 'jo@acme.example' }).getAttribute('href')).toBe('mailto:jo@acme.example');
    expect(await samePage()).toBe(true);
    const [download] = await Promise.all([
      phone.waitForEvent('download'),
      suggested.getByRole('link', { name: 'Save contact: Jo Bloggs' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.vcf$/);
    const card = fs.readFileSync((await download.path())!, 'utf8');
    expect(card).toMatch(/^BEGIN:VCARD/);
    expect(card).toContain('FN:Jo Bloggs');
    expect(card).toContain('jo@acme.example');
    await expectAccessible(phone, { screen: 'booth page with a suggested colleague' });

    // One tap opens Globex's page, which says who suggested it, before the student shares.
    await suggested.getByRole('link', { name: 'Globex (booth 14)' }).click();
    await phone.getByRole('heading', { name: 'Globex', level: 1 }).waitFor();
    expect(new URL(phone.url()).pathname).toBe('/b/globex');
    await expect.poll(() => phone.getByTestId('referred-here').innerText()).toBe('ACME suggested you come here.');
    await phone.getByRole('button', { name: 'Share my details with Globex' }).waitFor();
    expect(await phone.getByText('Jo Bloggs').count()).toBe(0); // ACME's other suggestion belongs on ACME's page and /me
    await expectAccessible(phone, { screen: 'booth page of a suggested booth' });

    // /me lists them all.
    await phone.goto(`${server.url}/me`);
    const mine = phone.getByRole('region', { name: 'Suggested for you' });
    await expect.poll(() => mine.getByRole('listitem').count()).toBe(2);
    expect(await mine.innerText()).toMatch(/ACME suggests you contact Jo Bloggs, Head of Data[\s\S]*ACME suggests you visit Globex \(booth 14\)/);
    await expectAccessible(phone, { screen: '/me with suggestions' });
    await phoneContext.close();
  });
});
