// One phone under load: its own student key, a script of actions each with its own id, and an
// outbox holding the action whose answer never came, resent with the same id after a restart.
import type { Reply, StudentView } from '../../shared/protocol.ts';
import { actionId, ask, connectStudent, studentKey, type StudentClient } from '../helpers.ts';
import { saveInterests, type Ledger } from './ledger.ts';

type Action =
  | { event: 'profile:save'; n: number }
  | { event: 'intro:share'; id: string; slug: string }
  | { event: 'request:create'; id: string; slug: string; note: string }
  | { event: 'request:cancel'; id: string; requestId: string; note: string };

/** One action in this many is a profile save; the rest walk the booths: share, request, cancel. */
const SAVE_EVERY = 5;
const ASKS_PER_BOOTH = 2;

export interface Phone {
  label: string;
  connect(url: string): Promise<StudentClient>;
  /** Acts until the budget is spent (→ 'budget') or an answer does not come (→ 'cut'). */
  run(socket: StudentClient, budget: { maxActions: number; until: number }): Promise<'budget' | 'cut'>;
  /** Sends the unanswered action again, with its id; false if there was none. */
  resend(url: string): Promise<boolean>;
  /** Actions the server answered with ok: false (a correct server refuses none of this script). */
  refusals: string[];
}

export function makePhone(label: string, slugs: string[], ledger: Ledger): Phone {
  const key = studentKey();
  const profile = { name: `Phone ${label}`, email: `${label}@example.com` };
  const shared = new Set<string>();
  /** Requests made at each booth (answered ok). */
  const asked = new Map<string, number>();
  const refusals: string[] = [];
  let actions = 0;
  let saves = 0;
  let cursor = 0;
  let open: { requestId: string; note: string } | undefined;
  let outbox: Action | undefined;

  function next(): Action {
    actions += 1;
    if (open) return { event: 'request:cancel', id: actionId(), ...open };
    // A booth takes a student's request twice at most (after a cancel, one more: no pestering);
    // a phone that has used both at every booth only saves its profile.
    const slug = [...slugs.keys()].map((i) => slugs[(cursor + i) % slugs.length]!).find((s) => (asked.get(s) ?? 0) < ASKS_PER_BOOTH);
    if (actions % SAVE_EVERY === 1 || slug === undefined) return { event: 'profile:save', n: ++saves };
    if (!shared.has(slug)) return { event: 'intro:share', id: actionId(), slug };
    cursor = slugs.indexOf(slug) + 1;
    return { event: 'request:create', id: actionId(), slug, note: `${label} #${actions}` }; // unique in the whole run
  }

  function send(socket: StudentClient, action: Action): Promise<Reply<StudentView>> {
    switch (action.event) {
      case 'profile:save':
        return ask(socket, 'profile:save', { ...profile, interests: saveInterests(action.n) });
      case 'intro:share':
        return ask(socket, 'intro:share', { id: action.id, slug: action.slug });
      case 'request:create':
        return ask(socket, 'request:create', { id: action.id, slug: action.slug, note: action.note });
      case 'request:cancel':
        return ask(socket, 'request:cancel', { id: action.id, requestId: action.requestId });
    }
  }

  /** Records an answered action: in the ledger if acknowledged, and in what the phone believes. */
  function settle(action: Action, reply: Reply<StudentView>): void {
    if (!reply.ok) {
      refusals.push(`${label} ${action.event}: ${reply.error.code} ${reply.error.message}`);
      open = undefined; // start that booth over: share again, then request
      if ('slug' in action) shared.delete(action.slug);
      return;
    }
    const { studentId } = reply.data;
    switch (action.event) {
      case 'profile:save':
        ledger.saves.set(studentId, Math.max(ledger.saves.get(studentId) ?? 0, action.n));
        ledger.savesAcknowledged += 1;
        return;
      case 'intro:share':
        ledger.shares.set(action.id, { studentId, slug: action.slug });
        shared.add(action.slug);
        return;
      case 'request:create': {
        ledger.requests.set(action.id, { studentId, slug: action.slug, note: action.note });
        asked.set(action.slug, (asked.get(action.slug) ?? 0) + 1);
        const made = reply.data.visits.flatMap((v) => v.requests).find((r) => r.note === action.note);
        if (made) open = { requestId: made.id, note: action.note };
        else refusals.push(`${label} request:create answered ok, but its request "${action.note}" is not in the answer`);
        return;
      }
      case 'request:cancel':
        ledger.cancels.set(action.id, { studentId, note: action.note });
        open = undefined;
        return;
    }
  }

  return {
    label,
    refusals,
    connect: (url) => connectStudent(url, key),
    async run(socket, budget) {
      for (let i = 0; i < budget.maxActions && Date.now() < budget.until; i += 1) {
        const action = outbox ?? next();
        outbox = action;
        let reply: Reply<StudentView>;
        try {
          reply = await send(socket, action);
        } catch {
          return 'cut'; // the server is gone: the action stays in the outbox
        }
        outbox = undefined;
        settle(action, reply);
      }
      return 'budget';
    },
    async resend(url) {
      if (!outbox) return false;
      const socket = await connectStudent(url, key);
      try {
        const action = outbox;
        const reply = await send(socket, action);
        outbox = undefined;
        settle(action, reply);
        return true;
      } finally {
        socket.disconnect();
      }
    },
  };
}
