// Random ids made on the device. Plain HTTP is not a secure context, so crypto.randomUUID
// is missing there; crypto.getRandomValues works everywhere.
import { STUDENT_KEY, STUDENT_KEY_PATTERN } from '../../shared/firstVisit.ts';

/** `bytes` random bytes as lowercase hex (16 bytes = 128 bits = 32 characters). */
export function randomId(bytes = 16): string {
  const buf = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}

let memoryKey: string | undefined;
const isStudentKey = (key: string | null): key is string => key !== null && STUDENT_KEY_PATTERN.test(key);

/** Whether this browser already holds a student key: if not, the phone is new to the fair. */
export function hasStudentKey(): boolean {
  try {
    return isStudentKey(localStorage.getItem(STUDENT_KEY));
  } catch {
    return memoryKey !== undefined;
  }
}

/** The phone's student key, made on first need and kept in localStorage. */
export function studentKey(): string {
  try {
    let key = localStorage.getItem(STUDENT_KEY);
    if (!isStudentKey(key)) {
      key = randomId(16);
      localStorage.setItem(STUDENT_KEY, key);
    }
    return key;
  } catch {
    // Storage can be switched off (some private modes): keep the key for this page's life.
    return (memoryKey ??= randomId(16));
  }
}
