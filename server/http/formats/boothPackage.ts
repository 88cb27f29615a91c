// One employer's package, a zip: its introductions as CSV and as a workbook (with the booth's notes,
// ratings and tags in their columns), every visitor's contact card in one .vcf (only what each
// shared with this booth), and its booked interviews as one .ics. Each file is made only when the
// zip reaches it and streamed in slices, so a zip of every booth never sits whole in memory and
// the event loop is never held long (see server/turns.ts).
import type { Readable } from 'node:stream';
import { introductionsOfBooth } from '../../domain/indexes.ts';
import type { Booth, FairState } from '../../domain/types.ts';
import { studentCard } from '../../domain/views.ts';
import { wholeFairReady, mapInTurns, nextTurn } from '../../turns.ts';
import { boothCalendar } from './calendar.ts';
import { csvLine } from './csv.ts';
import { INTRODUCTION_COLUMNS, introductionBatches } from './introductionRows.ts';
import { utf8Bytes, utf8Of } from './utf8.ts';
import { studentVCard } from './vcard.ts';
import { introductionsXlsx } from './xlsx.ts';
import { zipStream, type ZipEntry } from './zip.ts';
import { compareInstants } from '../../../shared/time.ts';

/** Excel reads a CSV as UTF-8 only after a byte order mark. */
export const CSV_BOM = '\uFEFF';

/** The introductions CSV, as the organiser's export writes it, of the whole fair or one booth. */
export async function* introductionsCsv(state: FairState, only: { boothId?: string }): AsyncGenerator<Buffer> {
  yield Buffer.from(CSV_BOM + csvLine(INTRODUCTION_COLUMNS));
  for await (const rows of introductionBatches(state, only)) yield utf8Of(rows, csvLine);
}

async function* visitorCards(state: FairState, booth: Booth): AsyncGenerator<Buffer> {
  await wholeFairReady(state);
  const intros = introductionsOfBooth(state, booth.id).sort((a, b) => compareInstants(a.sharedAt, b.sharedAt));
  await nextTurn();
  const cards = mapInTurns(intros, (intro) => {
    // Read again: a visitor who withdrew meanwhile is left out.
    const current = state.introductions.get(intro.id);
    return current ? studentVCard(studentCard(state, current.studentId, current.fields), booth, state.fair.name) : '';
  });
  for await (const some of cards) yield utf8Bytes(some);
}

/** The booth's files, under a folder named by the booth's address (unique, file-safe). */
const boothFiles = (state: FairState, booth: Booth, now: Date): ZipEntry[] => [
  { name: `${booth.slug}/introductions.csv`, data: () => introductionsCsv(state, { boothId: booth.id }) },
  // A workbook is a zip already: stored, not compressed again.
  { name: `${booth.slug}/introductions.xlsx`, compress: false, data: () => introductionsXlsx(state, { boothId: booth.id }, now) },
  { name: `${booth.slug}/contacts.vcf`, data: () => visitorCards(state, booth) },
  { name: `${booth.slug}/interviews.ics`, data: () => [Buffer.from(boothCalendar(state, booth.id, now))] },
];

/** A zip of these booths' packages, a folder each. */
export function boothPackages(state: FairState, booths: readonly Booth[], now: Date): Readable {
  return zipStream(booths.flatMap((booth) => boothFiles(state, booth, now)), now);
}
