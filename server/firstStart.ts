// A fresh data folder gets a fair dated today in the laptop's own time zone, so interview
// slots exist before the organiser has opened the settings.
import { configureFair } from './domain/booths.ts';
import { initialState } from './domain/state.ts';
import type { Store } from './store/store.ts';

export async function setDefaultFair(store: Store, now: Date, timeZone: string): Promise<void> {
  if (store.turn) await store.turn(); // past one machine: another process may have set it first
  const untouched = JSON.stringify(store.state.fair) === JSON.stringify(initialState().fair);
  if (!untouched) return;
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const decision = configureFair(store.state, { ...store.state.fair, date, timeZone });
  if (decision.events) await store.commit({ events: decision.events });
}
