// An accepted interview as an iCalendar file, for the student's (or the rep's) calendar app.
import ical from 'ical-generator';
import { requestsOfBooth } from '../../domain/indexes.ts';
import { introductionId } from '../../domain/introductions.ts';
import type { FairState, InterviewRequest } from '../../domain/types.ts';
import { studentCard } from '../../domain/views.ts';
import { compareInstants } from '../../../shared/time.ts';

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

/** An interview that was booked: accepted, with a slot (attended and no-show ones included). */
export const isBooked = (r: InterviewRequest | undefined): r is InterviewRequest & { slot: NonNullable<InterviewRequest['slot']> } =>
  r?.status === 'accepted' && r.slot !== undefined;

/**
 * Every interview the booth booked, for the booth's package: the visitor as they shared themselves
 * with this booth (name and email, and a phone only if shared), the interviewer and the place.
 */
export function boothCalendar(state: FairState, boothId: string, now: Date): string {
  const booth = state.booths.get(boothId);
  const calendar = ical({ name: oneLine(`${booth?.employer ?? 'Booth'} — ${state.fair.name}`), prodId: { company: 'Boothlink', product: 'Boothlink', language: 'EN' } });
  const booked = requestsOfBooth(state, boothId).filter(isBooked).sort((a, b) => compareInstants(a.slot.start, b.slot.start));
  for (const request of booked) {
    // A request comes only after an introduction; withdrawn, the student is gone from the booth's files.
    const intro = state.introductions.get(introductionId(boothId, request.studentId));
    if (!intro) continue;
    const student = studentCard(state, request.studentId, intro.fields);
    const rep = request.repId ? state.reps.get(request.repId) : undefined;
    calendar.createEvent({
      id: request.id,
      start: new Date(request.slot.start),
      end: new Date(request.slot.end),
      stamp: now,
      summary: `Informational interview — ${student.name}`,
      location: request.place ?? null,
      description: [
        `${student.name} <${student.email}>${student.phone ? `, ${student.phone}` : ''}`,
        ...(rep ? [`Interviewer: ${rep.name}`] : []),
        ...(request.note ? [`Topic: ${request.note}`] : []),
      ].join('\n'),
    });
  }
  return `${calendar.toString().replace(/(\r\n)?$/, '')}\r\n`;
}
