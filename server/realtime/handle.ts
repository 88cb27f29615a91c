// parse → decide → persist → reply → broadcast, for one socket event.
import type { Namespace, Server } from 'socket.io';
import type * as v from 'valibot';
import type { ErrorCode, Reply } from '../../shared/protocol.ts';
import { parse } from '../../shared/schema.ts';
import { keyedTokenBuckets, MAX_ADDRESSES, tokenBucket, type RateLimits } from '../limits/rates.ts';

type Listener = (...args: unknown[]) => void;

const ONE_PAYLOAD = 'Send this action with one object of details, and nothing else.';
const NO_PAYLOAD = 'This action takes no details. Send it without any.';

/** socket.io puts the ack last, whatever came before it: a missing payload must not make it look absent. */
const ackOf = (args: unknown[]): ((reply: Reply<unknown>) => void) | undefined => {
  const last = args.at(-1);
  return typeof last === 'function' ? (last as (reply: Reply<unknown>) => void) : undefined;
};

/**
 * Wraps a handler so that bad input gets `{ ok: false, error }` and changes nothing,
 * a missing ack is ignored, and an exception becomes an INTERNAL reply instead of a crash.
 */
export function handle<S extends v.GenericSchema, T>(
  schema: S,
  run: (input: v.InferOutput<S>) => Promise<Reply<T>> | Reply<T>,
  log: (line: string) => void,
): Listener {
  return listener(1, (payload) => answer(schema, run, payload, log));
}

/** For events that carry no payload: the ack is the only argument. */
export function handleNoInput<T>(run: () => Promise<Reply<T>> | Reply<T>, log: (line: string) => void): Listener {
  return listener(0, () => guarded(run, log));
}

/** Answers the ack (always the last argument) with `reply` of the payload, if the event carries `payloads` of them. */
function listener(payloads: 0 | 1, reply: (payload: unknown) => Promise<Reply<unknown>>): Listener {
  return (...args) => {
    const ack = ackOf(args);
    if (!ack) return;
    if (args.length > payloads + 1) return ack(invalid(payloads === 0 ? NO_PAYLOAD : ONE_PAYLOAD));
    void reply(args.length === payloads + 1 ? args[0] : undefined).then(ack);
  };
}

const refusal = (code: ErrorCode, message: string): Reply<never> => ({ ok: false, error: { code, message } });
const invalid = (message: string): Reply<never> => refusal('INVALID', message);

const TOO_MANY = 'Too many actions at once. Wait a few seconds and try again.';
const UNKNOWN_EVENT = 'The server does not know this action. Reload the page to get the current version.';

/**
 * Every event of every namespace passes here before its handler. Over its socket's or its
 * address's rate, it is answered RATE_LIMITED and dropped; an event no handler listens to is
 * answered and dropped too, so a client waiting for an ack hears why instead of timing out.
 * Call it before the namespaces are made: it hooks each one as it is created.
 */
export function guardEvents(io: Server, limits: RateLimits, clock: () => number = () => performance.now()): void {
  const perAddress = keyedTokenBuckets(limits.address, { maxKeys: MAX_ADDRESSES, clock });
  const guard = (nsp: Namespace) => nsp.on('connection', (socket) => {
    const address = socket.handshake.address ?? 'unknown';
    const perSocket = limits.isExempt?.(address) ? undefined : tokenBucket(limits.socket, clock);
    socket.use((packet, next) => {
      const [event] = packet;
      const ack = ackOf(packet);
      // The socket's own bucket first: a socket over its rate then takes nothing from its neighbours'.
      if (perSocket && !(perSocket() && perAddress.take(address))) return ack?.(refusal('RATE_LIMITED', TOO_MANY));
      // socket.io listens to 'error' itself (a no-op), and a client can send an event by that name.
      if (event === 'error' || socket.listenerCount(event) === 0) return ack?.(invalid(UNKNOWN_EVENT));
      next();
    });
  });
  guard(io.of('/'));
  io.on('new_namespace', guard);
}

async function answer<S extends v.GenericSchema, T>(
  schema: S,
  run: (input: v.InferOutput<S>) => Promise<Reply<T>> | Reply<T>,
  payload: unknown,
  log: (line: string) => void,
): Promise<Reply<T>> {
  const parsed = parse(schema, payload);
  if (!parsed.ok) return { ok: false, error: { code: 'INVALID', message: parsed.message, fields: parsed.fields } };
  return guarded(() => run(parsed.value), log);
}

async function guarded<T>(run: () => Promise<Reply<T>> | Reply<T>, log: (line: string) => void): Promise<Reply<T>> {
  try {
    return await run();
  } catch (error) {
    // The error's type and where it was thrown, not its message: that may quote a payload's personal data.
    const where = error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 4).map((l) => l.trim()).join(' | ') : '';
    log(`socket handler failed: ${error instanceof Error ? error.name : typeof error} ${where}`);
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on the server. Try again.' } };
  }
}

export const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
export const fail = <T>(code: 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHORIZED', message: string): Reply<T> => ({ ok: false, error: { code, message } });
