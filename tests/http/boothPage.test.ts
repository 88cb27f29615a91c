// /b/<slug> with the booth's public facts in the HTML the server sends (routes/boothPage.ts): a
// phone on slow Wi-Fi sees who the booth is before the app's JavaScript arrives, and the app gets
// the same facts as JSON. Markup in the facts is text, never markup; nothing but the public facts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configureFair, createBooth } from '../../server/domain/booths.ts';
import type { Decision } from '../../server/domain/decision.ts';
import type { Store } from '../../server/store/store.ts';
import { FIRST_VISIT_ID, PROFILE_STEP_HEADING } from '../../shared/firstVisit.ts';
import { PRERENDERED_ID } from '../../shared/paths.ts';
import type { BoothPublic } from '../../shared/protocol.ts';
import { api, tempDir } from '../helpers.ts';
import { FAIR_MORNING } from '../realtime/fixtures.ts';
import { startHttpServer, type HttpTestServer } from './support.ts';

const PAGE = '<!doctype html><html lang="en"><head><title>Boothlink</title><link rel="stylesheet" href="/assets/index-abc.css"></head><body><div id="app"></div><script type="module" src="/assets/index-abc.js"></script></body></html>';
const EMPLOYER = 'Rockets & <b>Anvils</b> "R&D"';
const DESCRIPTION = 'We build rockets.</script><script>alert("x")</script>\u2028';

let server: HttpTestServer;
afterEach(async () => server?.close());

async function must(store: Store, decision: Decision): Promise<void> {
  if (decision.error) throw new Error(decision.error.message);
  await store.commit({ events: decision.events });
}

async function startWithBooth(): Promise<string> {
  const distDir = tempDir('boothlink-dist-');
  fs.writeFileSync(path.join(distDir, 'index.html'), PAGE);
  server = await startHttpServer({ distDir, now: () => FAIR_MORNING });
  const { store } = server;
  await must(store, configureFair(store.state, { name: 'Spring Fair', date: '2026-03-12', timeZone: 'Europe/Berlin', windows: [{ start: '13:00', end: '15:00' }], slotMinutes: 20 }));
  await must(store, createBooth(store.state, {
    id: 'b1', pairingCode: 'ROCK-2345', employer: EMPLOYER, booth: 'A12', description: DESCRIPTION, website: '', roles: ['Engineering', 'Data <Science>'], place: '',
  }, FAIR_MORNING));
  return store.state.booths.get('b1')!.slug;
}

/** The data-booth attribute, unescaped as a browser reads it. */
const factsIn = (html: string): BoothPublic => {
  const attribute = /data-booth="([^"]*)"/.exec(html)![1]!;
  const text = attribute.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
  return JSON.parse(text) as BoothPublic;
};

describe('the booth page as the server sends it', () => {
  it('holds the booth’s facts as text, and as JSON for the app, before any script runs', async () => {
    const slug = await startWithBooth();
    const res = await api(server.url, `/b/${slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    expect(html).toContain('<title>Rockets &amp; &lt;b&gt;Anvils&lt;/b&gt; &quot;R&amp;D&quot; · Booth A12 — Boothlink</title>');
    expect(html).toContain(`<main class="page" id="${PRERENDERED_ID}" data-booth="`);
    expect(html).toContain('<p class="booth__fair">Spring Fair</p>');
    expect(html).toContain('<h1>Rockets &amp; &lt;b&gt;Anvils&lt;/b&gt; &quot;R&amp;D&quot;</h1>');
    expect(html).toContain('<span>Booth A12</span><span class="badge badge--open">Open</span>');
    expect(html).toContain('<li>Data &lt;Science&gt;</li>');
    expect(html).toContain('<p>0 waiting · No free slots left today</p>');
    expect(html).toContain('<h2 class="label">Reps on duty</h2><p class="muted">Nobody is signed in at this booth right now.</p>');
    // The new phone's first step, and its one-line script; then the page's own script element. The
    // description's tags are text, in the markup and the attribute.
    expect(html).toContain(`<section class="step" id="${FIRST_VISIT_ID}"><h2>${PROFILE_STEP_HEADING}</h2><p class="muted">`);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<script>[^<]*<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain('alert("x")');
    const facts = factsIn(html);
    expect(facts).toMatchObject({ slug, employer: EMPLOYER, booth: 'A12', status: 'open', description: DESCRIPTION, roles: ['Engineering', 'Data <Science>'], reps: [] });
    expect(Object.keys(facts).sort()).toEqual(Object.keys(facts).filter((key) => !/pairing|code|token/i.test(key)).sort()); // no secret of the booth's
    expect(html).toContain(`<div id="app"><main class="page" id="${PRERENDERED_ID}"`);
  });

  it('says the status as it is now, compresses for phones that accept it, and answers HEAD', async () => {
    const slug = await startWithBooth();
    const booth = server.store.state.booths.get('b1')!;
    await server.store.commit({ events: [{ type: 'booth.statusSet', boothId: booth.id, status: 'break', repId: 'rep-ada', at: FAIR_MORNING.toISOString() }] });
    const zipped = await fetch(`${server.url}/b/${slug}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(await zipped.text()).toContain('<span class="badge badge--break">On a break</span>');
    const head = await fetch(`${server.url}/b/${slug}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('is the plain page for an address no booth has: the app says the booth was not found', async () => {
    await startWithBooth();
    const res = await api(server.url, '/b/no-such-booth');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(PAGE);
  });
});
