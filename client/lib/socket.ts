// The one typed socket module. Each audience has its own namespace and credential;
// the client's Socket reverses the server's event maps.
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION, type Ack, type AdminClientEvents, type AdminServerEvents, type RepClientEvents, type RepServerEvents,
  type Reply, type StudentClientEvents, type StudentServerEvents,
} from '../../shared/protocol.ts';

export const ACK_TIMEOUT_MS = 10_000;
const NO_ANSWER_MESSAGE = 'No answer from the server. Check the Wi-Fi and try again.';

export type StudentSocket = Socket<StudentServerEvents, StudentClientEvents>;
export type RepSocket = Socket<RepServerEvents, RepClientEvents>;
export type AdminSocket = Socket<AdminServerEvents, AdminClientEvents>;

// forceNew: each page owns its connection and closes it on cleanup, never sharing a manager.
// The version tells the server which protocol this page's code speaks (server/realtime/version.ts).
// It connects in a task of its own, after the page has drawn itself: a slow phone's first frame
// does not wait for the handshake's work, and what is emitted before then waits in the socket.
const closed = new WeakSet<Socket>();
function open(namespace: string, credential: Record<string, string>) {
  const socket = io(namespace, { auth: { ...credential, version: PROTOCOL_VERSION }, forceNew: true, autoConnect: false });
  setTimeout(() => closed.has(socket) || socket.connect());
  return socket;
}

/** Closes a page's socket for good, even one whose connection has not started yet. */
export function closeSocket(socket: Socket<any, any>): void {
  closed.add(socket);
  socket.disconnect();
}
export const connectStudent = (key: string): StudentSocket => open('/student', { key });
export const connectRep = (token: string): RepSocket => open('/rep', { token });
export const connectAdmin = (token: string): AdminSocket => open('/admin', { token });

type Fn = (...args: any[]) => void;
type AllButLast<T extends unknown[]> = T extends [...infer Head, unknown] ? Head : never;
type ArgsOf<F> = F extends Fn ? AllButLast<Parameters<F>> : never;
type Last<T extends unknown[]> = T extends [...unknown[], infer L] ? L : never;
type DataOf<F> = F extends Fn ? (Last<Parameters<F>> extends Ack<infer T> ? T : never) : never;

/** Emits and waits for the reply; a timeout becomes an error reply like any other. */
export async function call<E extends { [K in keyof E]: Fn }, K extends keyof E & string>(
  socket: Socket<any, E>,
  event: K,
  ...args: ArgsOf<E[K]>
): Promise<Reply<DataOf<E[K]>>> {
  try {
    // socket.io's decorated timeout types do not survive the generic map; the reply shape is the contract's.
    const emitter = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(ev: string, ...a: unknown[]): Promise<unknown> };
    return (await emitter.emitWithAck(event, ...args)) as Reply<DataOf<E[K]>>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: NO_ANSWER_MESSAGE } };
  }
}

type InputOf<F> = ArgsOf<F> extends [infer I] ? I : never;

/** An outbox's `act`, typed for one namespace: the event's input without the id the outbox adds. */
export type Act<E> = <K extends keyof E & string>(event: K, input: Omit<InputOf<E[K]>, 'id'>) => Promise<Reply<DataOf<E[K]>>>;
