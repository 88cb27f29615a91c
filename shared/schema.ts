// One valibot schema per inbound payload. The server parses every payload with these;
// the client uses the same ones to show errors next to the field before sending.
import * as v from 'valibot';

const text = (max: number, what: string) =>
  v.pipe(v.string(`${what} must be text.`), v.trim(), v.maxLength(max, `${what} can be at most ${max} characters.`));
const required = (max: number, what: string, hint: string) =>
  v.pipe(text(max, what), v.nonEmpty(hint));
const optionalText = (max: number, what: string) => v.optional(text(max, what), '');
const webUrl = (what: string) =>
  v.optional(
    v.union(
      [v.literal(''), v.pipe(text(300, what), v.url(`${what} must be a full web address, like https://example.com.`), v.regex(/^https?:\/\//i, `${what} must start with https:// or http://.`))],
      `${what} must be a full web address, like https://example.com.`,
    ),
    '',
  );

/** A client-made id for one action; a repeat with the same id gets the first answer. */
export const ActionId = v.pipe(
  v.string('An action id is required.'),
  v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'An action id is 8 to 64 letters, digits, - or _.'),
);
export const EntityId = v.pipe(v.string('An id is required.'), v.regex(/^[A-Za-z0-9_:-]{1,80}$/, 'That id is not valid.'));
export const Slug = v.pipe(v.string('A booth address is required.'), v.regex(/^[a-z0-9-]{1,60}$/, 'That booth address is not valid.'));

export const ProfileSchema = v.strictObject(
  {
    name: required(100, 'Name', 'Enter your name.'),
    email: v.pipe(
      required(200, 'Email', 'Enter your email address.'),
      v.email('Enter a valid email address, like sam@example.com.'),
    ),
    phone: v.optional(
      v.union([v.literal(''), v.pipe(text(40, 'Phone'), v.regex(/^\+?[0-9 ()./-]{5,40}$/, 'Enter a phone number with digits, like +1 555 010 0200.'))],
        'Enter a phone number with digits, like +1 555 010 0200.'),
      '',
    ),
    school: optionalText(120, 'School'),
    programme: optionalText(120, 'Programme'),
    graduationYear: v.optional(
      v.union([v.literal(''), v.pipe(text(4, 'Graduation year'), v.regex(/^(19|20)\d\d$/, 'Enter a four-digit year, like 2027.'))],
        'Enter a four-digit year, like 2027.'),
      '',
    ),
    link: webUrl('LinkedIn or portfolio'),
    interests: optionalText(200, 'Interests'),
  },
);
export type Profile = v.InferOutput<typeof ProfileSchema>;
export type ProfileInput = v.InferInput<typeof ProfileSchema>;
export const PROFILE_FIELDS = ['name', 'email', 'phone', 'school', 'programme', 'graduationYear', 'link', 'interests'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const BoothGetInput = v.strictObject({ slug: Slug });
export const ShareInput = v.strictObject({ id: ActionId, slug: Slug });
export const RequestInput = v.strictObject({ id: ActionId, slug: Slug, note: optionalText(500, 'Your note') });
export const CancelInput = v.strictObject({ id: ActionId, requestId: EntityId });
/** The student's answer to a rep's proposed time: confirm it or decline it. */
export const ProposalInput = v.strictObject({ id: ActionId, requestId: EntityId });

export const SlotsInput = v.strictObject({ requestId: EntityId });
export const AcceptInput = v.strictObject({
  id: ActionId,
  requestId: EntityId,
  start: v.pipe(v.string('Pick a slot.'), v.isoTimestamp('Pick a slot from the list.')),
});
export const DeclineInput = v.strictObject({ id: ActionId, requestId: EntityId, message: optionalText(300, 'Your message') });
/** A tablet after a reconnect: what changed since the last sequence number it saw, in that server epoch. */
export const SyncInput = v.strictObject({
  since: v.pipe(v.number('"since" must be a number.'), v.integer('"since" must be a whole number.'), v.minValue(0, '"since" cannot be negative.')),
  epoch: v.pipe(v.string('"epoch" must be text.'), v.maxLength(64, '"epoch" is too long.')),
});

/** What students see of a booth; here, not in protocol.ts, because the schema needs the values (protocol.ts only types). */
export const BOOTH_STATUSES = ['open', 'break', 'full'] as const;
export type BoothStatus = (typeof BOOTH_STATUSES)[number];
export const BoothStatusInput = v.strictObject({
  id: ActionId,
  status: v.picklist(BOOTH_STATUSES, 'A booth is open, on a break or full.'),
});

export const PairInput = v.strictObject({
  // Typed as it comes: lower case, with spaces, without its dash (boothByCode compares letters and digits only).
  code: v.pipe(v.string('Enter the pairing code.'), v.transform((c) => c.replace(/\s+/g, '').toUpperCase()), v.regex(/^[A-Z0-9-]{4,20}$/, 'A pairing code is letters and digits, like K7MX-P3QR. Ask the organiser for it.')),
  name: required(100, 'Name', 'Enter your name.'),
  title: optionalText(100, 'Job title'),
  email: v.pipe(required(200, 'Email', 'Enter your work email.'), v.email('Enter a valid email address, like sam@example.com.')),
  /** Opens the rep view behind the kiosk face (shared/boothSchema.ts has the same rule as `Pin`). */
  pin: v.pipe(v.string('Choose a PIN of 4 to 8 digits.'), v.regex(/^[0-9]{4,8}$/, 'Choose a PIN of 4 to 8 digits. You type it to open the rep view.')),
});

const clock = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Times are 24-hour HH:MM, like 13:00.'));
export const WindowSchema = v.pipe(
  v.strictObject({ start: clock, end: clock }),
  v.check((w) => w.start < w.end, 'Each interview window must end after it starts.'),
);
/** How a phone joins the venue Wi-Fi (the WIFI: QR code's T field): WPA covers WPA2 and WPA3; nopass is an open network. */
export const WIFI_SECURITY = ['WPA', 'WEP', 'nopass'] as const;
export type WifiSecurity = (typeof WIFI_SECURITY)[number];
export const DEFAULT_RETENTION_DAYS = 30;
/** Plain numbers, not an object: the student page's build then drops them with the fair's schema it never uses. */
export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 365;

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;
const isHex = (s: string) => /^[0-9A-Fa-f]+$/.test(s);
/** What a WPA passphrase or a WEP key must look like, or why not (802.11's lengths). */
function passwordProblem(security: WifiSecurity, password: string): string | undefined {
  if (security === 'nopass') return password ? 'An open network (no password) takes no password: remove it, or choose WPA.' : undefined;
  if (!password) return `A ${security} network needs its password for phones to join: type it, or choose an open network.`;
  if (security === 'WPA' && !(password.length >= 8 && password.length <= 63) && !(password.length === 64 && isHex(password))) {
    return 'A WPA password is 8 to 63 characters (or 64 hex digits). Check it against the venue\'s Wi-Fi.';
  }
  if (security === 'WEP' && ![5, 13].includes(password.length) && !([10, 26].includes(password.length) && isHex(password))) {
    return 'A WEP key is 5 or 13 characters, or 10 or 26 hex digits. Check it against the venue\'s Wi-Fi.';
  }
  return undefined;
}

/** The venue Wi-Fi: its name as phones list it, its password, and its security (by default WPA with a password, open without). */
export const WifiSchema = v.pipe(
  v.strictObject({
    ssid: v.pipe(
      v.string('The Wi-Fi name must be text.'),
      v.trim(),
      v.nonEmpty('Enter the Wi-Fi name as phones list it, or leave Wi-Fi out.'),
      v.check((s) => utf8Bytes(s) <= 32, 'A Wi-Fi name is at most 32 bytes (32 plain letters, fewer with accents or emoji). Copy it as phones list it.'),
    ),
    password: v.optional(v.pipe(v.string('The Wi-Fi password must be text.'), v.maxLength(64, 'A Wi-Fi password is at most 64 characters.')), ''),
    security: v.optional(v.picklist(WIFI_SECURITY, 'Choose the Wi-Fi security: WPA (also WPA2 and WPA3), WEP, or an open network (nopass).')),
  }, 'Send the Wi-Fi as { ssid, password, security }, or null for none.'),
  v.transform(({ ssid, password, security }) => ({ ssid, ...(password && { password }), security: security ?? (password ? 'WPA' : 'nopass') as WifiSecurity })),
  v.forward(v.check((w) => passwordProblem(w.security, w.password ?? '') === undefined, (issue) => passwordProblem(issue.input.security, issue.input.password ?? '') ?? ''), ['password']),
);
export type Wifi = v.InferOutput<typeof WifiSchema>;

export const FairInput = v.strictObject({
  name: required(120, 'Fair name', 'Enter the fair name.'),
  date: v.pipe(v.string(), v.isoDate('Enter the date as YYYY-MM-DD.')),
  timeZone: v.pipe(
    v.string(),
    v.check((tz) => isTimeZone(tz), 'Enter a time zone such as Europe/Berlin or America/New_York.'),
  ),
  windows: v.pipe(
    v.array(WindowSchema, 'Interview windows must be a list.'),
    v.minLength(1, 'Add at least one interview window, like 13:00–17:00.'),
    v.maxLength(12, 'Use at most 12 interview windows.'),
  ),
  slotMinutes: v.pipe(v.number('Slot length must be a number of minutes.'), v.integer('Slot length must be whole minutes.'), v.minValue(5, 'Slots are at least 5 minutes.'), v.maxValue(120, 'Slots are at most 120 minutes.')),
  /** The venue Wi-Fi the posters tell students to join; absent or null: posters without it. */
  wifi: v.optional(v.pipe(v.nullable(WifiSchema), v.transform((w) => w ?? undefined))),
  /** Days after the fair that personal data is kept (absent: DEFAULT_RETENTION_DAYS); then it is purged by itself. */
  retentionDays: v.optional(
    v.pipe(
      v.number('Keep personal data for a number of days, like 30.'),
      v.integer('Keep personal data for whole days, like 30.'),
      v.minValue(RETENTION_DAYS_MIN, 'Keep personal data at least 1 day after the fair, so the exports can be made.'),
      v.maxValue(RETENTION_DAYS_MAX, `Keep personal data at most ${RETENTION_DAYS_MAX} days after the fair; export what must be kept longer.`),
    ),
  ),
});
export type FairSettings = v.InferOutput<typeof FairInput>;

/** What `GET /api/admin/fair` answers beside the settings: worked out by the server, never set. */
const FAIR_ANSWER_ONLY = ['publicUrl', 'now', 'retentionDate', 'purgeAt', 'windowsOver', 'nextDate'];
/**
 * The settings as `PUT /api/admin/fair` takes them: a script may send back what GET answered with
 * one field changed, so the answer's own fields are set aside rather than refused as unknown.
 */
export const FairPutInput = v.pipe(
  v.unknown(),
  v.transform((body) =>
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? Object.fromEntries(Object.entries(body).filter(([key]) => !FAIR_ANSWER_ONLY.includes(key)))
      : body),
  FairInput,
);

const roles = v.optional(
  v.pipe(
    v.union([v.string(), v.array(v.string())], 'Roles are a comma-separated list.'),
    v.transform((r) => (Array.isArray(r) ? r : r.split(/[,;]/)).map((s) => s.trim()).filter(Boolean)),
    v.maxLength(20, 'List at most 20 roles.'),
    v.check((r) => r.every((s) => s.length <= 80), 'Each role can be at most 80 characters.'),
  ),
  [],
);
export const BoothInput = v.strictObject({
  employer: required(120, 'Employer', 'Enter the employer name.'),
  booth: optionalText(20, 'Booth number'),
  description: optionalText(500, 'Description'),
  website: webUrl('Website'),
  roles,
  place: optionalText(120, 'Interview place'),
});
export type BoothFields = v.InferOutput<typeof BoothInput>;

export function isTimeZone(tz: unknown): boolean {
  if (typeof tz !== 'string' || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export type FieldErrors = Record<string, string>;

/** Parses input; on failure gives one sentence and the message for each field. */
export function parse<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; message: string; fields: FieldErrors } {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const fields: FieldErrors = {};
  for (const issue of result.issues) {
    const key = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    if (key && !(key in fields)) fields[key] = humanise(issue, key);
  }
  const first = result.issues[0];
  return { ok: false, message: first ? humanise(first, first.path?.map((p) => String(p.key)).join('.') ?? '') : 'That input is not valid.', fields };
}

/** valibot's built-in messages are for programmers; our own schema messages are kept as they are. */
function humanise(issue: v.BaseIssue<unknown>, key: string): string {
  const structural = issue.type === 'strict_object' || issue.type === 'object';
  if (structural && !key) return 'Send the details as an object with named fields.';
  if (structural && issue.expected === 'never') return `"${key}" is not a field here. Remove it and send again.`;
  if (structural && issue.received === 'undefined') return `"${key}" is missing. Fill it in and send again.`;
  if (issue.message.startsWith('Invalid ')) return key ? `"${key}" is not valid. Check it and send again.` : 'That input is not valid. Check it and send again.';
  return issue.message;
}
