// /b/<slug>, the page a phone opens from a booth's poster: the built client's index.html with the
// booth's public facts already in it (fair, employer, booth number, status, description, roles), so
// a phone on slow venue Wi-Fi shows who the booth is before the app's JavaScript has arrived, and
// the same facts as JSON for the app, which shows them at once and then goes live (issue #14:
// Lighthouse on simulated slow 4G painted nothing for 3 s, until the app had asked for the booth).
// The facts are what any phone that scans the poster sees, the reps on duty included (names, titles
// and their contact cards' links, as the app shows them); nothing about students.
// After them comes the first step a phone new to the fair sees, the profile step's heading and
// sentence (its largest text); a one-line script removes it at once on a phone that holds a key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { queueText, STATUS_LABELS } from '../../../shared/boothStatus.ts';
import { FIRST_VISIT_ID, PROFILE_STEP_HEADING, PROFILE_STEP_INTRO, STUDENT_KEY, STUDENT_KEY_PATTERN } from '../../../shared/firstVisit.ts';
import { BOOTH_PAGE, pathTo, PRERENDERED_ID, REP_VCARD } from '../../../shared/paths.ts';
import type { BoothPublic, RepPublic } from '../../../shared/protocol.ts';
import { boothBySlug } from '../../domain/booths.ts';
import { boothPublic } from '../../domain/views.ts';
import { route, type Context, type Route } from '../plumbing/router.ts';
import { contentSecurityPolicy } from '../plumbing/security.ts';

const APP_ROOT = '<div id="app"></div>';
const TITLE = /<title>[^<]*<\/title>/;
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Removes the first step where the phone holds a student key, as client/lib/ids.ts reads it: it runs
 * as the parser reaches it, before the first paint. Storage switched off means a new phone, as there.
 */
export const FIRST_VISIT_SCRIPT =
  `try{/${STUDENT_KEY_PATTERN.source}/.test(localStorage.getItem(${JSON.stringify(STUDENT_KEY)}))&&` +
  `document.getElementById(${JSON.stringify(FIRST_VISIT_ID)}).remove()}catch(e){}`;
const FIRST_VISIT_HASH = `'sha256-${crypto.createHash('sha256').update(FIRST_VISIT_SCRIPT).digest('base64')}'`;

/** The profile step's heading and sentence as ProfileStep.tsx draws them, for a phone new to the fair. */
const FIRST_VISIT_HTML =
  `<section class="step" id="${FIRST_VISIT_ID}"><h2>${escapeHtml(PROFILE_STEP_HEADING)}</h2>` +
  `<p class="muted">${escapeHtml(PROFILE_STEP_INTRO)}</p></section><script>${FIRST_VISIT_SCRIPT}</script>`;

/** One rep on duty as RepContact (BoothHeader.tsx) draws it: the contact card downloads without the app. */
const repHtml = (rep: RepPublic, slug: string): string =>
  `<li><span><strong>${escapeHtml(rep.name)}</strong>${rep.title ? `<span class="muted">, ${escapeHtml(rep.title)}</span>` : ''}</span>` +
  `<a class="button button--small" href="${escapeHtml(pathTo(REP_VCARD, { slug, repId: rep.id }))}" download="" ` +
  `aria-label="${escapeHtml(`Save contact: ${rep.name}`)}">Save contact</a></li>`;

/**
 * The booth's header as the app draws it (client/pages/student/BoothHeader.tsx and BoothQueue.tsx),
 * and the facts as JSON in an attribute: data, not a script element. Everything the header shows is
 * here, so nothing below it moves when the app takes over (tests/e2e/boothFirstPaint.test.ts).
 */
export function boothFactsHtml(booth: BoothPublic): string {
  const roles = booth.roles.length === 0 ? '' :
    `<h2 class="label">Hiring for</h2><ul class="chips">${booth.roles.map((role) => `<li>${escapeHtml(role)}</li>`).join('')}</ul>`;
  const reps = booth.reps.length === 0
    ? '<p class="muted">Nobody is signed in at this booth right now.</p>'
    : `<ul class="reps">${booth.reps.map((rep) => repHtml(rep, booth.slug)).join('')}</ul>`;
  // The connection line as the app first draws it, so nothing moves when the app takes over.
  return `<main class="page" id="${PRERENDERED_ID}" data-booth="${escapeHtml(JSON.stringify(booth))}">` +
    '<div role="status" class="connection"><p class="connection__line">Connecting…</p></div><header class="booth">' +
    `<p class="booth__fair">${escapeHtml(booth.fairName)}</p>` +
    `<h1>${escapeHtml(booth.employer)}</h1>` +
    `<p class="booth__meta">${booth.booth ? `<span>Booth ${escapeHtml(booth.booth)}</span>` : ''}` +
    `<span class="badge badge--${booth.status}">${STATUS_LABELS[booth.status]}</span></p>` +
    `<p>${escapeHtml(queueText(booth))}</p>` +
    (booth.description ? `<p class="booth__description">${escapeHtml(booth.description)}</p>` : '') +
    roles +
    `<h2 class="label">Reps on duty</h2>${reps}` +
    `</header>${FIRST_VISIT_HTML}</main>`;
}

/** index.html with the booth's facts in it, and its title naming the booth. */
function pageWith(template: string, booth: BoothPublic): string {
  const title = `${booth.employer}${booth.booth ? ` · Booth ${booth.booth}` : ''} — Boothlink`;
  return template
    .replace(TITLE, `<title>${escapeHtml(title)}</title>`)
    // Inside the app's element: the app adds its own beside it, and nothing below moves when this goes.
    .replace(APP_ROOT, `<div id="app">${boothFactsHtml(booth)}</div>`);
}

function send(res: ServerResponse, acceptsGzip: boolean, html: string, head: boolean): void {
  const body = acceptsGzip ? zlib.gzipSync(html) : Buffer.from(html, 'utf8');
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-cache', // the status and the roles change during the day
    Vary: 'Accept-Encoding',
    ...(acceptsGzip && { 'Content-Encoding': 'gzip' }),
  });
  res.end(head ? undefined : body);
}

/**
 * The route, with index.html read once it is there and kept, as the static files' list is
 * (static.ts): no disk access per scan. A slug no booth has, or no build yet, falls to `fallback`,
 * the static files: the app says the booth was not found, or the server says to build.
 */
export function boothPageRoutes(distDir: string, fallback: (ctx: Context) => void): Route[] {
  const file = path.join(distDir, 'index.html');
  let text: string | undefined;
  const template = (): string | undefined => {
    text ??= fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    return text?.includes(APP_ROOT) ? text : undefined;
  };
  return [
    route('GET', BOOTH_PAGE, (ctx) => {
      const { req, res, deps, params } = ctx;
      const booth = boothBySlug(deps.store.state, params[0]!);
      const html = booth && template();
      if (!booth || html === undefined) return fallback(ctx);
      const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.setHeader('Content-Security-Policy', contentSecurityPolicy(req, deps.config, [FIRST_VISIT_HASH]));
      send(res, acceptsGzip, pageWith(html, boothPublic(deps.store.state, booth, deps.now())), req.method === 'HEAD');
    }),
  ];
}
