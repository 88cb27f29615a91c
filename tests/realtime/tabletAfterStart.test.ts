// A tablet that loads its booth right after a start, while the booths' indexes are still built in
// turns (app.ts): its whole view waits for that build rather than walking every introduction of the
// fair (at 300,000 that, with the cards and their sending, held the loop past 50 ms), and shows
// every visitor of its booth and none of another's.
import { afterEach, describe, expect, it } from 'vitest';
import { buildingIndexes, indexesBuilt } from '../../server/domain/indexes.ts';
import { applyAll } from '../../server/domain/state.ts';
import { shareDetails } from '../../server/domain/students.ts';
import type { FairState } from '../../server/domain/types.ts';
import { createMemoryStore } from '../../server/store/memoryStore.ts';
import { eachInTurns } from '../../server/turns.ts';
import { makeFair, MORNING } from '../domain/fixtures.ts';
import { ask, connectRep, disconnectAll, startServer, type TestServer } from '../helpers.ts';
import { pair } from '../http/support.ts';

let server: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await server?.close();
});

describe("a tablet's first view after a start", () => {
  it('waits for the indexes built in turns, then shows its booth and only its booth', async () => {
    const { state, student } = makeFair();
    // Many introductions at another booth: a long build, of a step a turn below.
    for (let n = 0; n < 5000; n++) {
      const id = student(`s${n}`, `Student ${n}`);
      applyAll(state, shareDetails(state, { studentId: id, slug: n < 3 ? 'acme' : 'globex' }, MORNING).events ?? []);
    }
    const started: FairState = { ...state }; // as a start reads it: nothing built for it yet
    let steps = 0;
    const build = eachInTurns(buildingIndexes(started), () => (steps += 1), 0);
    server = await startServer({ store: createMemoryStore(Date.now, started), now: () => MORNING }); // the fair's day: nothing to purge yet

    const tablet = await connectRep(server.url, (await pair(server, started.booths.get('acme')!.pairingCode)).token);
    const view = await ask(tablet, 'rep:sync', { since: 0, epoch: '' });
    const builtWhenAnswered = indexesBuilt(started);
    await build;

    expect(view.ok && view.data.visitors.map((v) => v.student.name).sort()).toEqual(['Student 0', 'Student 1', 'Student 2']);
    expect(builtWhenAnswered).toBe(true);
    // The build ran to its end in its own turns: the tablet did not take it over.
    expect(steps).toBeGreaterThanOrEqual(started.introductions.size + started.requests.size - 1);
  });
});
