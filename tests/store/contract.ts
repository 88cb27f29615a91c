// The rules every Store implementation keeps, run against each one (memory, file, later others).
import { describe, expect, it } from 'vitest';
import { StorageError, type Store } from '../../server/store/store.ts';
import type { FairEvent } from '../../server/domain/types.ts';
import { boothCreated, codeReset } from './events.ts';

/** A student's profile; their name and email are `<id> Example` and `<id>@uni.example`. */
export function profileSaved(studentId: string): FairEvent {
  const profile = { name: `${studentId} Example`, email: `${studentId}@uni.example`, phone: '', school: '', programme: '', graduationYear: '', link: '', interests: '' };
  return { type: 'profile.saved', studentId, profile, at: '2026-03-12T09:00:00.000Z' };
}

export interface OpenedStore {
  store: Store;
  /** Closes the store most recently opened and opens the same data again; only durable stores have it. */
  reopen?: () => Promise<Store>;
}

export function runStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`${name}: store contract`, () => {
    it('1. commit applies the events to state at once, before it resolves', async () => {
      const { store } = await open();
      const saved = store.commit({ events: [boothCreated('b1')] });
      expect(store.state.booths.get('b1')?.employer).toBe('ACME b1');
      await saved;
      await store.close();
    });

    it("2. commit resolves with each event and the number its booth's feed gave it, if any", async () => {
      const { store } = await open();
      const onBreak: FairEvent = { type: 'booth.statusSet', boothId: 'b1', status: 'break', repId: 'r1', at: '2026-03-12T10:00:00.000Z' };
      await expect(store.commit({ events: [boothCreated('b1'), onBreak] })).resolves.toStrictEqual([{ event: boothCreated('b1') }, { event: onBreak, seq: 1 }]);
      await expect(store.commit({ events: [{ ...onBreak, status: 'open' }] })).resolves.toStrictEqual([{ event: { ...onBreak, status: 'open' }, seq: 2 }]);
      await store.close();
    });

    it('3. applied(key) is true once the commit with that key is durable, and false for a key never applied', async () => {
      const { store } = await open();
      await store.commit({ events: [boothCreated('b1')], key: 'action-0001' });
      expect(store.applied('action-0001')).toBe(true);
      expect(store.applied('action-0002')).toBe(false);
      await store.close();
    });

    it('3c. before the commit is durable, applied(key) says it was applied once it is', async () => {
      const { store } = await open();
      const saved = store.commit({ events: [boothCreated('b1')], key: 'action-0001' });
      const applied = store.applied('action-0001'); // a promise while the write is under way, or true
      expect(applied).not.toBe(false);
      expect(await applied).toBe(true);
      await saved;
      expect(store.applied('action-0001')).toBe(true);
      await store.close();
    });

    it('3b. any text is a key, even one an object would inherit', async () => {
      const { store } = await open();
      expect(store.applied('constructor')).toBe(false);
      expect(store.applied('toString')).toBe(false);
      await store.commit({ events: [], key: '__proto__' });
      expect(store.applied('__proto__')).toBe(true);
      await store.close();
    });

    it('4. commits made in the same tick all apply, in order', async () => {
      const { store } = await open();
      await Promise.all([
        store.commit({ events: [boothCreated('b1', 'AAAA-AAAA')] }),
        store.commit({ events: [codeReset('b1', 'BBBB-BBBB')] }),
        store.commit({ events: [codeReset('b1', 'CCCC-CCCC')] }),
      ]);
      expect(store.state.booths.get('b1')?.pairingCode).toBe('CCCC-CCCC');
      await store.close();
    });

    it('5. a commit after close is refused with a StorageError and changes nothing', async () => {
      const { store } = await open();
      await store.close();
      await expect(store.commit({ events: [boothCreated('b1')] })).rejects.toBeInstanceOf(StorageError);
      expect(store.state.booths).toEqual(new Map());
    });

    it('6. after a reopen everything committed is there exactly once, and later commits follow it', async (context) => {
      const opened = await open();
      if (opened.reopen === undefined) {
        await opened.store.close();
        return context.skip('this store keeps nothing across a reopen');
      }
      const first = opened.store;
      await Promise.all([
        first.commit({ events: [boothCreated('b1', 'AAAA-AAAA')], key: 'action-0001' }),
        first.commit({ events: [boothCreated('b2')] }),
        first.commit({ events: [codeReset('b1', 'BBBB-BBBB')], key: 'action-0002' }),
      ]);
      const before = structuredClone(first.state);

      await first.commit({ events: [], key: '__proto__' });
      const second = await opened.reopen();
      expect(second.state).toEqual(before);
      expect(second.applied('__proto__')).toBe(true);
      expect(second.applied('constructor')).toBe(false);
      expect([...second.state.booths.keys()]).toEqual(['b1', 'b2']);
      expect(second.applied('action-0001')).toBe(true);
      expect(second.applied('action-0002')).toBe(true);

      await second.commit({ events: [boothCreated('b3')], key: 'action-0003' });
      const third = await opened.reopen();
      expect([...third.state.booths.keys()]).toEqual(['b1', 'b2', 'b3']);
      expect(third.state.booths.get('b1')?.pairingCode).toBe('BBBB-BBBB');
      expect(third.applied('action-0003')).toBe(true);
      await third.close();
    });

    it('7. scrub keeps everything in memory, erased data stays gone after a reopen, and commits go on after it', async () => {
      const opened = await open();
      const store = opened.store;
      await store.commit({ events: [boothCreated('b1'), profileSaved('kim'), profileSaved('lou')], key: 'action-0001' });
      await store.commit({ events: [{ type: 'student.erased', studentId: 'kim', at: '2026-03-12T10:00:00.000Z' }] });
      const before = structuredClone(store.state);
      await store.scrub();
      expect(store.state).toEqual(before);
      await store.commit({ events: [boothCreated('b2')] });
      const after = opened.reopen ? await opened.reopen() : store;
      expect([...after.state.students.keys()]).toEqual(['lou']);
      expect([...after.state.booths.keys()]).toEqual(['b1', 'b2']);
      expect(after.applied('action-0001')).toBe(true);
      await after.close();
      await expect(after.scrub()).rejects.toBeInstanceOf(StorageError);
    });

    it('8. an erasure forgets the student\'s action keys, its own too; a purge forgets every student\'s and rep\'s; a reopen as well', async () => {
      const opened = await open();
      const at = '2026-03-12T10:00:00.000Z';
      const store = opened.store;
      await store.commit({ events: [boothCreated('b1'), profileSaved('kim'), profileSaved('lou')] });
      for (const key of ['student:kim:a1', 'student:kim:a2', 'student:kimberly:a1', 'student:lou:a1', 'rep:r1:a1', 'action-0001']) {
        await store.commit({ events: [], key });
      }
      await store.commit({ events: [{ type: 'student.erased', studentId: 'kim', at }], key: 'student:kim:a3' });
      const remembered = (s: Store) => ['student:kim:a1', 'student:kim:a2', 'student:kim:a3', 'student:kimberly:a1', 'student:lou:a1', 'rep:r1:a1', 'action-0001'].filter((key) => s.applied(key) === true);
      expect(remembered(store)).toEqual(['student:kimberly:a1', 'student:lou:a1', 'rep:r1:a1', 'action-0001']);

      await store.commit({ events: [{ type: 'fair.purged', at }] });
      expect(remembered(store)).toEqual(['action-0001']);
      const after = opened.reopen ? await opened.reopen() : store;
      expect(remembered(after)).toEqual(['action-0001']);
      await after.close();
    });

    it("9. a record whose events' JSON was made ahead (an import's) is kept as the events themselves are", async () => {
      const opened = await open();
      const events = [boothCreated('b1', 'AAAA-AAAA'), boothCreated('b2', 'BBBB-BBBB'), codeReset('b1', 'CCCC-CCCC')];
      await opened.store.commit({ events: events.slice(0, 2), key: 'import-0001', eventsJson: JSON.stringify(events.slice(0, 2)) });
      await opened.store.commit({ events: events.slice(2), eventsJson: JSON.stringify(events.slice(2)) });
      expect([...opened.store.state.booths.values()].map((booth) => booth.pairingCode)).toEqual(['CCCC-CCCC', 'BBBB-BBBB']);
      const after = opened.reopen ? await opened.reopen() : opened.store;
      expect([...after.state.booths.values()].map((booth) => booth.pairingCode)).toEqual(['CCCC-CCCC', 'BBBB-BBBB']);
      expect(after.applied('import-0001')).toBe(true);
      await after.close();
    });
  });
}
