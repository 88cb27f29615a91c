import { describe, expect, it } from 'vitest';
import { setBoothStatus } from '../../server/domain/booths.ts';
import { setOutcome } from '../../server/domain/outcomes.ts';
import { eraseStudent, purgeFair, withdrawConsent } from '../../server/domain/privacy.ts';
import { acceptRequest, requestInterview } from '../../server/domain/requests.ts';
import { adminStats } from '../../server/domain/stats.ts';
import { shareDetails } from '../../server/domain/students.ts';
import { countTimeline } from '../../server/domain/timeline.ts';
import type { FairState } from '../../server/domain/types.ts';
import { AT_1320, commit, makeFair, MORNING } from './fixtures.ts';

// The fixture's fair: 12 March in Berlin (UTC+1), one window 13:00–14:00, so 12:00–13:00 UTC.
const at = (utc: string) => new Date(`2026-03-12T${utc}:00.000Z`);

/** The chart's quarters that have something in them, as "HH:MM (Berlin) introductions/requests". */
const busyQuarters = (state: FairState) =>
  adminStats(state).day.quarters
    .filter((q) => q.introductions + q.requests > 0)
    .map((q) => `${new Date(q.start).toLocaleTimeString('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' })} ${q.introductions}/${q.requests}`);

describe("the organiser's dashboard figures", () => {
  it('count attended interviews, and give each booth its employer, number, status, waiting, booked and tablets on line', () => {
    const { state, rep, student, ask } = makeFair();
    const ada = rep('ada', 'acme', 'Ada');
    ask(student('sam', 'Sam Lee'), 'acme', 'r1');
    ask(student('kim', 'Kim Ho'), 'acme', 'r2');
    ask(student('lou', 'Lou Ma'), 'globex', 'r3');
    commit(state, acceptRequest(state, ada, { requestId: 'r1', start: AT_1320 }, MORNING));
    expect(adminStats(state).attended).toBe(0);
    commit(state, setOutcome(state, ada, { requestId: 'r1', outcome: 'attended', nextStep: '' }, new Date(AT_1320)));
    commit(state, setBoothStatus(state, ada, 'break', MORNING));

    const stats = adminStats(state, new Map([['acme', 2]]));
    expect(stats).toMatchObject({ students: 3, introductions: 3, requests: 3, accepted: 1, attended: 1 });
    expect(stats.booths).toEqual([
      { id: 'acme', employer: 'ACME', booth: '12', status: 'break', introductions: 2, pending: 1, accepted: 1, tabletsOnline: 2 },
      { id: 'globex', employer: 'Globex', booth: '14', status: 'open', introductions: 1, pending: 1, accepted: 0, tabletsOnline: 0 },
    ]);
  });

  it('chart introductions and requests per quarter of an hour in the fair\'s time zone, from the first activity to the last window\'s end', () => {
    const { state, student } = makeFair();
    // Nothing yet: the chart spans the window, 13:00–14:00 Berlin, four empty quarters.
    expect(adminStats(state).day).toEqual({
      date: '2026-03-12', timeZone: 'Europe/Berlin',
      quarters: ['12:00', '12:15', '12:30', '12:45'].map((t) => ({ start: at(t).toISOString(), introductions: 0, requests: 0 })),
    });
    const sam = student('sam', 'Sam Lee');
    const kim = student('kim', 'Kim Ho');
    commit(state, shareDetails(state, { studentId: sam, slug: 'acme' }, at('09:14'))); // 10:14 Berlin
    commit(state, shareDetails(state, { studentId: kim, slug: 'acme' }, at('09:15'))); // 10:15: the next quarter
    commit(state, shareDetails(state, { studentId: kim, slug: 'globex' }, at('09:29')));
    commit(state, requestInterview(state, { studentId: kim, slug: 'acme', note: '', requestId: 'r1' }, at('12:59')));
    expect(busyQuarters(state)).toEqual(['10:00 1/0', '10:15 2/0', '13:45 0/1']);
    const { quarters } = adminStats(state).day;
    expect(quarters[0]!.start).toBe(at('09:00').toISOString()); // from the first activity, 10:00 Berlin
    expect(quarters.at(-1)!.start).toBe(at('12:45').toISOString()); // to the window's last quarter
    expect(quarters).toHaveLength(16); // every quarter between, the empty ones too
  });

  it('leave out of the chart what happened on another day, and keep it in the totals', () => {
    const { state, student } = makeFair();
    commit(state, shareDetails(state, { studentId: student('sam', 'Sam Lee'), slug: 'acme' }, new Date('2026-03-11T12:00:00Z')));
    commit(state, shareDetails(state, { studentId: student('kim', 'Kim Ho'), slug: 'acme' }, new Date('2026-03-12T23:30:00Z'))); // 00:30 on the 13th in Berlin
    const stats = adminStats(state);
    expect(stats.introductions).toBe(2);
    expect(stats.day.quarters).toHaveLength(4);
    expect(busyQuarters(state)).toEqual([]);
  });

  it('keep the chart of what an erasure or a purge removed, and drop a withdrawn introduction as the totals do', () => {
    const { state, student } = makeFair();
    const sam = student('sam', 'Sam Lee');
    const kim = student('kim', 'Kim Ho');
    commit(state, shareDetails(state, { studentId: sam, slug: 'acme' }, at('12:05')));
    commit(state, requestInterview(state, { studentId: sam, slug: 'acme', note: '', requestId: 'r1' }, at('12:20')));
    commit(state, shareDetails(state, { studentId: kim, slug: 'acme' }, at('12:35')));
    commit(state, shareDetails(state, { studentId: kim, slug: 'globex' }, at('12:50')));
    expect(busyQuarters(state)).toEqual(['13:00 1/0', '13:15 0/1', '13:30 1/0', '13:45 1/0']);

    commit(state, withdrawConsent(state, { studentId: kim, slug: 'globex' }, at('12:55')));
    expect(busyQuarters(state)).toEqual(['13:00 1/0', '13:15 0/1', '13:30 1/0']);
    expect(adminStats(state).introductions).toBe(2);

    commit(state, eraseStudent(state, { studentId: sam }, at('12:56')));
    expect(busyQuarters(state)).toEqual(['13:00 1/0', '13:15 0/1', '13:30 1/0']);
    commit(state, purgeFair(state, at('13:00')));
    expect(busyQuarters(state)).toEqual(['13:00 1/0', '13:15 0/1', '13:30 1/0']);
    expect(state.introductions.size).toBe(0);
    // What is kept is counts by quarter, nobody's time of day.
    expect(state.purged?.quarters).toEqual({
      [at('12:00').toISOString()]: { introductions: 1, requests: 0 },
      [at('12:15').toISOString()]: { introductions: 0, requests: 1 },
      [at('12:30').toISOString()]: { introductions: 1, requests: 0 },
    });
  });

  it('kept as the fair changes are the same as counted afresh (the index a scan updates)', () => {
    const { state, student } = makeFair();
    const slugOf = (i: number) => (i % 3 ? 'acme' : 'globex');
    adminStats(state); // builds the index, which the events below then keep
    for (let i = 0; i < 40; i++) {
      const id = student(`s${i}`, `Student ${i}`);
      commit(state, shareDetails(state, { studentId: id, slug: slugOf(i) }, at(`12:${String(i).padStart(2, '0')}`)));
      if (i % 4 === 0) commit(state, requestInterview(state, { studentId: id, slug: slugOf(i), note: '', requestId: `r${i}` }, at(`12:${String(i + 5).padStart(2, '0')}`)));
      if (i % 10 === 5) commit(state, withdrawConsent(state, { studentId: `s${i - 1}`, slug: slugOf(i - 1) }, at('12:50')));
      if (i === 33) commit(state, eraseStudent(state, { studentId: 's8' }, at('12:51')));
      adminStats(state);
    }
    const kept = adminStats(state);
    expect(kept.day.quarters.filter((q) => q.introductions > 1).length).toBeGreaterThan(1);
    // The same collections under a new state object: no index yet, so counted from every record.
    expect(adminStats({ ...state })).toEqual(kept);
  });

  it('counted a few records at a time, with scans, withdrawals and an erasure between, come out as counted at once', () => {
    const { state, student } = makeFair();
    const slugOf = (i: number) => (i % 3 ? 'acme' : 'globex');
    for (let i = 0; i < 30; i++) {
      const id = student(`s${i}`, `Student ${i}`);
      commit(state, shareDetails(state, { studentId: id, slug: slugOf(i) }, at(`12:${String(i).padStart(2, '0')}`)));
      if (i % 3 === 0) commit(state, requestInterview(state, { studentId: id, slug: slugOf(i), note: '', requestId: `r${i}` }, at(`12:${String(i + 20).padStart(2, '0')}`)));
    }
    // A count begins; between its slices the fair goes on: removed records already counted, not yet counted, and new ones.
    expect(countTimeline(state, 5)).toBe(false);
    commit(state, withdrawConsent(state, { studentId: 's1', slug: slugOf(1) }, at('12:50'))); // counted already
    commit(state, withdrawConsent(state, { studentId: 's25', slug: slugOf(25) }, at('12:50'))); // not yet
    commit(state, eraseStudent(state, { studentId: 's27' }, at('12:51'))); // its introduction and request, not yet
    commit(state, shareDetails(state, { studentId: student('new', 'New One'), slug: 'acme' }, at('12:52')));
    let slices = 1;
    while (!countTimeline(state, 5)) slices++;
    expect(slices).toBeGreaterThan(3);
    const sliced = adminStats(state);
    expect(adminStats({ ...state })).toEqual(sliced);
  });
});
