// An export asked right after a start, while the indexes are still built in turns (app.ts), waits
// for that build instead of finishing it in one go (at 300,000 introductions that held the loop
// ~180 ms), and still holds every row. So do the organiser's booth views (the list, an import's answer).
import { describe, expect, it } from 'vitest';
import { buildingIndexes, indexesBuilt } from '../../server/domain/indexes.ts';
import { createBooth } from '../../server/domain/booths.ts';
import { shareDetails } from '../../server/domain/students.ts';
import { applyAll } from '../../server/domain/state.ts';
import type { FairState } from '../../server/domain/types.ts';
import { introductionBatches } from '../../server/http/formats/introductionRows.ts';
import { boothIdsInOrder, boothViewsJson } from '../../server/http/routes/boothAdmin.ts';
import type { Store } from '../../server/store/store.ts';
import { adminFigures } from '../../server/realtime/adminFigures.ts';
import { Server } from 'socket.io';
import { eachInTurns } from '../../server/turns.ts';
import { makeFair, MORNING } from '../domain/fixtures.ts';

/** A fair of 300 students at two of five booths, as a start reads it (nothing built for it yet), its indexes being built a step a turn. */
function startedFair() {
  const { state, student, ask } = makeFair();
  for (let n = 0; n < 300; n++) {
    const id = student(`s${n}`, `Student ${n}`);
    if (n % 3 === 0) ask(id, 'acme', `r${n}`);
    else applyAll(state, shareDetails(state, { studentId: id, slug: n % 3 === 1 ? 'acme' : 'globex' }, MORNING).events ?? []);
  }
  // Booths enough that their views would walk past what a build allows readers, and finish it.
  for (const id of ['initech', 'umbrella', 'hooli']) {
    applyAll(state, createBooth(state, { id, pairingCode: 'KXMP-2345', employer: id, booth: '', description: '', website: '', roles: [], place: '' }, MORNING).events ?? []);
  }
  const started: FairState = { ...state };
  const building = { steps: 0 };
  const build = eachInTurns(buildingIndexes(started), () => (building.steps += 1), 0);
  expect(indexesBuilt(started)).toBe(false);
  return { state, started, build, building };
}

describe('an export right after a start', () => {
  it('waits for the indexes built in turns, and holds every introduction', async () => {
    const { state, started, build, building } = startedFair();

    const rows = [];
    for await (const batch of introductionBatches(started, { boothId: 'acme' })) rows.push(...batch);
    await build;
    expect(rows).toHaveLength([...state.introductions.values()].filter((i) => i.boothId === 'acme').length);
    expect(rows.length).toBe(200);
    // The build ran to its end in its own turns: the export did not take it over.
    expect(building.steps).toBeGreaterThanOrEqual(state.introductions.size + state.requests.size - 1);
  });

  it("the organiser's booth views wait too, and count every booth's introductions", async () => {
    const { state, started, build, building } = startedFair();
    const store = { state: started } as Store;
    const views = [...boothViewsJson(store, await boothIdsInOrder(store), 'http://fair.example')].map((json) => JSON.parse(json) as { slug: string; introductions: number });
    await build;
    expect(views.map((view) => [view.slug, view.introductions])).toEqual([['acme', 200], ['globex', 100], ['hooli', 0], ['initech', 0], ['umbrella', 0]]);
    expect(building.steps).toBeGreaterThanOrEqual(state.introductions.size + state.requests.size - 1);
  });

  it("the organiser's dashboard figures wait too, and count every booth's introductions", async () => {
    const { state, started, build, building } = startedFair();
    const io = new Server(); // not listening: its /rep namespace has no tablet on line
    const stats = await adminFigures({ state: started } as Store, io.of('/rep'));
    await build;
    expect(stats.booths.map((booth) => [booth.id, booth.introductions])).toEqual([['acme', 200], ['globex', 100], ['initech', 0], ['umbrella', 0], ['hooli', 0]]);
    expect(building.steps).toBeGreaterThanOrEqual(state.introductions.size + state.requests.size - 1);
  });
});
