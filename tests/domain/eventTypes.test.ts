// An event `apply` does not know is named by its type only: events hold names, emails and phones,
// and the error's message reaches the terminal.
import { describe, expect, it } from 'vitest';
import { isKnownEventType } from '../../server/domain/eventTypes.ts';
import { apply, initialState } from '../../server/domain/state.ts';
import type { FairEvent } from '../../server/domain/types.ts';

const SAM = { name: 'Sam Example', email: 'sam@uni.example', phone: '+41 44 1234567' };

describe('event types', () => {
  it('knows every type apply knows, and no other', () => {
    expect(isKnownEventType('request.proposalDeclined')).toBe(true);
    expect(isKnownEventType('student.nicknamed')).toBe(false);
    expect(isKnownEventType('toString')).toBe(false); // not a property of Object.prototype either
  });

  it.each(['student.nicknamed', 'request.nicknamed'])('apply refuses an unknown %s by its type, never its fields', (type) => {
    const error = (() => {
      try {
        apply(initialState(), { type, student: SAM } as unknown as FairEvent);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('apply took an unknown event');
    })();
    expect(error.message).toBe(`Unknown event type "${type}"`);
  });
});
