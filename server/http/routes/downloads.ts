// Public downloads: a booth's QR code, a rep's contact card, an accepted interview's calendar file.
import QRCode from 'qrcode';
import { BOOTH_QR_SVG, INTERVIEW_ICS, REFERRAL_VCARD, REP_VCARD, WIFI_QR_SVG } from '../../../shared/paths.ts';
import { boothBySlug, NO_BOOTH } from '../../domain/booths.ts';
import { referralById } from '../../domain/referrals.ts';
import { signedInReps } from '../../domain/views.ts';
import { boothUrl } from './boothAdmin.ts';
import { interviewCalendar, isBooked } from '../formats/calendar.ts';
import { wifiJoinText } from '../formats/wifi.ts';
import { httpError, safeFileName, sendDownload } from '../plumbing/respond.ts';
import { route, type Context, type Route } from '../plumbing/router.ts';
import { referralVCard, repVCard } from '../formats/vcard.ts';

const NO_REP = 'That representative is not at this booth any more. Reload the booth page.';
const NO_REFERRAL = 'There is no contact card at that address. Open your fair page again: the referral lists its contact.';
const NO_WIFI = 'This fair has no Wi-Fi set yet. The organiser adds the venue Wi-Fi in the fair settings; then the posters carry its code.';
const NO_INTERVIEW = 'There is no accepted interview at that address. Check the interview on your phone: it may have been cancelled.';

function booth({ deps, params }: Context) {
  const found = boothBySlug(deps.store.state, params[0]!);
  if (!found) throw httpError(404, 'NOT_FOUND', NO_BOOTH);
  return found;
}

async function qrCode(ctx: Context): Promise<void> {
  const { slug } = booth(ctx);
  // Q recovers from 25% damage: a poster with a crease or a sticker on it still scans.
  const svg = await QRCode.toString(boothUrl(ctx.deps.config.publicUrl, slug), { type: 'svg', errorCorrectionLevel: 'Q', margin: 4 });
  sendDownload(ctx.res, 'image/svg+xml', `${slug}-qr.svg`, svg, 'inline');
}

async function wifiQrCode(ctx: Context): Promise<void> {
  const { slug } = booth(ctx);
  const { wifi } = ctx.deps.store.state.fair;
  if (!wifi) throw httpError(404, 'NOT_FOUND', NO_WIFI);
  const svg = await QRCode.toString(wifiJoinText(wifi), { type: 'svg', errorCorrectionLevel: 'Q', margin: 4 });
  sendDownload(ctx.res, 'image/svg+xml', `${slug}-wifi-qr.svg`, svg, 'inline');
}

function vCard(ctx: Context): void {
  const found = booth(ctx);
  const state = ctx.deps.store.state;
  // Any signed-in tablet's rep: the booth page lists each person once, but a link to another of their tablets still works.
  const rep = signedInReps(state, found.id).find((r) => r.id === ctx.params[1]);
  if (!rep) throw httpError(404, 'NOT_FOUND', NO_REP);
  sendDownload(ctx.res, 'text/vcard; charset=utf-8', `${safeFileName(rep.name, 'contact')}.vcf`, repVCard(rep, found, state.fair.name));
}

function calendarFile({ res, deps, params }: Context): void {
  const state = deps.store.state;
  // The id is a 128-bit capability known only to the student and the booth.
  const request = state.requests.get(params[0]!);
  if (!isBooked(request)) throw httpError(404, 'NOT_FOUND', NO_INTERVIEW);
  const employer = state.booths.get(request.boothId)?.employer ?? '';
  sendDownload(res, 'text/calendar; charset=utf-8', `interview-${safeFileName(employer, 'booth')}.ics`, interviewCalendar(state, request, deps.now()));
}

function referralCard({ res, deps, params }: Context): void {
  const state = deps.store.state;
  // The id is a 128-bit capability known only to the student and the booth that made the referral.
  const referral = referralById(state, params[0]!);
  const booth = referral && state.booths.get(referral.fromBoothId);
  if (!referral?.contact || !booth) throw httpError(404, 'NOT_FOUND', NO_REFERRAL);
  const repName = state.reps.get(referral.repId)?.name ?? 'a rep';
  const text = referralVCard(referral.contact, { booth, repName, note: referral.note }, state.fair.name);
  sendDownload(res, 'text/vcard; charset=utf-8', `${safeFileName(referral.contact.name, 'contact')}.vcf`, text);
}

export const downloadRoutes: Route[] = [
  route('GET', BOOTH_QR_SVG, qrCode),
  route('GET', WIFI_QR_SVG, wifiQrCode),
  route('GET', REP_VCARD, vCard),
  route('GET', INTERVIEW_ICS, calendarFile),
  route('GET', REFERRAL_VCARD, referralCard),
];
