// Actions the server has not answered yet. Kept in localStorage, so a reload or a killed tab keeps
// them; sent one at a time, in order, each always with the id it was given, until an answer comes
// or RESEND_FOR_MS has passed since it was made (the server remembers an applied id twice as long,
// then forgets it: a later resend could be applied again). socket.io-client brings the connection
// back (with backoff); this resends what it dropped. Framework-free, so the Node tests drive
// exactly this code.
import type { Socket } from 'socket.io-client';
import { RESEND_FOR_MS, type Reply } from '../../shared/protocol.ts';
import { randomId } from './ids.ts';
import { ACK_TIMEOUT_MS } from './socket.ts';

/** After an unanswered try on a live connection: wait 1 s, 2 s, 4 s… up to this, then try again. */
const RETRY_MAX_MS = 30_000;

export interface Queued {
  id: string;
  event: string;
  input: Record<string, unknown>;
  /** When it was made (Date.now): it is given up RESEND_FOR_MS later. Unset only as an older version kept it. */
  madeAt?: number;
}

/** The answer to an action given up: it may or may not have reached the server. */
export const GAVE_UP: Reply<never> = {
  ok: false,
  error: {
    code: 'GAVE_UP',
    message: `An action waited more than ${RESEND_FOR_MS / 3_600_000} hours for the fair's server and was dropped. Check whether it happened, and do it again if not.`,
  },
};

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

export interface OutboxOptions {
  /** The localStorage key: one outbox per audience and credential. */
  key: string;
  storage?: KeyValueStore;
  /** Every answer; `orphan` when nobody on this page waits for it (restored after a reload). */
  onAnswer?: (item: Queued, reply: Reply<any>, orphan: boolean) => void;
  onChange?: (items: readonly Queued[]) => void;
  ackTimeoutMs?: number;
  /** The clock `madeAt` is read from (tests move it). */
  now?: () => number;
}

export type Outbox = ReturnType<typeof makeOutbox>;

/** Plain, not a create*: it owns no onCleanup. Whoever owns the socket closes it, and a closed socket sends nothing more. */
export function makeOutbox(socket: Socket<any, any>, options: OutboxOptions) {
  const storage = options.storage ?? browserStorage();
  const now = options.now ?? Date.now;
  const waiting = new Map<string, ((reply: Reply<any>) => void)[]>();
  let items: Queued[] = [];
  let sending = false;
  let tries = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  try {
    const stored: unknown = JSON.parse(storage?.getItem(options.key) ?? '[]');
    // Kept by a version that did not note the time: its time starts now.
    if (Array.isArray(stored)) items = (stored as Queued[]).map((item) => ({ ...item, madeAt: item.madeAt ?? now() }));
  } catch {
    // Unreadable: nothing to resend.
  }

  function save(next: Queued[]): void {
    items = next;
    try {
      storage?.setItem(options.key, JSON.stringify(items));
    } catch {
      // Storage full or off: the actions stay queued for this page's life.
    }
    options.onChange?.(items);
  }

  function send(): void {
    if (sending) return;
    const stale = items.find((item) => now() - (item.madeAt ?? now()) >= RESEND_FOR_MS);
    if (stale) return answered(stale, GAVE_UP); // which sends on
    const head = items[0];
    if (!head || !socket.connected) return;
    sending = true;
    clearTimeout(retry);
    socket.timeout(options.ackTimeoutMs ?? ACK_TIMEOUT_MS).emit(head.event, { ...head.input, id: head.id }, (error: Error | null, reply: Reply<any>) => {
      sending = false;
      // Refused for coming too fast (RATE_LIMITED): not applied, so it stays queued like an unanswered try.
      if (!error && !(reply.ok === false && reply.error.code === 'RATE_LIMITED')) return answered(head, reply);
      // Dropped by a disconnect: 'connect' sends it again. Unanswered on a live link: back off.
      if (socket.connected) retry = setTimeout(send, Math.min(RETRY_MAX_MS, 1000 * 2 ** tries++));
    });
  }

  function answered(item: Queued, reply: Reply<any>): void {
    tries = 0;
    save(items.filter((i) => i.id !== item.id));
    const callers = waiting.get(item.id);
    waiting.delete(item.id);
    options.onAnswer?.(item, reply, !callers);
    for (const resolve of callers ?? []) resolve(reply);
    send();
  }

  socket.on('connect', send);

  return {
    items: (): readonly Queued[] => items,
    /**
     * Queues an action and resolves with the server's answer, however long that takes. The same
     * action while it is still queued (a double tap) is not queued twice: it waits for the first.
     */
    act(event: string, input: Record<string, unknown>): Promise<Reply<any>> {
      const same = JSON.stringify(input);
      let item = items.find((i) => i.event === event && JSON.stringify(i.input) === same);
      if (!item) save([...items, (item = { id: randomId(), event, input, madeAt: now() })]);
      const id = item.id;
      const answer = new Promise<Reply<any>>((resolve) => waiting.set(id, [...(waiting.get(id) ?? []), resolve]));
      send();
      return answer;
    },
  };
}

function browserStorage(): KeyValueStore | undefined {
  try {
    return localStorage;
  } catch {
    return undefined; // storage switched off (some private modes)
  }
}
