// A fair made of hand-made events of every kind, for the snapshot tests: entities first, then
// events that change the ones already there (the changes a snapshot must not pick up).
import type { FairEvent } from '../../server/domain/types.ts';
import type { Profile } from '../../shared/schema.ts';
import { booth } from './events.ts';

const AT = '2026-03-12T09:00:00.000Z';
const SLOT = { start: '2026-03-12T12:00:00.000Z', end: '2026-03-12T12:20:00.000Z' };
export const FAIR_BOOTHS = 20;

const profile = (n: number, version = 1): Profile => ({
  name: `Student ${n} v${version}`,
  email: `student${n}@uni.example`,
  phone: '',
  school: 'TU Berlin',
  programme: 'Computer Science',
  graduationYear: '2027',
  link: '',
  interests: 'Robotics',
});

const boothOf = (n: number) => `b${n % FAIR_BOOTHS}`;

/** The records that build the fair: booths, reps, then per student a profile, an introduction and (one in five) a request. */
export function buildingRecords(students: number): FairEvent[][] {
  const records: FairEvent[][] = [[{ type: 'fair.configured', fair: { name: 'Spring Fair', date: '2026-03-12', timeZone: 'UTC', windows: [{ start: '12:00', end: '17:00' }], slotMinutes: 20 } }]];
  for (let b = 0; b < FAIR_BOOTHS; b++) {
    records.push([{ type: 'booth.created', booth: booth(`b${b}`) }]);
    records.push([{ type: 'rep.paired', rep: { id: `rep${b}`, boothId: `b${b}`, tokenHash: `hash${b}`, name: `Rep ${b}`, title: 'Recruiter', email: `rep${b}@acme.example`, pairedAt: AT } }]);
  }
  for (let n = 0; n < students; n++) {
    const studentId = `s${n}`;
    const events: FairEvent[] = [
      { type: 'profile.saved', studentId, profile: profile(n), at: AT },
      { type: 'introduction.made', introduction: { id: `${boothOf(n)}:${studentId}`, boothId: boothOf(n), studentId, sharedAt: AT, fields: ['name', 'email'] } },
    ];
    if (n % 5 === 0) {
      events.push({ type: 'request.made', request: { id: `r${n}`, boothId: boothOf(n), studentId, note: 'Hello', status: 'pending', createdAt: AT, updatedAt: AT } });
    }
    records.push(events);
  }
  return records;
}

/** The i-th change to an entity that `buildingRecords(students)` made: every kind of change in turn. */
export function changeRecord(i: number, students: number): FairEvent[] {
  const n = (i * 7) % students;
  const request = `r${n - (n % 5)}`;
  const b = boothOf(i);
  const at = new Date(Date.parse(AT) + i * 1000).toISOString();
  const changes: FairEvent[][] = [
    [{ type: 'booth.statusSet', boothId: b, status: i % 2 === 0 ? 'break' : 'full', repId: `rep${i % FAIR_BOOTHS}`, at }],
    [{ type: 'booth.codeReset', boothId: b, pairingCode: `CODE-${i}` }],
    [{ type: 'profile.saved', studentId: `s${n}`, profile: profile(n, i + 2), at }],
    [{ type: 'request.proposed', requestId: request, repId: 'rep0', slot: SLOT, place: 'Table 1', at }],
    [{ type: 'request.proposalDeclined', requestId: request, at }],
    [{ type: 'request.accepted', requestId: request, repId: 'rep0', slot: SLOT, place: 'Table 2', at }],
    [{ type: 'request.confirmed', requestId: request, at }],
    [{ type: 'request.declined', requestId: request, repId: 'rep0', message: 'Sorry', at }],
    [{ type: 'request.cancelled', requestId: request, at }],
    [{ type: 'request.expired', requestId: request, at }],
    [{ type: 'introduction.made', introduction: { id: `${boothOf(n + 1)}:s${n}`, boothId: boothOf(n + 1), studentId: `s${n}`, sharedAt: at, fields: ['name'] } }],
  ];
  return changes[i % changes.length]!;
}
