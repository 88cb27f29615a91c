// Every socket event of every namespace, with the cells that must be refused and the one that is
// allowed. A refused cell names an object of another student or another booth, or carries a
// foreign boothId/repId/studentId hoping the server takes it from the payload.
import type { Store } from '../../server/store/store.ts';
import { ERASE_CONFIRMATION } from '../../shared/privacySchema.ts';
import { actionId as id } from '../helpers.ts';
import { bookEarlierToday, declineBoth, KIM, KIM_AT_A, KIM_AT_B, KIM_ID, proposeToBoth, SAM_AT_A, SAM_ID, SLOT } from './accessFair.ts';
import { SAM } from '../realtime/fixtures.ts';

export type Actor = 'student' | 'repA' | 'repB' | 'admin';
export type Namespace = '/student' | '/rep' | '/admin';

export interface Row {
  ns: Namespace;
  event: string;
  /** Each must get { ok: false } and change nothing; `undefined` payload: an event without one. */
  refused: [Actor, unknown][];
  allowed: [Actor, unknown?];
  before?: (store: Store) => Promise<void>;
  /** Another student's or booth's data that the allowed answer must not contain. */
  mustNotSee?: string[];
}

const foreignStudent = { studentId: KIM_ID };
const foreignBooth = { boothId: 'acme' };
const foreignRep = { repId: 'rep-ada' };

/** Introductions, by their ids: Sam's at ACME (booth A), Kim's at Globex (booth B). */
const SAM_AT_ACME = `acme:${SAM_ID}`;
const KIM_AT_GLOBEX = `globex:${KIM_ID}`;

/** Booth A's requests and introductions (ids "acme:<student>"), which booth B's tablet must not see. */
const BOOTH_A_ONLY = [SAM_AT_A, KIM_AT_A, '"acme:'];

export const SOCKET_ROWS: Row[] = [
  { ns: '/student', event: 'student:load', refused: [], allowed: ['student'], mustNotSee: [KIM.name, KIM.email, KIM_AT_A] },
  { ns: '/student', event: 'booth:get', refused: [['student', { slug: 'acme', ...foreignStudent }]], allowed: ['student', { slug: 'acme' }] },
  { ns: '/student', event: 'profile:save', refused: [['student', { ...KIM, ...foreignStudent }]], allowed: ['student', { ...SAM, school: 'FU Berlin' }] },
  { ns: '/student', event: 'intro:share', refused: [['student', { id: id(), slug: 'globex', ...foreignStudent }]], allowed: ['student', { id: id(), slug: 'globex' }] },
  {
    ns: '/student', event: 'request:create',
    refused: [['student', { id: id(), slug: 'globex', note: '', ...foreignStudent }]],
    allowed: ['student', { id: id(), slug: 'globex', note: '' }],
  },
  {
    ns: '/student', event: 'request:cancel',
    refused: [['student', { id: id(), requestId: KIM_AT_A }], ['student', { id: id(), requestId: KIM_AT_B }], ['student', { id: id(), requestId: SAM_AT_A, ...foreignStudent }]],
    allowed: ['student', { id: id(), requestId: SAM_AT_A }],
  },
  ...(['proposal:confirm', 'proposal:decline'] as const).map((event): Row => ({
    ns: '/student', event, before: proposeToBoth,
    refused: [['student', { id: id(), requestId: KIM_AT_A }], ['student', { id: id(), requestId: SAM_AT_A, ...foreignStudent }]],
    allowed: ['student', { id: id(), requestId: SAM_AT_A }],
  })),
  { ns: '/student', event: 'intro:withdraw', refused: [['student', { id: id(), slug: 'acme', ...foreignStudent }]], allowed: ['student', { id: id(), slug: 'acme' }] },
  { ns: '/student', event: 'student:erase', refused: [['student', { id: id(), confirm: ERASE_CONFIRMATION, ...foreignStudent }]], allowed: ['student', { id: id(), confirm: ERASE_CONFIRMATION }] },

  { ns: '/rep', event: 'rep:load', refused: [], allowed: ['repB'], mustNotSee: BOOTH_A_ONLY },
  {
    ns: '/rep', event: 'rep:sync', refused: [['repB', { since: 0, epoch: 'x', ...foreignBooth }]],
    allowed: ['repB', { since: 0, epoch: 'x' }], mustNotSee: BOOTH_A_ONLY,
  },
  {
    ns: '/rep', event: 'request:slots',
    refused: [['repB', { requestId: SAM_AT_A }], ['repA', { requestId: KIM_AT_B }], ['repB', { requestId: SAM_AT_A, ...foreignBooth }]],
    allowed: ['repA', { requestId: SAM_AT_A }],
  },
  ...(['request:accept', 'request:propose'] as const).map((event): Row => ({
    ns: '/rep', event,
    refused: [
      ['repB', { id: id(), requestId: SAM_AT_A, start: SLOT }],
      ['repA', { id: id(), requestId: KIM_AT_B, start: SLOT }],
      ['repB', { id: id(), requestId: SAM_AT_A, start: SLOT, ...foreignBooth }],
      ['repB', { id: id(), requestId: SAM_AT_A, start: SLOT, ...foreignRep }],
    ],
    allowed: ['repA', { id: id(), requestId: SAM_AT_A, start: SLOT }],
  })),
  {
    ns: '/rep', event: 'request:decline',
    refused: [
      ['repB', { id: id(), requestId: SAM_AT_A, message: 'No' }],
      ['repA', { id: id(), requestId: KIM_AT_B, message: 'No' }],
      ['repB', { id: id(), requestId: SAM_AT_A, message: 'No', ...foreignBooth, ...foreignRep }],
    ],
    allowed: ['repA', { id: id(), requestId: SAM_AT_A, message: 'Sorry, we are full.' }],
  },
  {
    ns: '/rep', event: 'booth:status',
    refused: [['repB', { id: id(), status: 'full', ...foreignBooth }], ['repB', { id: id(), status: 'full', ...foreignRep }]],
    allowed: ['repA', { id: id(), status: 'break' }],
  },

  {
    ns: '/rep', event: 'request:outcome', before: bookEarlierToday,
    refused: [
      ['repB', { id: id(), requestId: SAM_AT_A, outcome: 'noShow', nextStep: '' }],
      ['repA', { id: id(), requestId: KIM_AT_B, outcome: 'noShow', nextStep: '' }],
      ['repB', { id: id(), requestId: SAM_AT_A, outcome: 'noShow', nextStep: '', ...foreignBooth, ...foreignRep }],
    ],
    allowed: ['repA', { id: id(), requestId: SAM_AT_A, outcome: 'attended', nextStep: 'Apply online' }],
    mustNotSee: [KIM_AT_B, KIM.email],
  },
  {
    ns: '/rep', event: 'request:invite', before: declineBoth,
    refused: [
      ['repB', { id: id(), requestId: SAM_AT_A }],
      ['repA', { id: id(), requestId: KIM_AT_B }],
      ['repB', { id: id(), requestId: SAM_AT_A, ...foreignBooth, ...foreignRep }],
    ],
    allowed: ['repA', { id: id(), requestId: SAM_AT_A }],
    mustNotSee: [KIM_AT_B, KIM.email],
  },
  // The booth's day (issue 12): the kiosk PIN, sign-out, walk-ups, notes, tags and referrals.
  { ns: '/rep', event: 'rep:unlock', refused: [['repB', { pin: '0000', ...foreignRep }]], allowed: ['repA', { pin: '0000' }] },
  { ns: '/rep', event: 'rep:booths', refused: [], allowed: ['repB'], mustNotSee: BOOTH_A_ONLY },
  {
    ns: '/rep', event: 'visitor:walkUp',
    refused: [['repB', { id: id(), name: 'Jo', email: 'jo@example.com', consent: true, ...foreignBooth }]],
    allowed: ['repB', { id: id(), name: 'Jo', email: 'jo@example.com', consent: true }],
  },
  {
    ns: '/rep', event: 'visitor:note',
    refused: [
      ['repB', { id: id(), introductionId: SAM_AT_ACME, notes: 'x', rating: 1, tags: [] }],
      ['repA', { id: id(), introductionId: KIM_AT_GLOBEX, notes: 'x', rating: 1, tags: [] }],
      ['repB', { id: id(), introductionId: SAM_AT_ACME, notes: 'x', rating: 1, tags: [], ...foreignBooth }],
    ],
    allowed: ['repA', { id: id(), introductionId: SAM_AT_ACME, notes: 'Good questions', rating: 3, tags: ['intern'] }],
    mustNotSee: [KIM.name, KIM.email],
  },
  {
    ns: '/rep', event: 'visitor:refer',
    refused: [
      ['repB', { id: id(), introductionId: SAM_AT_ACME, note: '', to: { kind: 'booth', slug: 'globex' } }],
      ['repA', { id: id(), introductionId: KIM_AT_GLOBEX, note: '', to: { kind: 'booth', slug: 'acme' } }],
      ['repA', { id: id(), introductionId: SAM_AT_ACME, note: '', to: { kind: 'booth', slug: 'globex' }, ...foreignRep }],
    ],
    allowed: ['repA', { id: id(), introductionId: SAM_AT_ACME, note: 'Ask for Gil', to: { kind: 'booth', slug: 'globex' } }],
    mustNotSee: [KIM.name, KIM.email],
  },
  {
    ns: '/rep', event: 'booth:tags',
    refused: [['repB', { id: id(), tags: ['intern'], ...foreignBooth }], ['repB', { id: id(), tags: ['intern'], ...foreignRep }]],
    allowed: ['repA', { id: id(), tags: ['intern', 'drones'] }],
  },
  // Last of the tablet's rows: the allowed cell signs Ada's tablet out.
  { ns: '/rep', event: 'rep:signOut', refused: [['repB', { id: id(), ...foreignRep }]], allowed: ['repA', { id: id() }] },

  { ns: '/admin', event: 'stats:load', refused: [], allowed: ['admin'] },
];
