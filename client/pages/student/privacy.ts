// The student's privacy actions on /me. Only this page loads them (the booth page stays small).
// Both need the server to answer, so they go straight to the socket rather than through the outbox.
import type { Reply } from '../../../shared/protocol.ts';
import { ERASE_CONFIRMATION } from '../../../shared/privacySchema.ts';
import { STUDENT_KEY } from '../../../shared/firstVisit.ts';
import { randomId } from '../../lib/ids.ts';
import { call, type StudentSocket } from '../../lib/socket.ts';
import { STUDENT_OUTBOX_PREFIX } from './session.ts';

export const withdraw = (socket: StudentSocket, slug: string) => call(socket, 'intro:withdraw', { id: randomId(), slug });

/** Erases the student on the server; once it answers, this phone forgets them too. */
export async function eraseEverything(socket: StudentSocket): Promise<Reply<{ erased: true }>> {
  const reply = await call(socket, 'student:erase', { id: randomId(), confirm: ERASE_CONFIRMATION });
  if (reply.ok) {
    socket.disconnect(); // its key is gone: nothing may be resent under it
    forgetThisPhone();
  }
  return reply;
}

function forgetThisPhone(): void {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '');
    for (const key of keys) if (key === STUDENT_KEY || key.startsWith(STUDENT_OUTBOX_PREFIX)) localStorage.removeItem(key);
  } catch {
    // Storage switched off: the key lived only in this page, which is going.
  }
}

export const FIELD_LABELS: Record<string, string> = {
  name: 'Name', email: 'Email', phone: 'Phone', school: 'School', programme: 'Programme',
  graduationYear: 'Graduation year', link: 'LinkedIn or portfolio', interests: 'Interests',
};
