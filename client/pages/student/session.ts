// The student's live state: one socket per page, the whole StudentView reloaded on every
// (re)connect and replaced by each `student:changed` push. Actions go through the outbox.
import { createSignal, onCleanup } from 'solid-js';
import type { BoothPublic, Profile, Reply, StudentClientEvents, StudentView } from '../../../shared/protocol.ts';
import { hasStudentKey, studentKey } from '../../lib/ids.ts';
import { call, closeSocket, connectStudent, type Act } from '../../lib/socket.ts';
import { trackConnection } from '../../lib/connection.ts';
import { makeOutbox, type Queued } from '../../lib/outbox.ts';
import { newestBooths } from './boothPushes.ts';

/** The student outboxes' localStorage keys start so (one per student key). */
export const STUDENT_OUTBOX_PREFIX = 'boothlink.outbox.student.';

export function createStudentSession() {
  // A phone new to the fair has no profile and no visits: its form shows at once, without waiting
  // for the connection (slow at peak), and the server's answer replaces this when it comes.
  const firstVisit = !hasStudentKey();
  const key = studentKey();
  const socket = connectStudent(key);
  const [view, setView] = createSignal<StudentView | undefined>(firstVisit ? { studentId: '', profile: null, visits: [] } : undefined);
  const [loadError, setLoadError] = createSignal('');
  const [pending, setPending] = createSignal<readonly Queued[]>([]);
  const [notice, setNotice] = createSignal('');
  const boothListeners = new Set<(booth: BoothPublic) => void>();

  /** Keeps the view from a successful reply; every student action answers with the whole view. */
  const keep = (reply: Reply<StudentView>): Reply<StudentView> => {
    if (reply.ok) setView(reply.data);
    return reply;
  };
  const outbox = makeOutbox(socket, {
    key: `${STUDENT_OUTBOX_PREFIX}${key.slice(0, 8)}`,
    onChange: setPending,
    onAnswer: (_item, reply, orphan) => {
      keep(reply);
      // Restored after a reload: no form on screen to show a refusal, so the banner does.
      if (orphan) setNotice(reply.ok ? '' : reply.error.message);
    },
  });
  setPending(outbox.items());
  const act = outbox.act as Act<StudentClientEvents>;

  const connection = trackConnection(socket, async () => {
    const reply = await call(socket, 'student:load');
    if (reply.ok) setView(reply.data);
    setLoadError(reply.ok ? '' : reply.error.message);
  });
  socket.on('student:changed', (next) => setView(next));
  socket.on('booth:changed', newestBooths((booth) => boothListeners.forEach((listener) => listener(booth))));
  onCleanup(() => closeSocket(socket));

  return {
    socket,
    view,
    loadError,
    connection,
    pending,
    notice,
    onBoothChanged: (listener: (booth: BoothPublic) => void) => boothListeners.add(listener),
    /** For an action sent past the outbox (/me's): its answer is this phone's only word of the change. */
    keep,
    saveProfile: async (profile: Profile) => keep(await call(socket, 'profile:save', profile)),
    share: (slug: string) => act('intro:share', { slug }),
    request: (slug: string, note: string) => act('request:create', { slug, note }),
    cancel: (requestId: string) => act('request:cancel', { requestId }),
    confirm: (requestId: string) => act('proposal:confirm', { requestId }),
    declineTime: (requestId: string) => act('proposal:decline', { requestId }),
  };
}

export type StudentSession = ReturnType<typeof createStudentSession>;
