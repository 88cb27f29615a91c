// The link-flap run: phones ask booths for interviews and tablets decline them (then invite the
// students to ask again), all through their outboxes, while a share of the connections is cut
// every few hundred ms. Bounded: a fixed number of actions per phone and a time cap.
import type { Socket } from 'socket.io-client';
import { boothSeq } from '../../../server/domain/feed.ts';
import { SAM, setUpFair } from '../fixtures.ts';
import { call } from '../../../client/lib/socket.ts';
import { waitFor, type TestServer } from '../../helpers.ts';
import { makePhone, makeTablet, type Device, type Phone, type Tablet } from './clients.ts';

export interface FlapPlan {
  booths: number;
  phones: number;
  /** Requests each phone makes, one booth after another. */
  rounds: number;
  flapEveryMs: number;
  /** Share of the connections cut at each flap. */
  cutShare: number;
  /** Share of actions whose connection is also cut right after sending (the ack is then lost). */
  cutAfterSendShare: number;
  timeCapMs: number;
}

export interface FlapRun {
  phones: Phone[];
  tablets: Tablet[];
  cuts: number;
  slugs: string[];
  tokens: string[];
  /** Actions sent more than once (their first answer was lost to a cut). */
  resent: number;
  /** What the run was still waiting for at its time cap, if it never settled. */
  unsettled?: string;
  durationMs: number;
}

const roundOf = (note: string) => Number(note.split('#')[1]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runFlaps(server: TestServer, plan: FlapPlan): Promise<FlapRun> {
  const deadline = Date.now() + plan.timeCapMs;
  const { booth, pair } = await setUpFair(server.store);
  const slugs: string[] = [];
  const tablets: Tablet[] = [];
  const tokens: string[] = [];
  for (let b = 0; b < plan.booths; b++) {
    // Ids whose first four letters differ: the fixture makes pairing codes from them.
    slugs.push((await booth(`bth${b}`, `Employer ${b}`, String(b))).slug);
    for (const parity of [0, 1]) {
      const token = await pair(`bth${b}`, `Rep${b}x${parity}`);
      tokens.push(token);
      tablets.push(makeTablet(server.url, `tablet ${b}/${parity}`, token, (card) => roundOf(card.note) % 2 === parity));
    }
  }
  const phones = Array.from({ length: plan.phones }, (_, i) => makePhone(server.url, `phone ${i}`));
  const devices: Device[] = [...phones, ...tablets];
  const run: FlapRun = { phones, tablets, cuts: 0, resent: 0, slugs, tokens, durationMs: 0 };
  const sent = new Set<string>();
  const started = Date.now();
  const cut = (socket: Socket) => {
    if (!socket.connected) return;
    run.cuts++;
    socket.io.engine.close();
  };
  for (const device of devices) {
    device.socket.onAnyOutgoing((_event: string, input?: { id?: string }) => {
      if (input?.id !== undefined && sent.has(input.id)) run.resent++;
      if (input?.id !== undefined) sent.add(input.id);
      if (Math.random() < plan.cutAfterSendShare) setTimeout(() => cut(device.socket), Math.random() * 3);
    });
  }
  // Cut first the devices with an action in flight: those cuts are the ones that test anything.
  const flapper = setInterval(() => {
    const busyFirst = [...devices].sort((a, b) => b.outbox.items().length - a.outbox.items().length || Math.random() - 0.5);
    busyFirst.slice(0, Math.ceil(devices.length * plan.cutShare)).forEach((d) => cut(d.socket));
  }, plan.flapEveryMs);

  const left = () => Math.max(1, deadline - Date.now());
  const seqOfTablet = (i: number) => boothSeq(server.store.state, `bth${Math.floor(i / 2)}`);
  try {
    await waitFor(() => devices.every((d) => d.socket.connected), left(), 'every device to connect');
    await Promise.all(phones.map((phone, i) => actAsStudent(phone, i, slugs, plan.rounds, deadline)));
    clearInterval(flapper);
    // Calm again: every outbox drains, every request is answered, every tablet catches up.
    await waitFor(() => devices.every((d) => d.socket.connected && d.outbox.items().length === 0), left(), 'every outbox to empty');
    await waitFor(() => [...server.store.state.requests.values()].every((r) => r.status !== 'pending'), left(), 'every request to be answered');
    // Past one machine, the booths' numbers as every process has them: this server's memory may not
    // yet hold the other's last changes, and a tablet judged by older numbers could still await one.
    if (server.store.turn) await server.store.turn();
    await waitFor(() => tablets.every((t, i) => t.seq() === seqOfTablet(i)), left(), 'every tablet to catch up');
  } catch (error) {
    run.unsettled = (error as Error).message;
  } finally {
    clearInterval(flapper);
  }
  run.durationMs = Date.now() - started;
  return run;
}

/** One phone: profile, share with every booth, then one request per round, each booth in turn. */
export async function actAsStudent(phone: Phone, index: number, slugs: string[], rounds: number, deadline: number): Promise<void> {
  const left = () => Math.max(1, deadline - Date.now());
  // The profile form is not an outbox action (saving it twice is harmless): retried until it lands.
  for (let saved = false; !saved; await sleep(20)) {
    if (Date.now() > deadline) throw new Error(`${phone.label} could not save its profile in time`);
    if (phone.socket.connected) saved = (await call(phone.socket, 'profile:save', { ...SAM, name: `Phone ${index}` })).ok;
  }
  for (const slug of slugs) await phone.act('intro:share', { slug });
  for (let round = 0; round < rounds; round++) {
    const slug = slugs[(index + round) % slugs.length]!;
    // A student asks a booth again only once the last request there was answered, and the booth
    // invited them again after its decline.
    const visit = () => phone.view()?.visits.find((v) => v.booth.slug === slug);
    const open = () => visit()?.requests.some((r) => r.status === 'pending');
    await waitFor(() => phone.view() !== undefined && !open() && visit()?.askRefused === undefined, left(), `${phone.label} to hear back from ${slug}`);
    const note = `${phone.label}#${round}`;
    phone.asked.push(note);
    await phone.act('request:create', { slug, note });
  }
}
