// An export asked right after a start, while the indexes are still built in turns (app.ts), waits
// for that build instead of finishing it in one go (at 300,000 introductions that held the loop
// ~180 ms), and still holds every row.
import { describe, expect, it } from 'vitest';
import { buildingIndexes, indexesBuilt } from '../../server/domain/indexes.ts';
import { shareDetails } from '../../server/domain/students.ts';
import { applyAll } from '../../server/domain/state.ts';
import type { FairState } from '../../server/domain/types.ts';
import { introductionBatches } from '../../server/http/formats/introductionRows.ts';
import { eachInTurns } from '../../server/turns.ts';
import { makeFair, MORNING } from '../domain/fixtures.ts';

describe('an export right after a start', () => {
  it('waits for the indexes built in turns, and holds every introduction', async () => {
    const { state, student, ask } = makeFair();
    for (let n = 0; n < 300; n++) {
      const id = student(`s${n}`, `Student ${n}`);
      if (n % 3 === 0) ask(id, 'acme', `r${n}`);
      else applyAll(state, shareDetails(state, { studentId: id, slug: n % 3 === 1 ? 'acme' : 'globex' }, MORNING).events ?? []);
    }
    const started: FairState = { ...state }; // as a start reads it: nothing built for it yet
    let steps = 0;
    const build = eachInTurns(buildingIndexes(started), () => (steps += 1), 0); // a step a turn
    expect(indexesBuilt(started)).toBe(false);

    const rows = [];
    for await (const batch of introductionBatches(started, { boothId: 'acme' })) rows.push(...batch);
    await build;
    expect(rows).toHaveLength([...state.introductions.values()].filter((i) => i.boothId === 'acme').length);
    expect(rows.length).toBe(200);
    // The build ran to its end in its own turns: the export did not take it over.
    expect(steps).toBeGreaterThanOrEqual(state.introductions.size + state.requests.size - 1);
  });
});
