// What every socket event and JSON route accepts, and the malformed payloads made from it.
// The event tables are typed by the protocol's maps: a new event does not compile until it is here.
import type { AdminClientEvents, RepClientEvents, StudentClientEvents } from '../../shared/protocol.ts';
import { badValues, fromEntries, JUST_UNDER_CAP, pick, PROTO_KEYS, PROTO_NAMES, randomJson, deep, type Field, type Rng } from './fuzzValues.ts';

/** A payload's fields and one valid example. Examples name nothing that exists, so no variant can succeed. */
export interface Shape {
  valid: Record<string, unknown>;
  fields: Record<string, Field>;
}
/** `none`: the event takes only an ack. */
export type EventShape = Shape | 'none';

const actionId: Field = { kind: 'token', max: 64, required: true };
const entityId: Field = { kind: 'token', max: 80, required: true, bad: PROTO_NAMES };
const slug: Field = { kind: 'token', max: 60, required: true, bad: PROTO_NAMES };
const ID = 'fuzz-action-0001';
/** Room for the event's name and the packet's framing under the 16 KB cap. */
const UNDER_CAP_BYTES = 16 * 1024 - 512;
const NO_REQUEST = 'no-such-request';
const NO_BOOTH = 'no-such-booth';

export const STUDENT_EVENTS: Record<keyof StudentClientEvents, EventShape> = {
  'student:load': 'none',
  'booth:get': { valid: { slug: NO_BOOTH }, fields: { slug } },
  'profile:save': {
    // Only ever sent with one field wrong, so the rest may be a real profile.
    valid: { name: 'Fuzz', email: 'fuzz@example.com', phone: '', school: '', programme: '', graduationYear: '', link: '', interests: '' },
    fields: {
      name: { kind: 'text', max: 100, required: true, bad: ['', '   '] },
      email: { kind: 'token', max: 200, required: true, bad: ['fuzz', 'fuzz@', '@example.com'] },
      phone: { kind: 'token', max: 40, bad: ['12'] },
      school: { kind: 'text', max: 120 },
      programme: { kind: 'text', max: 120 },
      graduationYear: { kind: 'token', max: 4, bad: ['1899', '27', '20271'] },
      link: { kind: 'token', max: 300, bad: ['javascript:alert(1)', 'ftp://example.com', 'example.com'] },
      interests: { kind: 'text', max: 200 },
    },
  },
  'intro:share': { valid: { id: ID, slug: NO_BOOTH }, fields: { id: actionId, slug } },
  'intro:withdraw': { valid: { id: ID, slug: NO_BOOTH }, fields: { id: actionId, slug } },
  'request:create': { valid: { id: ID, slug: NO_BOOTH, note: '' }, fields: { id: actionId, slug, note: { kind: 'text', max: 500 } } },
  'request:cancel': { valid: { id: ID, requestId: NO_REQUEST }, fields: { id: actionId, requestId: entityId } },
  'proposal:confirm': { valid: { id: ID, requestId: NO_REQUEST }, fields: { id: actionId, requestId: entityId } },
  'proposal:decline': { valid: { id: ID, requestId: NO_REQUEST }, fields: { id: actionId, requestId: entityId } },
  // Never sent valid: the confirmation is the one field always wrong or missing.
  'student:erase': { valid: { id: ID, confirm: 'ERASE' }, fields: { confirm: { kind: 'choice', required: true, bad: ['erase', ' ERASE', 'ERASE '] } } },
};

const start: Field = { kind: 'token', max: 40, required: true, bad: ['2026-03-12', '12:20', '2026-13-12T12:20:00Z'] };
export const REP_EVENTS: Record<keyof RepClientEvents, EventShape> = {
  'rep:load': 'none',
  'rep:sync': { valid: { since: 0, epoch: 'x' }, fields: { since: { kind: 'number', required: true }, epoch: { kind: 'text', max: 64, required: true } } },
  'request:slots': { valid: { requestId: NO_REQUEST }, fields: { requestId: entityId } },
  'request:accept': { valid: { id: ID, requestId: NO_REQUEST, start: '2026-03-12T12:20:00.000Z' }, fields: { id: actionId, requestId: entityId, start } },
  'request:propose': { valid: { id: ID, requestId: NO_REQUEST, start: '2026-03-12T12:20:00.000Z' }, fields: { id: actionId, requestId: entityId, start } },
  'request:decline': { valid: { id: ID, requestId: NO_REQUEST, message: '' }, fields: { id: actionId, requestId: entityId, message: { kind: 'text', max: 300 } } },
  // Only ever sent with the status wrong or missing: a valid status would change the booth.
  'booth:status': { valid: { id: ID, status: 'open' }, fields: { status: { kind: 'choice', required: true } } },
  'rep:unlock': { valid: { pin: '0000' }, fields: { pin: { kind: 'token', max: 8, required: true, bad: ['', '123', '123456789', '12a4'] } } },
  // Only ever sent with the id wrong or missing: a valid one would sign the tablet out.
  'rep:signOut': { valid: { id: ID }, fields: { id: { ...actionId, bad: ['', 'short', 'has space!'] } } },
  'rep:booths': 'none',
  'visitor:walkUp': {
    // Never sent with the box ticked: a walk-up names nothing that exists, so with consent true any
    // variant whose wrong field happened to be right would record a visitor (every field's wrong
    // values include `true`, so consent is not fuzzed here; tests/realtime/visitors.test.ts refuses false).
    valid: { id: ID, name: 'Fuzz', email: 'fuzz@example.com', phone: '', consent: false },
    fields: {
      id: actionId,
      name: { kind: 'text', max: 100, required: true, bad: ['', '   '] },
      email: { kind: 'token', max: 200, required: true, bad: ['fuzz', 'fuzz@'] },
    },
  },
  'visitor:note': {
    valid: { id: ID, introductionId: NO_REQUEST, notes: '', rating: 0, tags: [] },
    fields: { id: actionId, introductionId: entityId, notes: { kind: 'text', max: 2000 }, rating: { kind: 'number', bad: [5, '3'] }, tags: { kind: 'list', bad: [['']] } },
  },
  'visitor:refer': {
    valid: { id: ID, introductionId: NO_REQUEST, note: '', to: { kind: 'booth', slug: NO_BOOTH } },
    fields: { id: actionId, introductionId: entityId, note: { kind: 'text', max: 300 }, to: { kind: 'choice', required: true, bad: [{ kind: 'booth' }, { kind: 'contact', name: 'x' }, { kind: 'nobody' }] } },
  },
  // Only ever sent with the tags wrong or missing: valid tags would change the booth.
  'booth:tags': { valid: { id: ID, tags: [] }, fields: { tags: { kind: 'list', required: true, bad: ['intern', ['']] } } },
  'request:outcome': {
    valid: { id: ID, requestId: NO_REQUEST, outcome: 'attended', nextStep: '' },
    fields: { id: actionId, requestId: entityId, outcome: { kind: 'choice', required: true, bad: ['came', 'no-show', ''] }, nextStep: { kind: 'text', max: 200 } },
  },
  'request:invite': { valid: { id: ID, requestId: NO_REQUEST }, fields: { id: actionId, requestId: entityId } },
};

export const ADMIN_EVENTS: Record<keyof AdminClientEvents, EventShape> = {
  'stats:load': 'none',
};

export interface Variant {
  label: string;
  /** The arguments before the ack; `[]` sends the ack alone. */
  args: unknown[];
}

const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…(${text.length})` : text;
};

/** The payload with entries changed: `undefined` removes one, names the valid payload lacks are added. */
function withEntries(valid: Record<string, unknown>, changes: [string, unknown][]): Record<string, unknown> {
  const entries = new Map(Object.entries(valid));
  for (const [key, value] of changes) {
    if (value === undefined) entries.delete(key);
    else entries.set(key, value);
  }
  return fromEntries([...entries]);
}

/** Every payload an event must refuse: whole-payload mistakes, then each field wrong or missing, then random ones. */
export function variants(shape: EventShape, rng: Rng, randomCount: number): Variant[] {
  // A Buffer goes over a socket as a binary attachment, over HTTP as JSON.
  const wholes: unknown[] = [null, 42, 'text', true, [], JUST_UNDER_CAP, deep(1000, 'array'), deep(1000, 'object'), Buffer.from('binary')];
  if (shape === 'none') {
    return [...wholes, {}, ...PROTO_KEYS.map((k) => fromEntries([[k, { polluted: 1 }]]))].map((p) => ({ label: `payload ${show(p)}`, args: [p] }));
  }
  const out: Variant[] = [
    { label: 'no payload', args: [] },
    ...[...wholes, [shape.valid]].map((p) => ({ label: `payload ${show(p)}`, args: [p] })),
    { label: 'two payloads', args: [shape.valid, shape.valid] },
    ...[...PROTO_KEYS, 'extra'].map((k) => ({ label: `extra key ${k}`, args: [withEntries(shape.valid, [[k, { polluted: 1 }]])] })),
  ];
  const fieldNames = Object.keys(shape.fields);
  for (const name of fieldNames) {
    const field = shape.fields[name]!;
    if (field.required) out.push({ label: `${name} missing`, args: [withEntries(shape.valid, [[name, undefined]])] });
    for (const bad of badValues(field)) out.push({ label: `${name}: ${show(bad)}`, args: [withEntries(shape.valid, [[name, bad]])] });
  }
  // Random: one field wrong, maybe a required one missing, maybe a stray key. Each alone is refused.
  for (let i = 0; i < randomCount; i++) {
    const name = pick(rng, fieldNames);
    const changes: [string, unknown][] = [[name, rng() < 0.5 ? pick(rng, badValues(shape.fields[name]!)) : wrongRandom(rng)]];
    const required = fieldNames.filter((n) => shape.fields[n]!.required && n !== name);
    if (required.length > 0 && rng() < 0.3) changes.push([pick(rng, required), undefined]);
    if (rng() < 0.3) changes.push([pick(rng, [...PROTO_KEYS, 'x']), randomJson(rng)]);
    const payload = withEntries(shape.valid, changes);
    // Over the cap the connection is closed before any parsing (payloadCap.test.ts): draw again.
    if (Buffer.byteLength(JSON.stringify(payload)) > UNDER_CAP_BYTES) i--;
    else out.push({ label: `random #${i} ${show(changes)}`, args: [payload] });
  }
  return out;
}

/**
 * Random JSON no field takes: a string too long for all of them (the longest allows 500), a list
 * holding an object (roles and windows take neither), an object, or a scalar wrapped in a list.
 */
function wrongRandom(rng: Rng): unknown {
  const value = randomJson(rng);
  if (typeof value === 'string') return `${value}${'z'.repeat(600)}`;
  if (Array.isArray(value)) return [...value, {}];
  return value !== null && typeof value === 'object' ? value : [value];
}
