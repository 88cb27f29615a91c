// Referrals as the server sends them to a student, shared by the student page's component tests.
import type { StudentReferral } from '../../shared/protocol.ts';

/** ACME sends the student on to Globex's booth. */
export const toGlobex: StudentReferral = {
  id: 'ref1', at: '2026-03-12T11:00:00Z', note: 'They hire interns in robotics.',
  from: { employer: 'ACME', slug: 'acme' }, to: { kind: 'booth', employer: 'Globex', slug: 'globex', booth: '14' },
};
/** ACME sends the student on to a colleague who is not at the fair. */
export const toJo: StudentReferral = {
  id: 'ref2', at: '2026-03-12T11:05:00Z', note: 'Mention my name.',
  from: { employer: 'ACME', slug: 'acme' }, to: { kind: 'contact', name: 'Jo Bloggs', role: 'Head of Data', email: 'jo@acme.example' },
};
