// The student's live state: one socket per page, the whole StudentView reloaded on every
// (re)connect and replaced by each `student:changed` push.
import { createSignal, onCleanup } from 'solid-js';
import type { BoothPublic, Profile, Reply, StudentView } from '../../../shared/protocol.ts';
import { studentKey } from '../../lib/ids.ts';
import { act, call, connectStudent } from '../../lib/socket.ts';
import { trackConnection } from '../../lib/connection.ts';

export function createStudentSession() {
  const socket = connectStudent(studentKey());
  const [view, setView] = createSignal<StudentView>();
  const [loadError, setLoadError] = createSignal('');
  const boothListeners = new Set<(booth: BoothPublic) => void>();

  const connection = trackConnection(socket, async () => {
    const reply = await call(socket, 'student:load');
    if (reply.ok) setView(reply.data);
    setLoadError(reply.ok ? '' : reply.error.message);
  });
  socket.on('student:changed', (next) => setView(next));
  socket.on('booth:changed', (booth) => boothListeners.forEach((listener) => listener(booth)));
  onCleanup(() => socket.disconnect());

  /** Keeps the view from a successful reply; every student action answers with the whole view. */
  const keep = (reply: Reply<StudentView>): Reply<StudentView> => {
    if (reply.ok) setView(reply.data);
    return reply;
  };

  return {
    socket,
    view,
    loadError,
    connection,
    onBoothChanged: (listener: (booth: BoothPublic) => void) => boothListeners.add(listener),
    saveProfile: async (profile: Profile) => keep(await call(socket, 'profile:save', profile)),
    share: async (slug: string) => keep(await act(socket, 'intro:share', { slug })),
    request: async (slug: string, note: string) => keep(await act(socket, 'request:create', { slug, note })),
    cancel: async (requestId: string) => keep(await act(socket, 'request:cancel', { requestId })),
  };
}

export type StudentSession = ReturnType<typeof createStudentSession>;
