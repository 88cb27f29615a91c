// The command runner: every command is decided, made durable, published, and (erasure, purge) wiped.
import { describe, expect, it } from 'vitest';
import { createCommandRunner } from '../server/commands.ts';
import { record, refuse } from '../server/domain/decision.ts';
import { execute } from '../server/execute.ts';
import type { Publish } from '../server/realtime/broadcast.ts';
import { createMemoryStore } from '../server/store/memoryStore.ts';
import { StorageError, type Store } from '../server/store/store.ts';
import { boothCreated } from './store/events.ts';

interface Published {
  changes: Parameters<Publish>[0];
  /** What the runner handed the step that tells the students, once it took it. */
  built?: Parameters<ReturnType<Publish>>[0];
}

/** `steps`: what happened in order, the booths told ("booths") and the answers built (by the caller's respond). */
function runner(store: Store, steps: string[] = []) {
  const published: Published[] = [];
  const logged: string[] = [];
  const publish: Publish = (changes) => {
    const told: Published = { changes };
    published.push(told);
    steps.push('booths');
    return (built) => void (told.built = built);
  };
  const run = createCommandRunner({ store, execute, publish, log: (line) => logged.push(line) });
  return { run, published, logged };
}

describe('the command runner', () => {
  it('publishes what a command changed once it is durable, and nothing for a refusal or a repeat', async () => {
    const store = createMemoryStore();
    const { run, published } = runner(store);
    const created = await run({ key: 'k1', decide: () => record(boothCreated('b1')), respond: () => store.state.booths.size });
    expect(created).toEqual({ ok: true, data: 1 });
    const again = await run({ key: 'k1', decide: () => record(boothCreated('b2')), respond: () => store.state.booths.size });
    expect(again).toEqual({ ok: true, data: 1 }); // the repeat changed nothing
    const refused = await run({ decide: () => refuse('CONFLICT', 'No.'), respond: () => 0 });
    expect(refused).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'No.' } });
    expect(published.map(({ changes }) => changes.map((c) => c.event.type))).toEqual([['booth.created'], [], []]);
  });

  it("hands the publisher the student's view the answer already built", async () => {
    const store = createMemoryStore();
    const { run, published } = runner(store);
    const view = { studentId: 's1', profile: null, visits: [] };
    await run({ decide: () => record(boothCreated('b1')), respond: () => view, viewOf: (built) => ({ studentId: 's1', view: built, socketId: 'phone-1' }) });
    expect(published[0]?.built).toEqual({ studentId: 's1', view, socketId: 'phone-1' });
  });

  it('tells the booths of every command saved together before it builds any answer', async () => {
    const steps: string[] = [];
    const { run } = runner(createMemoryStore(), steps);
    const answer = (name: string) => () => (steps.push(`answer ${name}`), name);
    await Promise.all([
      run({ decide: () => record(boothCreated('b1')), respond: answer('b1') }),
      run({ decide: () => record(boothCreated('b2')), respond: answer('b2') }),
    ]);
    expect(steps).toEqual(['booths', 'booths', 'answer b1', 'answer b2']);
  });

  it('answers a wiping command with the sentence when the files could not be wiped, after publishing the change', async () => {
    const store = createMemoryStore();
    const failing: Store = Object.assign(Object.create(store) as Store, {
      scrub: () => Promise.reject(new StorageError('The disk is failing.')),
    });
    const { run, published, logged } = runner(failing);
    const reply = await run({ decide: () => record(boothCreated('b1')), respond: () => true, scrub: { notWiped: 'Gone from the fair, not yet from the files.' } });
    expect(reply).toEqual({ ok: false, error: { code: 'STORAGE', message: 'Gone from the fair, not yet from the files.' } });
    expect(published).toHaveLength(1); // every screen still hears of the change
    expect(logged).toEqual(['Could not wipe removed data from the data files: The disk is failing.']);
    expect(await run({ decide: () => record(), respond: () => true, scrub: { notWiped: 'x' } }).then((r) => r.ok)).toBe(false);
  });
});
