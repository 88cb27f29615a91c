// Randomness for ids, tokens and pairing codes. Kept out of the pure domain.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { PAIRING_ALPHABET, PAIRING_CODE_LENGTH } from './domain/booths.ts';

/**
 * Random bytes from the system's CSPRNG, drawn 4 KB at a time and handed out in order, each byte
 * once, as Node's own randomUUID does. One call to it costs ~6-13 µs on the 2-core VM whatever its
 * size: a booth import of 10,000 rows, an id and a pairing code each, spent ~240 ms there.
 */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let drawn = 0;

/** `n` (≤ POOL_BYTES) random bytes that no other call gets. */
function randomPart(n: number): Buffer {
  if (drawn + n > pool.length) {
    pool = randomBytes(POOL_BYTES);
    drawn = 0;
  }
  drawn += n;
  return pool.subarray(drawn - n, drawn);
}

/** 128 random bits, base64url: entity ids, rep session tokens. */
export const newToken = (): string => randomPart(16).toString('base64url');
export const newId = newToken;

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');

/** Compares a presented secret with the expected one in constant time (digests are equal length whatever the guess). */
export function isSameSecret(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || expected.length === 0) return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/** "K7MX-P3QR": uniform over the unambiguous alphabet (rejection sampling avoids modulo bias). */
export function newPairingCode(): string {
  const limit = 256 - (256 % PAIRING_ALPHABET.length);
  let code = '';
  while (code.length < PAIRING_CODE_LENGTH) {
    for (const byte of randomPart(PAIRING_CODE_LENGTH)) {
      if (byte < limit && code.length < PAIRING_CODE_LENGTH) code += PAIRING_ALPHABET[byte % PAIRING_ALPHABET.length];
    }
  }
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What a rep's PIN is stored as: salted with the rep's id, so the same PIN on two tablets gives two
 * hashes. Only 10^4 to 10^8 PINs exist, so the hash alone is no secret: what protects it is that
 * db.json stays on the organiser's laptop and that wrong tries are limited (realtime/rep.ts).
 */
export const pinHashOf = (repId: string, pin: string): string => sha256(`pin:${repId}:${pin}`);

/**
 * A visitor typed on a booth's tablet has no phone key: their id comes from the booth and the email,
 * lower-cased, so the same visitor typed twice at one booth is one visitor. Prefixed apart from
 * `studentIdFor`, so no phone's key can give a walk-up's id.
 */
export const walkUpIdFor = (boothId: string, email: string): string => sha256(`walk-up:${boothId}:${email.trim().toLowerCase()}`).slice(0, 22);

/** A student's id is derived from their secret key, so the key itself is never stored. */
export const studentIdFor = (key: string): string => sha256(`student:${key}`).slice(0, 22);
