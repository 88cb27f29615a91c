// A fair of the size the budgets name, made through the domain rules and the store's public
// surface only: 300 booths, one new student per introduction, an interview request for one in ten.
// Every action is its own record with its idempotency key, as the server writes them; a thousand
// are in flight at once, so group commit writes each thousand as one append and setup stays fast.
import { randomBytes } from 'node:crypto';
import { configureFair, createBooth } from '../../server/domain/booths.ts';
import type { Decision } from '../../server/domain/decision.ts';
import { requestInterview } from '../../server/domain/requests.ts';
import { saveProfile, shareDetails } from '../../server/domain/students.ts';
import type { Booth, FairEvent, FairState } from '../../server/domain/types.ts';
import { newId, newPairingCode, studentIdFor } from '../../server/ids.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import type { Store } from '../../server/store/store.ts';
import type { Profile } from '../../shared/schema.ts';
import { FAIR_DATE, FAIR_START_MS } from '../fairDay.ts';
import { folderFiles, quietFolder } from './folder.ts';

export const BOOTHS = 300;
const REQUEST_EVERY = 10;
const ACTIONS_IN_FLIGHT = 1000;
/**
 * Student n acts at n times this after the first action (09:00 in Berlin): 350,000 students, the
 * largest fair with its crash tail and durable-acknowledgement writes, act before the interview
 * windows end at 17:00, so every request is one the rules accept. (At 250 ms a fair could not
 * grow past ~115,000: its requests came after the windows.)
 */
const ACTION_SPACING_MS = 80;

export const quiet = (): void => {};

export function eventsOf(decision: Decision): FairEvent[] {
  if (decision.error) throw new Error(`The benchmark's fair broke a domain rule: ${decision.error.message}`);
  return decision.events;
}

/** A client action id, as a phone makes one. */
export const actionId = (): string => randomBytes(12).toString('base64url');
export const studentIdOf = (n: number): string => studentIdFor(`bench-student-key-${n}`);
const atOf = (n: number): Date => new Date(FAIR_START_MS + n * ACTION_SPACING_MS);

export function profileOf(n: number): Profile {
  return {
    name: `Student Number${n} Example`,
    email: `student.number${n}@uni.example`,
    phone: '+49 30 1234567',
    school: 'Technische Universität Berlin',
    programme: 'Computer Science (M.Sc.)',
    graduationYear: '2027',
    link: `https://www.linkedin.com/in/student-number${n}`,
    interests: 'Robotics, embedded systems, and a summer internship',
  };
}

export function boothDecision(state: FairState, i: number): Decision {
  return createBooth(state, {
    id: newId(), pairingCode: newPairingCode(), employer: `Employer Number ${i + 1} GmbH`, booth: String(i + 1),
    description: 'We build the things that build the things.', website: 'https://employer.example',
    roles: ['Engineering', 'Data', 'Product'], place: '',
  }, new Date(FAIR_START_MS));
}

async function setUpBooths(store: Store): Promise<void> {
  await store.commit({ events: eventsOf(configureFair(store.state, {
    name: 'Benchmark Fair', date: FAIR_DATE, timeZone: 'Europe/Berlin', windows: [{ start: '13:00', end: '17:00' }], slotMinutes: 20,
  })) });
  const commits: Promise<unknown>[] = [];
  for (let i = 0; i < BOOTHS; i++) commits.push(store.commit({ events: eventsOf(boothDecision(store.state, i)) }));
  await Promise.all(commits);
}

export const slugsOf = (state: FairState): string[] => [...state.booths.values()].map((booth) => booth.slug);

/** Saves the profiles of students from .. from+count-1; their commits, to await. */
export function saveProfiles(store: Store, from: number, count: number): Promise<unknown>[] {
  const commits: Promise<unknown>[] = [];
  for (let n = from; n < from + count; n++) {
    const studentId = studentIdOf(n);
    commits.push(store.commit({ events: eventsOf(saveProfile(store.state, { studentId, profile: profileOf(n) }, atOf(n))) }));
  }
  return commits;
}

/** The same profiles as one record of many events: for setup that should not count as many writes. */
export function saveProfilesAtOnce(store: Store, from: number, count: number): Promise<unknown> {
  const events: FairEvent[] = [];
  for (let n = from; n < from + count; n++) {
    events.push(...eventsOf(saveProfile(store.state, { studentId: studentIdOf(n), profile: profileOf(n) }, atOf(n))));
  }
  return store.commit({ events });
}

/** Student n's day: profile, consent to share with one booth, and for one in ten a request. */
function studentDay(store: Store, n: number, booth: Booth): Promise<unknown>[] {
  const at = atOf(n);
  const studentId = studentIdOf(n);
  const slug = booth.slug;
  const key = () => `student:${studentId}:${actionId()}`;
  const commits = saveProfiles(store, n, 1);
  const share = shareDetails(store.state, { studentId, slug }, at);
  commits.push(store.commit({ events: eventsOf(share), key: key() }));
  if (n % REQUEST_EVERY === 0) {
    const note = 'I would love to hear about your graduate programme.';
    const request = requestInterview(store.state, { studentId, slug, note, requestId: newId() }, at);
    commits.push(store.commit({ events: eventsOf(request), key: key() }));
  }
  return commits;
}

async function addStudents(store: Store, from: number, count: number): Promise<void> {
  const booths = [...store.state.booths.values()];
  for (let start = from; start < from + count; start += ACTIONS_IN_FLIGHT) {
    const commits: Promise<unknown>[] = [];
    for (let n = start; n < Math.min(from + count, start + ACTIONS_IN_FLIGHT); n++) {
      commits.push(...studentDay(store, n, booths[n % booths.length]!));
    }
    await Promise.all(commits);
  }
}

/** Builds a data folder holding `introductions` introductions, closed cleanly (so with a last snapshot). */
export async function buildFair({ dir, introductions }: { dir: string; introductions: number }) {
  const started = performance.now();
  const store = await openFileStore(dir, { log: quiet });
  await setUpBooths(store);
  await addStudents(store, 0, introductions);
  const committedMs = performance.now() - started;
  const state = store.state;
  const counts = { students: state.students.size, introductions: state.introductions.size, requests: state.requests.size };
  await store.close();
  return { committedMs, closeMs: performance.now() - started - committedMs, counts, files: folderFiles(dir) };
}

/**
 * Adds `introductions` more students' days to a closed folder, lets a snapshot that the store
 * began on its own finish, then the task runner kills the process like a crash: the folder then
 * holds the last snapshot and a journal tail past it.
 */
export async function writeTail({ dir, from, introductions }: { dir: string; from: number; introductions: number }) {
  const store = await openFileStore(dir, { log: quiet });
  const started = performance.now();
  await addStudents(store, from, introductions);
  const ms = performance.now() - started;
  await quietFolder(dir);
  return { ms, files: folderFiles(dir) };
}
