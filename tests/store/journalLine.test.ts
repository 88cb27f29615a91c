// A journal line made around events' JSON made ahead (an import's) is the very line JSON.stringify
// makes of the record: the journal reader, a person with jq, and a store past one machine read it alike.
import { describe, expect, it } from 'vitest';
import { toJournalLine } from '../../server/store/record.ts';
import { boothCreated, codeReset } from './events.ts';

describe('toJournalLine', () => {
  const events = [boothCreated('b1', 'AAAA-AAAA'), { ...boothCreated('b2'), employer: 'Quote " and \\ and \u2028 and ü' }, codeReset('b1', 'BBBB-BBBB')];

  it('gives the same line with the events made ahead as without, with a key or none', () => {
    for (const key of [undefined, 'action-0001', 'a "key" with \\ and ü']) {
      const record = key === undefined ? { events } : { events, key };
      const line = toJournalLine(41, { ...record, eventsJson: JSON.stringify(events) });
      expect(line).toBe(toJournalLine(41, record));
      expect(JSON.parse(line)).toEqual({ seq: 41, ...(key !== undefined && { key }), events: JSON.parse(JSON.stringify(events)) });
    }
  });

  it('writes the text made ahead, not the events again', () => {
    const line = toJournalLine(3, { events, eventsJson: JSON.stringify(events.slice(0, 1)) });
    expect(JSON.parse(line).events).toHaveLength(1);
  });
});
