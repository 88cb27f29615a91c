// An action's idempotency key, scoped to who sent it, and which keys a wipe forgets. The socket
// handlers make the keys; the store keeps the applied ones (in memory and in db.json) and drops
// those an event here says to, in the same apply, so a replay of the journal drops them alike.
//
// A key names its sender: `student:<student id>:<action id>`. Kept after an erasure or a purge,
// db.json would list every erased or purged student's id thousands of times over (4,060 keys,
// 286 KB after one purge at a fair of a few hundred). So an erasure forgets the student's keys (its
// own included), and a purge forgets every student's and every rep's.
//
// Forgetting a key means a resend of that action is decided again instead of answered "done".
// That is safe because nothing the action needs is left:
//   - a student's keyed actions need their profile (share), an introduction (request), a request
//     of theirs (cancel, confirm, decline a proposal) or an introduction to withdraw: after the
//     wipe each one is refused or changes nothing. A resend cannot come after a new profile either:
//     the outbox sends in order, one at a time, so whatever was sent before the wipe is answered
//     before anything the phone does after it. /me's erasure clears the outbox too, once answered.
//   - a repeated erasure is recorded again (eraseStudent always records one), and so forgets its
//     own key again and scrubs again.
//   - after a purge no tablet is paired (privacyEvents.ts): a rep's action is refused at its
//     credential check before its key is looked up.
import type { FairEvent } from './types.ts';

export const studentActionKey = (studentId: string, actionId: string): string => `student:${studentId}:${actionId}`;
export const repActionKey = (repId: string, actionId: string): string => `rep:${repId}:${actionId}`;

const STUDENT_KEYS = 'student:';
const REP_KEYS = 'rep:';

/** Which applied keys this event makes the store forget; undefined for none. */
export function forgottenKeys(event: FairEvent): ((key: string) => boolean) | undefined {
  switch (event.type) {
    case 'student.erased': {
      const own = studentActionKey(event.studentId, '');
      return (key) => key.startsWith(own);
    }
    case 'fair.purged':
      return (key) => key.startsWith(STUDENT_KEYS) || key.startsWith(REP_KEYS);
    default:
      return undefined;
  }
}
