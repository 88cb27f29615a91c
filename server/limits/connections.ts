// How many connections the server takes at once, worked out from how many files it may open.
// Every connection is an open file (its socket). If connections took the last ones, the store could
// not open the files a snapshot or a journal rotation needs (EMFILE), which would read as a failing
// disk, and not even /healthz could be answered. So connections get a budget below the limit, and
// past it they are shed at three points, each further along than the one before:
//
//   sessions     a phone or tablet joining its namespace is refused with a sentence to show
//   handshakes   a new socket.io session is refused outright (engine.io's allowRequest): the
//                clients that open sessions and never join, or join nothing the sentence reaches
//   connections  a new connection of any kind is closed at once (net.Server's maxConnections)
//
// Between the first two and the last there is room for plain HTTP (/healthz, the organiser's
// calls, pages loading) and for the refusals themselves, which need a connection to be told. Under
// the last, a reserve stays for the store and for the static files being sent.

/**
 * Files the store may open at one moment, with room to spare: a rotation opens the new journal,
 * then the folder to sync it; a snapshot its temp file, then the folder; a reload after a failed
 * write reads one file at a time. Three at most today; the rest is for Node's own (a DNS lookup).
 */
export const STORE_FILES = 16;
/** Static files sent at once (http/plumbing/static.ts): each is open for as long as its download. */
export const STATIC_FILES_AT_ONCE = 32;
/** The share of the connections kept for plain HTTP and refusals, above the sessions; at least MIN_HTTP_CONNECTIONS. */
const HTTP_SHARE = 0.05;
const MIN_HTTP_CONNECTIONS = 64;

/** The fair Boothlink is built for, on one process: 5,000 phones and 500 tablets, a connection each. */
export const FAIR_PHONES = 5_000;
export const FAIR_TABLETS = 500;

/** Counts of open connections (sockets of any kind), past which each kind of newcomer is shed. */
export interface ConnectionCapacity {
  /** Files this process may open (its soft limit, which Node raised to the hard one at start). */
  fileLimit: number;
  /** A phone or tablet joins while at most this many connections are open: what the server holds. */
  sessions: number;
  /** A new socket.io session is opened while at most this many are open. */
  handshakes: number;
  /** Connections held at once; one more is closed as soon as it is accepted. */
  connections: number;
}

/** `openFiles`: what the process holds before the first connection (the journal, the listening socket, Node's own). */
export function connectionCapacity(fileLimit: number, openFiles: number): ConnectionCapacity {
  const connections = Math.max(0, fileLimit - openFiles - STORE_FILES - STATIC_FILES_AT_ONCE);
  const http = Math.min(connections, Math.max(MIN_HTTP_CONNECTIONS, Math.ceil(connections * HTTP_SHARE)));
  const sessions = connections - http;
  return { fileLimit, sessions, handshakes: sessions + Math.floor(http / 2), connections };
}
