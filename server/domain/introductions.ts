// An introduction's key, and its parts shared with the rest of memory. One introduction per booth
// and student: a second scan finds the first, and a withdrawal or an index names the introduction
// from the pair alone.
import type { ProfileField } from '../../shared/schema.ts';
import type { FairState, Introduction } from './types.ts';

export const introductionId = (boothId: string, studentId: string): string => `${boothId}:${studentId}`;

/**
 * The booth of the introduction with this id, from the id alone: an index of a fair's introductions
 * needs none of them read (a large db.json's are still on disk right after a start). Booth ids
 * (ids.ts) hold no colon.
 */
export const boothOfIntroduction = (id: string): string => id.slice(0, id.indexOf(':'));

/** The student of the introduction with this id, from the id alone (as boothOfIntroduction). */
const studentOfIntroduction = (id: string): string => id.slice(id.indexOf(':') + 1);

/**
 * The ids of the student's introductions, found by their ids alone: right after a start a large
 * db.json's introductions may still be on disk (store/entitiesOnDisk.ts), and none is read.
 */
export function introductionIdsOfStudent(state: Pick<FairState, 'introductions'>, studentId: string): string[] {
  const ids: string[] = [];
  for (const id of state.introductions.keys()) if (studentOfIntroduction(id) === studentId) ids.push(id); // not a copy of every key
  return ids;
}

/** One frozen list per set of fields shared: a fair's introductions share a handful between them. */
const fieldSets = new Map<string, readonly ProfileField[]>();
/** The set found last: most introductions in a row share it, and comparing is cheaper than a lookup. */
let lastFields: readonly ProfileField[] = Object.freeze([]);

/** The one frozen list holding these fields, in this order. */
export function sharedFields(fields: readonly ProfileField[]): readonly ProfileField[] {
  if (fields.length === lastFields.length && fields.every((field, i) => field === lastFields[i])) return lastFields;
  const key = fields.join(' ');
  let shared = fieldSets.get(key);
  if (shared === undefined) fieldSets.set(key, (shared = Object.freeze([...fields])));
  return (lastFields = shared);
}

/**
 * The introduction as memory keeps it: its list of fields the one frozen list of that set, and its
 * booth's and student's ids the strings those entities hold. Each introduction parsed or decided
 * had its own: 21 MB of a 108 MB heap at 100,000 introductions (issue #14). A copy: `intro`
 * (an event's, which must stay as recorded) is not changed.
 */
export function compactIntroduction(state: Pick<FairState, 'booths' | 'students'>, intro: Introduction): Introduction {
  return {
    ...intro,
    fields: sharedFields(intro.fields),
    boothId: state.booths.get(intro.boothId)?.id ?? intro.boothId,
    studentId: state.students.get(intro.studentId)?.id ?? intro.studentId,
  };
}
