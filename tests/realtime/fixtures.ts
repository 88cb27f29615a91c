// Sets up a fair on a real server the way the organiser and tablets would, through the domain.
import { configureFair, createBooth, pairRep } from '../../server/domain/booths.ts';
import type { Decision } from '../../server/domain/decision.ts';
import { newToken, sha256 } from '../../server/ids.ts';
import type { Store } from '../../server/store/store.ts';
import type { Socket } from 'socket.io-client';
import type { Profile } from '../../shared/schema.ts';
import { disconnectAll, startServer, type TestServer } from '../helpers.ts';

export const FAIR_MORNING = new Date('2026-03-12T08:00:00Z');
export const SLOT_1320 = '2026-03-12T12:20:00.000Z'; // 13:20 in Berlin

async function must(store: Store, decision: Decision): Promise<void> {
  if (decision.error) throw new Error(decision.error.message);
  await store.commit({ events: decision.events });
}

export async function setUpFair(store: Store) {
  await must(store, configureFair(store.state, {
    name: 'Spring Fair', date: '2026-03-12', timeZone: 'Europe/Berlin', windows: [{ start: '13:00', end: '15:00' }], slotMinutes: 20,
  }));
  const booth = async (id: string, employer: string, number: string) => {
    await must(store, createBooth(store.state, { id, pairingCode: `${id.slice(0, 4).toUpperCase()}-CODE`, employer, booth: number, description: 'We build rockets.', website: '', roles: ['Engineering'], place: '' }, FAIR_MORNING));
    return store.state.booths.get(id)!;
  };
  const pair = async (boothId: string, name: string): Promise<string> => {
    const token = newToken();
    const repId = `rep-${name.toLowerCase()}`;
    await must(store, pairRep(store.state, { code: store.state.booths.get(boothId)!.pairingCode, name, title: 'Recruiter', email: `${name.toLowerCase()}@example.com`, repId, tokenHash: sha256(token) }, FAIR_MORNING));
    return token;
  };
  return { booth, pair };
}

/** A real server with two booths: ACME (tablets of Ada and Bo) and Globex (Gil's tablet). */
export async function startTwoBoothFair(): Promise<{ server: TestServer; tokens: { ada: string; bo: string; gil: string } }> {
  const server = await startServer({ now: () => FAIR_MORNING });
  const { booth, pair } = await setUpFair(server.store);
  await booth('acme', 'ACME', '12');
  await booth('globex', 'Globex', '14');
  const tokens = { ada: await pair('acme', 'Ada'), bo: await pair('acme', 'Bo'), gil: await pair('globex', 'Gil') };
  return { server, tokens };
}

export async function stopServer(server: TestServer): Promise<void> {
  disconnectAll();
  await server.close();
}

export const SAM: Profile = {
  name: 'Sam Lee', email: 'sam@uni.example', phone: '+49 30 1234567', school: 'TU Berlin', programme: 'Computer Science',
  graduationYear: '2027', link: 'https://sam.example', interests: 'Robotics',
};

/** Everything a socket is pushed from now on, one line per push: what a test asserts a booth or phone never heard. */
export function listen(socket: Socket): string[] {
  const heard: string[] = [];
  socket.onAny((event: string, ...args: unknown[]) => heard.push(`${event} ${JSON.stringify(args)}`));
  return heard;
}
