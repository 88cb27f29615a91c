// Ids, tokens and pairing codes come from the system's CSPRNG a few KB at a time (server/ids.ts):
// every one is whole and none is handed out twice, however many pools they span.
import { describe, expect, it } from 'vitest';
import { newId, newPairingCode, newToken } from '../../server/ids.ts';

describe('ids, tokens and pairing codes', () => {
  it('are never handed out twice, across many refills of the pool and mixed with each other', () => {
    const ids = new Set<string>();
    const codes = new Set<string>();
    // 6,000 ids and tokens and 3,000 codes: ~120 KB of random bytes, some thirty pools.
    for (let i = 0; i < 3000; i++) {
      ids.add(newId());
      ids.add(newToken());
      codes.add(newPairingCode());
    }
    expect(ids.size).toBe(6000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // 31^8 codes: two alike among 3,000 has a chance of about 1 in 200,000.
    expect(codes.size).toBe(3000);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
  });

  it('use every letter of the pairing alphabet, each about as often', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const char of newPairingCode().replace('-', '')) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(31);
    // 16,000 letters over 31: ~516 each; a fair draw stays within ±25% (about 6 standard deviations).
    for (const count of counts.values()) expect(Math.abs(count - 16000 / 31)).toBeLessThan(16000 / 31 / 4);
  });
});
