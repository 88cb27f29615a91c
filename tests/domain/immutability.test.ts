// `apply` replaces entities and never changes one in place: a snapshot relies on it (see
// server/store/snapshotWriter.ts). Every entity is frozen before every event; a change in place
// would throw (modules are strict code).
import { describe, expect, it } from 'vitest';
import { apply, initialState } from '../../server/domain/state.ts';
import type { FairState } from '../../server/domain/types.ts';
import { buildingRecords, changeRecord } from '../store/fairEvents.ts';

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/** Freezes everything but the collections themselves, which `apply` may still add keys to. */
function freezeEntities(state: FairState): void {
  deepFreeze(state.fair);
  for (const collection of [state.booths, state.reps, state.students, state.introductions, state.requests]) {
    for (const entity of collection.values()) deepFreeze(entity);
  }
}

describe('apply', () => {
  it('replaces an entity it changes, for every kind of event, and leaves the old object as it was', () => {
    const state = initialState();
    const students = 40;
    const records = [...buildingRecords(students), ...Array.from({ length: 110 }, (_, i) => changeRecord(i, students))];
    const kinds = new Set<string>();
    for (const events of records) {
      for (const event of events) {
        freezeEntities(state);
        const held = structuredClone(state);
        const entities = new Map<string, object>([...state.requests, ...state.booths]);
        apply(state, event); // throws on a change in place
        kinds.add(event.type);
        for (const [id, entity] of entities) {
          expect(entity).toEqual(held.requests.get(id) ?? held.booths.get(id)); // an object held from before is unchanged
        }
      }
    }
    expect(kinds.size).toBe(15); // every event type in FairEvent
  });
});
