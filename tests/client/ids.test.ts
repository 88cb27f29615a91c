import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomId, studentKey } from '../../client/lib/ids.ts';

// Plain-HTTP pages are not a secure context, so phones there have getRandomValues but no randomUUID.
function cryptoWithoutRandomUUID(fill?: (bytes: Uint8Array) => void) {
  const real = globalThis.crypto;
  const getRandomValues = vi.fn(<T extends ArrayBufferView>(array: T): T => {
    if (fill && array instanceof Uint8Array) fill(array);
    else real.getRandomValues(array);
    return array;
  });
  vi.stubGlobal('crypto', { getRandomValues });
  expect('randomUUID' in globalThis.crypto).toBe(false);
  return getRandomValues;
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('randomId', () => {
  it('draws 128 bits from crypto.getRandomValues, even without crypto.randomUUID', () => {
    const getRandomValues = cryptoWithoutRandomUUID();
    const id = randomId();
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(getRandomValues).toHaveBeenCalledTimes(1);
    expect(getRandomValues.mock.calls[0]?.[0]).toHaveProperty('byteLength', 16);
  });

  it('writes every byte as two hex digits, leading zero kept', () => {
    cryptoWithoutRandomUUID((bytes) => bytes.set([0x00, 0x0f, 0xa0, 0xff]));
    expect(randomId(4)).toBe('000fa0ff');
  });

  it('never repeats over 1000 ids and uses all sixteen hex digits', () => {
    cryptoWithoutRandomUUID();
    const ids = Array.from({ length: 1000 }, () => randomId());
    expect(new Set(ids).size).toBe(1000);
    expect(new Set(ids.join('')).size).toBe(16);
  });
});

describe('studentKey', () => {
  it('is made once and kept on the phone', () => {
    const key = studentKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(studentKey()).toBe(key);
    expect(localStorage.getItem('boothlink.studentKey')).toBe(key);
  });

  it('replaces a stored key that is not a key', () => {
    localStorage.setItem('boothlink.studentKey', 'hello');
    expect(studentKey()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps one key for the page when storage is switched off', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    const key = studentKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(studentKey()).toBe(key);
  });
});
