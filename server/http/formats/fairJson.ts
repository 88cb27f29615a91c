// fair.json, the organiser's copy of the whole fair: every collection as an object by id (its shape
// since the first export), profiles unpacked, no secrets: no booth's pairing code (live until the
// organiser resets it: anyone holding the file could pair a tablet and read the booth's visitors)
// and no rep's token hash or PIN hash (a PIN is 4 to 8 digits: its hash gives it away at once).
// The booth's own records ride along: each introduction's notes, rating and tags, each request's
// outcome, next step and invitation, each student's referrals. At 100,000 introductions it is ~120 MB,
// and one JSON.stringify of it held the event loop for a second or more; so it is made an entity
// at a time, and exports.ts writes it over many turns, as the CSV. The text is what JSON.stringify
// with an indent of two gives for the same object (tests/http/exports.test.ts).
import type { Profile } from '../../../shared/schema.ts';
import { profileOf } from '../../domain/profiles.ts';
import type { Booth, FairState, InterviewRequest, Introduction, PurgedCounts, Rep, Student } from '../../domain/types.ts';

export interface FairJson {
  fair: FairState['fair'];
  /** Without the pairing code: the organiser's page shows it, a file passed around must not. */
  booths: Record<string, Omit<Booth, 'pairingCode'>>;
  /** Without the token and PIN hashes: they would let anyone with the file guess-check them. */
  reps: Record<string, Omit<Rep, 'tokenHash' | 'pinHash'>>;
  students: Record<string, Student & { profile: Profile }>;
  introductions: Record<string, Introduction>;
  requests: Record<string, InterviewRequest>;
  purged?: PurgedCounts;
}

const publicBooth = ({ pairingCode: _secret, ...booth }: Booth): Omit<Booth, 'pairingCode'> => booth;
const publicRep = ({ tokenHash: _secret, pinHash: _pin, ...rep }: Rep): Omit<Rep, 'tokenHash' | 'pinHash'> => rep;
const publicStudent = (student: Student): Student & { profile: Profile } => ({ ...student, profile: profileOf(student) });

/** JSON text indented by two spaces, placed `depth` levels in. */
const indented = (value: unknown, depth: number): string => JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);

/** The text of fair.json, in pieces of about one entity each. */
export function* fairJsonPieces(state: FairState): Generator<string> {
  // Every collection copied before the first piece: the file is the fair at one moment. Its entities
  // only, each of which carries its id, as the snapshot's capture does: at 300,000 introductions a
  // pair per entry ([id, entity]) made the copy hold the loop ~200 ms.
  const { fair, purged } = state;
  const [booths, reps, students, introductions, requests] = [
    [...state.booths.values()], [...state.reps.values()], [...state.students.values()], [...state.introductions.values()], [...state.requests.values()],
  ];
  yield `{\n  "fair": ${indented(fair, 1)}`;
  yield* collection('booths', booths, publicBooth);
  yield* collection('reps', reps, publicRep);
  yield* collection('students', students, publicStudent);
  yield* collection('introductions', introductions);
  yield* collection('requests', requests);
  if (purged) yield `,\n  "purged": ${indented(purged, 1)}`;
  yield '\n}';
}

function* collection<T extends { id: string }>(key: string, entities: T[], each: (entity: T) => unknown = (entity) => entity): Generator<string> {
  yield `,\n  ${JSON.stringify(key)}: {`;
  for (let i = 0; i < entities.length; i++) {
    const entity = entities[i]!;
    yield `${i === 0 ? '' : ','}\n    ${JSON.stringify(entity.id)}: ${indented(each(entity), 2)}`;
  }
  yield entities.length === 0 ? '}' : '\n  }';
}
