// The organiser's part: the fair day, and booths created over HTTP (acknowledged by their 201).
import { api } from '../helpers.ts';
import type { Ledger } from './ledger.ts';
import { CRASH_ADMIN_TOKEN } from './serverProcess.ts';

/** The organiser creates a few booths per round while the phones write. */
const MAX_BOOTHS_PER_ROUND = 10;
const BOOTH_PAUSE_MS = 25;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A fair whose interview windows are surely open for hours, whatever the time of the run (an
 * interview can be requested only before the windows end): the whole day, in a zone where it is noon.
 */
export function fairOpenAllDay(now: Date) {
  const hoursAhead = 12 - now.getUTCHours(); // -11 … 12
  const timeZone = `Etc/GMT${hoursAhead > 0 ? '-' : '+'}${Math.abs(hoursAhead)}`; // POSIX signs: GMT-3 is 3 hours ahead
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return { name: 'Crash test fair', date, timeZone, windows: [{ start: '00:00', end: '23:59' }], slotMinutes: 20 };
}

export async function setFairDay(url: string): Promise<void> {
  const res = await api(url, '/api/admin/fair', { method: 'PUT', token: CRASH_ADMIN_TOKEN, json: fairOpenAllDay(new Date()) });
  if (res.status !== 200) throw new Error(`Setting the fair day answered ${res.status}: ${await res.text()}`);
}

/**
 * Creates a booth; it goes in the ledger only once the 201 and its body have arrived.
 * Undefined if the server went away first; throws if the server refused.
 */
export async function createBooth(url: string, employer: string, ledger: Ledger): Promise<{ slug: string; pairingCode: string } | undefined> {
  let booth: { id: string; slug: string; pairingCode: string };
  try {
    const res = await api(url, '/api/admin/booths', { token: CRASH_ADMIN_TOKEN, json: { employer } });
    if (res.status !== 201) throw new Error(`Creating booth "${employer}" answered ${res.status}: ${await res.text()}`);
    booth = (await res.json()) as { id: string; slug: string; pairingCode: string };
  } catch (error) {
    if (error instanceof TypeError) return undefined; // fetch failed: the server was killed meanwhile
    throw error;
  }
  ledger.booths.set(employer, booth.id);
  return booth;
}

/** Creates booths until the server goes away or the round's budget is spent; a refusal is noted. */
export async function organiserLoad(url: string, round: number, ledger: Ledger, until: number, refusals: string[]): Promise<void> {
  try {
    for (let k = 0; k < MAX_BOOTHS_PER_ROUND && Date.now() < until; k += 1) {
      if (!(await createBooth(url, `Round ${round} employer ${k}`, ledger))) return;
      await sleep(BOOTH_PAUSE_MS);
    }
  } catch (error) {
    refusals.push(`organiser: ${(error as Error).message}`);
  }
}
