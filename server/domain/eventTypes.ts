// The event types this version knows, as a value: a journal line read at start is checked against
// it before it is applied, so that a line written by a newer version, or with a damaged type, is
// named (file, line, type) instead of reaching `apply`. And the one error for an event `apply`
// does not know, which names the type only: an event carries names, emails and phones, and an
// error message ends up on the terminal and in logs.
import type { FairEvent } from './types.ts';

type EventType = FairEvent['type'];

/** Every type of FairEvent; `satisfies` makes the compiler refuse a missing or a stray one. */
const EVENT_TYPES = {
  'fair.configured': true,
  'booth.created': true,
  'booth.codeReset': true,
  'booth.statusSet': true,
  'rep.paired': true,
  'rep.revoked': true,
  'booth.tagsSet': true,
  'profile.saved': true,
  'introduction.made': true,
  'introduction.withdrawn': true,
  'introduction.noted': true,
  'referral.made': true,
  'student.erased': true,
  'fair.purged': true,
  'request.made': true,
  'request.cancelled': true,
  'request.accepted': true,
  'request.declined': true,
  'request.proposed': true,
  'request.confirmed': true,
  'request.proposalDeclined': true,
  'request.expired': true,
  'request.outcomeSet': true,
  'request.invited': true,
} as const satisfies Record<EventType, true>;

export const isKnownEventType = (type: string): type is EventType => Object.hasOwn(EVENT_TYPES, type);

/**
 * What an event type looks like ("request.proposalDeclined"). Only such a text is quoted in a message:
 * a damaged line could make any of its text the "type", a name or an email included.
 */
const TYPE_LIKE = /^[a-z][a-zA-Z]{0,30}(\.[a-z][a-zA-Z]{0,30}){1,2}$/;

/** An event's type for a message: quoted if it looks like one, else only said to be damaged. */
export function quotedType(type: unknown): string {
  if (typeof type !== 'string') return '(none)';
  return TYPE_LIKE.test(type) ? JSON.stringify(type) : '(a damaged text, not shown)';
}

/** For the `default` of an exhaustive switch over events: never the event itself, which may hold personal data. */
export function unknownEvent(event: never): Error {
  return new Error(`Unknown event type ${quotedType((event as { type?: unknown } | undefined)?.type)}`);
}
