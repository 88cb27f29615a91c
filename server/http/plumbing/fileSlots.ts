// A fixed number of responses send a file at once; the others wait their turn, holding only their
// connection. Each file being sent is an open file for as long as its download lasts (a slow phone,
// or a client that stops reading), and the server's open files are counted out
// (limits/connections.ts): without a bound, downloads could take the ones the store needs.
import type { ServerResponse } from 'node:http';

/** `send` runs at once if a slot is free, else when one is; the slot is held until the response closes. */
export type FileSlots = (res: ServerResponse, send: () => void) => void;

export function fileSlots(max: number): FileSlots {
  let sending = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    while (sending < max && waiting.length > 0) waiting.shift()!();
  };
  return (res, send) => {
    let closed = false;
    res.once('close', () => {
      closed = true;
    });
    waiting.push(() => {
      if (closed) return; // gave up while it waited: nothing to send, no slot taken
      sending += 1;
      res.once('close', () => {
        sending -= 1;
        next();
      });
      send();
    });
    next();
  };
}
