// Reading request bodies: capped in size, checked for type, decoded as strict UTF-8.
import type { IncomingMessage } from 'node:http';
import type * as v from 'valibot';
import { BOOTH_IMPORT_LIMITS } from '../../../shared/api.ts';
import { parse } from '../../../shared/schema.ts';
import { httpError, HttpError } from './respond.ts';

const MAX_JSON_BYTES = 16 * 1024;
/** A booth import's file (why that size: shared/api.ts). */
const MAX_CSV_BYTES = BOOTH_IMPORT_LIMITS.bytes;

const NOT_JSON = 'The request body is not valid JSON.';

/** The media type without parameters, lower case: "text/csv; charset=utf-8" → "text/csv". */
function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

function charset(req: IncomingMessage): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
}

/** `advice`: what the person can do about it, when there is something. */
function tooLarge(what: string, maxBytes: number, advice = ''): HttpError {
  const limit = maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} MB` : `${maxBytes / 1024} KB`;
  const error = httpError(413, 'INVALID', `The ${what} is too large: at most ${limit}.${advice && ` ${advice}`}`);
  // The client may still be sending; closing is cheaper than reading the rest.
  return new HttpError(error.status, error.body, { Connection: 'close' });
}

/** Reads the whole body, refusing it as soon as it passes `maxBytes`. */
function readBody(req: IncomingMessage, maxBytes: number, what: string, advice?: string): Promise<Buffer> {
  if (Number(req.headers['content-length']) > maxBytes) return Promise.reject(tooLarge(what, maxBytes, advice));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        done();
        req.pause();
        reject(tooLarge(what, maxBytes, advice));
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onClose = () => {
      done();
      reject(httpError(400, 'INVALID', 'The request was cut off before its end. Try again.'));
    };
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

function utf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A JSON body (Content-Type: application/json, at most 16 KB), parsed but not yet validated. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  if (mediaType(req) !== 'application/json') {
    throw httpError(415, 'INVALID', 'Send the request body as JSON, with the header Content-Type: application/json.');
  }
  const text = utf8(await readBody(req, MAX_JSON_BYTES, 'request body'));
  if (text === undefined) throw httpError(400, 'INVALID', NOT_JSON);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw httpError(400, 'INVALID', NOT_JSON);
  }
}

/** A CSV body (text/csv or text/plain, UTF-8, at most 1 MB) as text. */
export async function readCsv(req: IncomingMessage): Promise<string> {
  const type = mediaType(req);
  if (type !== 'text/csv' && type !== 'text/plain') {
    throw httpError(415, 'INVALID', 'Send the CSV file itself as the request body, with the header Content-Type: text/csv.');
  }
  const declared = charset(req);
  const text = declared && declared !== 'utf-8' && declared !== 'utf8' && declared !== 'us-ascii'
    ? undefined
    : utf8(await readBody(req, MAX_CSV_BYTES, 'CSV file', 'Split the file and import each part.'));
  if (text === undefined) {
    throw httpError(400, 'INVALID', 'The CSV file is not UTF-8 text. In Excel, save it as "CSV UTF-8 (comma delimited)" and import it again.');
  }
  return text;
}

/** A JSON body validated with one of the shared schemas; a failure answers 400 with the field messages. */
export async function readInput<S extends v.GenericSchema>(req: IncomingMessage, schema: S): Promise<v.InferOutput<S>> {
  const result = parse(schema, await readJson(req));
  if (!result.ok) throw httpError(400, 'INVALID', result.message, result.fields);
  return result.value;
}
