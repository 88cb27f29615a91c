// A stand-in for the tablet's session in component tests: signals the test sets, and `act`,
// `unlock`, `booths` and `signOut` as spies that answer what the test says the server answers.
import { createSignal } from 'solid-js';
import { vi } from 'vitest';
import type { BoothListItem, BoothPublic, Reply, RequestCard, VisitorCard } from '../../shared/protocol.ts';
import type { RepSession } from '../../client/pages/rep/session.ts';
import type { Connection } from '../../client/lib/connection.ts';
import type { Queued } from '../../client/lib/outbox.ts';

export const BOOTH: BoothPublic = {
  id: 'b1', slug: 'acme', employer: 'ACME', booth: '12', description: '', website: '', roles: [],
  status: 'open', place: 'Room 2', reps: [], fairName: 'Spring Fair', timeZone: 'Europe/Berlin', waiting: 0,
};

type Answer = (event: string, input: Record<string, unknown>) => Reply<any>;

export function fakeRepSession(options: { answer?: Answer; queue?: Queued[]; state?: Connection } = {}) {
  const [connection, setConnection] = createSignal<Connection>(options.state ?? 'online');
  const [visitors, setVisitors] = createSignal<VisitorCard[]>([]);
  const [requests, setRequests] = createSignal<RequestCard[]>([]);
  const [tags, setTags] = createSignal(['intern', 'graduate', 'follow up']);
  const [booth, setBooth] = createSignal<BoothPublic | undefined>(BOOTH);
  const act = vi.fn(async (event: string, input: Record<string, unknown>) =>
    options.answer?.(event, input) ?? ({ ok: false, error: { code: 'INTERNAL', message: 'No answer set.' } } as Reply<any>));
  const booths = vi.fn(async (): Promise<Reply<BoothListItem[]>> => ({
    ok: true,
    data: [
      { slug: 'acme', employer: 'ACME', booth: '12' },
      { slug: 'globex', employer: 'Globex', booth: '14' },
      { slug: 'initech', employer: 'Initech', booth: '15' },
    ],
  }));
  const queue = options.queue ?? [];
  const session = {
    connection: { state: connection, refusal: () => '' },
    visitors, requests, tags, booth,
    act, booths,
    queued: (id: string) => queue.find((q) => q.input.requestId === id),
    visitorOf: (studentId: string) => visitors().find((v) => v.studentId === studentId),
  } as unknown as RepSession;
  return { session, act, booths, setConnection, setVisitors, setRequests, setTags, setBooth };
}
