// The load benchmark's fair, set up through the domain the way the organiser and the tablets
// would: the fair's day, booths, and tablets paired to them (their tokens for the generator).
import { configureFair, pairRep } from '../../server/domain/booths.ts';
import { newToken, sha256 } from '../../server/ids.ts';
import type { CommitRecord, Store } from '../../server/store/store.ts';
import { FAIR_DATE } from '../fairDay.ts';
import { boothDecision, eventsOf } from '../store/fair.ts';

export interface BoothSetup {
  id: string;
  slug: string;
  tokens: string[];
}

/** Each change decided in a turn, as a command is: past one machine, on the fair as the database has it. */
async function commit(store: Store, record: () => CommitRecord): Promise<void> {
  if (store.turn) await store.turn();
  await store.commit(record());
}

export async function setUpFair(store: Store, booths: number, tabletsPerBooth: number): Promise<BoothSetup[]> {
  await commit(store, () => ({ events: eventsOf(configureFair(store.state, {
    name: 'Load Fair', date: FAIR_DATE, timeZone: 'Europe/Berlin', windows: [{ start: '13:00', end: '17:00' }], slotMinutes: 20,
  })) }));
  const setup: BoothSetup[] = [];
  for (let i = 0; i < booths; i++) {
    let boothId = '';
    await commit(store, () => {
      const events = eventsOf(boothDecision(store.state, i));
      if (events[0]?.type !== 'booth.created') throw new Error('boothDecision made no booth');
      boothId = events[0].booth.id;
      return { events };
    });
    const booth = store.state.booths.get(boothId)!;
    const tokens: string[] = [];
    for (let t = 0; t < tabletsPerBooth; t++) {
      const token = newToken();
      await commit(store, () => ({ events: eventsOf(pairRep(store.state, {
        code: booth.pairingCode, name: `Rep ${i}-${t}`, title: 'Recruiter', email: `rep${i}-${t}@employer.example`,
        repId: `rep-${i}-${t}`, tokenHash: sha256(token),
      }, new Date())) }));
      tokens.push(token);
    }
    setup.push({ id: booth.id, slug: booth.slug, tokens });
  }
  return setup;
}
