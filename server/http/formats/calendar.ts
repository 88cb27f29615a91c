// An accepted interview as an iCalendar file, for the student's (or the rep's) calendar app.
import ical from 'ical-generator';
import type { FairState, InterviewRequest } from '../../domain/types.ts';

function interviewSummary(employer: string): string {
  return `Informational interview — ${employer}`;
}

/** ical-generator escapes text values but writes the calendar name as given: a line break there would start a new property. */
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ');

/**
 * The rep's name goes into ORGANIZER;CN="…", a quoted parameter RFC 5545 has no escape for:
 * a quote or a control character in it would end the parameter early.
 */
const paramText = (value: string): string => value.replace(/"/g, "'").replace(/[\u0000-\u001f\u007f]+/g, ' ');

/** `request` must be accepted (it has a slot). */
export function interviewCalendar(state: FairState, request: InterviewRequest & { slot: NonNullable<InterviewRequest['slot']> }, now: Date): string {
  const booth = state.booths.get(request.boothId);
  const rep = request.repId ? state.reps.get(request.repId) : undefined;
  const employer = booth?.employer ?? 'the employer';
  const interviewer = rep ? [rep.name, rep.title].filter(Boolean).join(', ') + ` <${rep.email}>` : '';
  const description = [
    `${state.fair.name}${booth?.booth ? `, booth ${booth.booth}` : ''}.`,
    ...(interviewer ? [`Interviewer: ${interviewer}`] : []),
    ...(request.note ? [`Note: ${request.note}`] : []),
  ].join('\n');

  const calendar = ical({ name: oneLine(state.fair.name), prodId: { company: 'Boothlink', product: 'Boothlink', language: 'EN' } });
  calendar.createEvent({
    id: request.id,
    start: new Date(request.slot.start),
    end: new Date(request.slot.end),
    stamp: now,
    summary: interviewSummary(employer),
    location: request.place ?? null,
    description,
    organizer: rep ? { name: paramText(rep.name), email: rep.email } : null,
  });
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves it off.
  return `${calendar.toString().replace(/(\r\n)?$/, '')}\r\n`;
}
