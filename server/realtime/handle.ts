// parse → decide → persist → reply → broadcast, for one socket event.
import type * as v from 'valibot';
import type { Reply } from '../../shared/protocol.ts';
import { parse } from '../../shared/schema.ts';

type Listener = (...args: unknown[]) => void;

/**
 * Wraps a handler so that bad input gets `{ ok: false, error }` and changes nothing,
 * a missing ack is ignored, and an exception becomes an INTERNAL reply instead of a crash.
 */
export function handle<S extends v.GenericSchema, T>(
  schema: S,
  run: (input: v.InferOutput<S>) => Promise<Reply<T>> | Reply<T>,
  log: (line: string) => void,
): Listener {
  return (payload, ack) => {
    if (typeof ack !== 'function') return;
    void answer(schema, run, payload, log).then((reply) => ack(reply));
  };
}

/** For events that carry no payload: the ack is the first argument. */
export function handleNoInput<T>(run: () => Promise<Reply<T>> | Reply<T>, log: (line: string) => void): Listener {
  return (ack) => {
    if (typeof ack !== 'function') return;
    void guarded(run, log).then((reply) => ack(reply));
  };
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
    log(`socket handler failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on the server. Try again.' } };
  }
}

export const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
export const fail = <T>(code: 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHORIZED', message: string): Reply<T> => ({ ok: false, error: { code, message } });
