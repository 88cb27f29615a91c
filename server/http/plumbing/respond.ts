// Writing answers: JSON, errors in the one shape every client reads, and file downloads.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ErrorBody, ErrorCode, Reply } from '../../../shared/protocol.ts';
import type { FieldErrors } from '../../../shared/schema.ts';
import { nextTurn, TURN_MS } from '../../turns.ts';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  STORAGE: 503,
  GAVE_UP: 500, // a device's own answer to an action it stopped resending: no reply of the server's carries it
};

/** Thrown anywhere below a route to answer with an error; the handler writes it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: OutgoingHttpHeaders = {},
  ) {
    super(body.message);
  }
}

export function httpError(status: number, code: ErrorCode, message: string, fields?: FieldErrors): HttpError {
  return new HttpError(status, fields ? { code, message, fields } : { code, message });
}

const JSON_HEADERS: OutgoingHttpHeaders = {
  'Content-Type': 'application/json; charset=utf-8',
  // Organiser answers carry pairing codes and personal data: no cache keeps them.
  'Cache-Control': 'no-store',
};

export function sendJson(res: ServerResponse, status: number, data: unknown, headers: OutgoingHttpHeaders = {}): void {
  const body = JSON.stringify(data);
  res.writeHead(status, { ...JSON_HEADERS, 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/**
 * A JSON answer the caller serialises in pieces, written over many turns (endInTurns): one write of
 * an answer of megabytes (an import's 10,000 booths, 4 MB) held the event loop 8-35 ms.
 */
export async function sendJsonPieces(res: ServerResponse, status: number, pieces: Iterable<string>, perWrite = 1): Promise<void> {
  res.writeHead(status, JSON_HEADERS);
  await endInTurns(res, pieces, perWrite);
}

/**
 * Writes the pieces, `perWrite` of them gathered into one write, or fewer once making them has held
 * the loop TURN_MS (cold code, a busy machine), and takes a turn of the event loop after each write
 * (so making the pieces is spread over turns too); then ends the response. The first piece is made
 * in a turn after the request's: that one runs on into the next before timers and sockets get theirs.
 */
export async function endInTurns(res: ServerResponse, pieces: Iterable<string>, perWrite = 1): Promise<void> {
  await nextTurn();
  let text = '';
  let gathered = 0;
  let since = performance.now();
  for (const piece of pieces) {
    text += piece;
    if ((gathered += 1) < perWrite && performance.now() - since < TURN_MS) continue;
    await writeWithBackpressure(res, text);
    text = '';
    gathered = 0;
    await nextTurn();
    since = performance.now();
  }
  res.end(text);
}

/** A file made as a stream: piped with backpressure; a client that goes away stops the making. */
export async function sendStream(res: ServerResponse, type: string, filename: string, body: Readable): Promise<void> {
  res.writeHead(200, downloadHeaders(type, filename));
  await pipeline(body, res);
}

/**
 * A JSON list of values serialised as the list is written, a piece each: made lazily (a generator),
 * each value is let go once written, rather than all of them kept until the last is made (the
 * scavenges that copied 10,000 booth views, 4 MB, took 20-30 ms each).
 */
export function* jsonListPieces(items: Iterable<string>): Generator<string> {
  yield '[';
  let first = true;
  for (const item of items) {
    yield first ? item : `,${item}`;
    first = false;
  }
  yield ']';
}

/** Pieces of a list of booth views (~400 bytes each) gathered into one write: ~200 KB. */
export const VIEWS_PER_WRITE = 500;

/** Resolves when the response can take more, or rejects if the client went away. */
export function writeWithBackpressure(res: ServerResponse, text: string): Promise<void> | void {
  if (res.write(text)) return;
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(Object.assign(new Error('The client went away.'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

export function sendError(res: ServerResponse, status: number, error: ErrorBody, headers: OutgoingHttpHeaders = {}): void {
  sendJson(res, status, { error }, headers);
}

/** Answers a domain command's reply: the data with `okStatus`, or the refusal with its code's status. */
export function sendReply<T>(res: ServerResponse, reply: Reply<T>, okStatus = 200): void {
  if (reply.ok) sendJson(res, okStatus, reply.data);
  else sendError(res, STATUS_BY_CODE[reply.error.code], reply.error);
}

/** Headers of a file the browser saves (or, `inline`, shows) and never caches. */
export function downloadHeaders(type: string, filename: string, disposition: 'attachment' | 'inline' = 'attachment'): OutgoingHttpHeaders {
  return {
    'Content-Type': type,
    'Content-Disposition': `${disposition}; filename="${filename}"`,
    'Cache-Control': 'no-store',
  };
}

export function sendDownload(res: ServerResponse, type: string, filename: string, body: string, disposition?: 'attachment' | 'inline'): void {
  res.writeHead(200, { ...downloadHeaders(type, filename, disposition), 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** A file name that is safe in a header and on every file system: ASCII letters, digits, - and _. */
export function safeFileName(text: string, fallback: string): string {
  const name = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return name || fallback;
}
