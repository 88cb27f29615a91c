// Contact cards as vCard 3.0 (RFC 2426), the version every phone imports: a representative's for
// the student, and each visitor's for the booth's package (only what the visitor shared with it).
import type { StudentCard } from '../../../shared/protocol.ts';
import type { Booth, Rep } from '../../domain/types.ts';

/** Text values escape \ ; , and line breaks; structured values (N, ORG) rely on it too. */
const escapeText = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

/** URIs and addresses are not escaped, but must never break a line. */
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ');

const MAX_LINE_OCTETS = 75;

/** Folds a content line at 75 octets (continuations start with a space), never inside a character. */
function fold(line: string): string {
  // Most lines are short: measured once, not a character at a time.
  if (line.length <= MAX_LINE_OCTETS && Buffer.byteLength(line) <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const room = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > room) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** "Ada King Lovelace" → family "Lovelace", given "Ada King": a guess, but FN carries the name as typed. */
function nameParts(name: string): [family: string, given: string] {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return [name.trim(), ''];
  return [words.at(-1)!, words.slice(0, -1).join(' ')];
}

/** One person's card: the lines every card has, then NOTE last. */
function card(person: { name: string; title: string; email: string; org: string; url: string; note: string; tel?: string }): string {
  const [family, given] = nameParts(person.name);
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:${escapeText(person.name)}`,
    `N:${escapeText(family)};${escapeText(given)};;;`,
    `ORG:${escapeText(person.org)}`,
    ...(person.title ? [`TITLE:${escapeText(person.title)}`] : []),
    `EMAIL;TYPE=INTERNET:${oneLine(person.email)}`,
    ...(person.tel ? [`TEL;TYPE=CELL:${oneLine(person.tel)}`] : []),
    ...(person.url ? [`URL:${oneLine(person.url)}`] : []),
    `NOTE:${escapeText(person.note)}`,
    'END:VCARD',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

export function repVCard(rep: Rep, booth: Booth, fairName: string): string {
  const where = booth.booth ? `, booth ${booth.booth}` : '';
  return card({ name: rep.name, title: rep.title, email: rep.email, org: booth.employer, url: booth.website, note: `Met at ${fairName}${where}.` });
}

/**
 * The colleague a rep referred the student to, who is not at the fair: of the referring booth's
 * employer, with the rep's note, so the student knows who sent them and why.
 */
export function referralVCard(contact: { name: string; role: string; email: string }, from: { booth: Booth; repName: string; note: string }, fairName: string): string {
  const why = from.note ? ` ${from.note}` : '';
  return card({
    name: contact.name, title: contact.role, email: contact.email, org: from.booth.employer, url: from.booth.website,
    note: `Referred by ${from.repName} of ${from.booth.employer} at ${fairName}.${why}`,
  });
}

/**
 * A visitor's card for the booth: name and email, and of phone, school, programme, year, link and
 * interests only those the visitor shared with this booth (`studentCard` leaves out the rest).
 */
export function studentVCard(student: StudentCard, booth: Booth, fairName: string): string {
  const where = booth.booth ? `, booth ${booth.booth}` : '';
  const study = [student.programme, student.graduationYear && `class of ${student.graduationYear}`].filter(Boolean).join(', ');
  const interests = student.interests ? ` Interests: ${student.interests}` : '';
  return card({
    name: student.name, title: study, email: student.email, org: student.school ?? '', url: student.link ?? '', tel: student.phone,
    note: `Met ${booth.employer} at ${fairName}${where}.${interests}`,
  });
}
