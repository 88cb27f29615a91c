// The /student namespace: one phone, identified by its secret student key.
import type { Server, Socket } from 'socket.io';
import type { StudentClientEvents, StudentServerEvents, StudentView } from '../../shared/protocol.ts';
import { BoothGetInput, CancelInput, ProfileSchema, ProposalInput, RequestInput, ShareInput } from '../../shared/schema.ts';
import { EraseInput, WithdrawInput } from '../../shared/privacySchema.ts';
import type { Command, Deps } from '../deps.ts';
import { newId, studentIdFor } from '../ids.ts';
import { studentActionKey } from '../domain/actionKeys.ts';
import { cancelRequest, requestInterview } from '../domain/requests.ts';
import { confirmProposal, declineProposal } from '../domain/proposals.ts';
import { eraseStudent, withdrawConsent } from '../domain/privacy.ts';
import { boothBySlug, NO_BOOTH } from '../domain/booths.ts';
import { saveProfile, shareDetails } from '../domain/students.ts';
import { boothPublic, studentView } from '../domain/views.ts';
import { everyCommit } from '../store/store.ts';
import { boothRoom, studentRoom } from './broadcast.ts';
import { fail, handle, handleNoInput, ok } from './handle.ts';

type StudentSocket = Socket<StudentClientEvents, StudentServerEvents, Record<string, never>, { studentId: string }>;

const NOT_WIPED = 'Your details are gone from the fair, but the server could not wipe its files yet. Try again in a moment.';

/** 128 bits as hex (32) or base64url (22); anything shorter is guessable. */
const STUDENT_KEY = /^[A-Za-z0-9_-]{22,64}$/;

export function registerStudent(io: Server, deps: Deps): void {
  const { store, now, run, log } = deps;
  const nsp = io.of('/student');
  nsp.use((socket, next) => {
    const key: unknown = socket.handshake.auth?.key;
    if (typeof key !== 'string' || !STUDENT_KEY.test(key)) return next(new Error('UNAUTHORIZED'));
    socket.data.studentId = studentIdFor(key);
    next();
  });
  nsp.on('connection', (raw) => {
    const socket = raw as StudentSocket;
    const studentId: string = socket.data.studentId;
    void socket.join(studentRoom(studentId));
    const view = () => studentView(store.state, studentId, now());
    const keyOf = (id: string) => studentActionKey(studentId, id);
    /** A command answered with the student's view; the push to the student's other tabs reuses it. */
    const act = (id: string | undefined, decide: Command<StudentView>['decide']) =>
      run({ key: id === undefined ? undefined : keyOf(id), decide, respond: view, viewOf: (built) => ({ studentId, view: built, socketId: socket.id }) });

    // Reads wait for every process's commits (past one machine; at once on one).
    socket.on('student:load', handleNoInput(async () => {
      await everyCommit(store);
      return ok(view());
    }, log));
    socket.on('booth:get', handle(BoothGetInput, async ({ slug }) => {
      await everyCommit(store);
      const booth = boothBySlug(store.state, slug);
      if (!booth) return fail('NOT_FOUND', NO_BOOTH);
      void socket.join(boothRoom(booth.id)); // hears the booth's status and reps live
      return ok(boothPublic(store.state, booth, now()));
    }, log));
    socket.on('profile:save', handle(ProfileSchema, (profile) =>
      act(undefined, () => saveProfile(store.state, { studentId, profile }, now())), log));
    socket.on('intro:share', handle(ShareInput, ({ id, slug }) =>
      act(id, () => shareDetails(store.state, { studentId, slug }, now())), log));
    socket.on('request:create', handle(RequestInput, ({ id, slug, note }) =>
      act(id, () => requestInterview(store.state, { studentId, slug, note, requestId: newId() }, now())), log));
    socket.on('request:cancel', handle(CancelInput, ({ id, requestId }) =>
      act(id, () => cancelRequest(store.state, { studentId, requestId }, now())), log));
    socket.on('proposal:confirm', handle(ProposalInput, ({ id, requestId }) =>
      act(id, () => confirmProposal(store.state, { studentId, requestId }, now())), log));
    socket.on('proposal:decline', handle(ProposalInput, ({ id, requestId }) =>
      act(id, () => declineProposal(store.state, { studentId, requestId }, now())), log));
    socket.on('intro:withdraw', handle(WithdrawInput, ({ id, slug }) =>
      act(id, () => withdrawConsent(store.state, { studentId, slug }, now())), log));
    // "Erased" only once no file holds the student any more; a repeat of the action scrubs again.
    socket.on('student:erase', handle(EraseInput, ({ id }) => run({
      key: keyOf(id),
      decide: () => eraseStudent(store.state, { studentId }, now()),
      respond: () => ({ erased: true as const }),
      scrub: { notWiped: NOT_WIPED },
    }), log));
  });
}
