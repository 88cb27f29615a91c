// Long work (a snapshot, an export) steps aside between pieces so sockets and other requests are served.

/** Resolves in the next turn of the event loop, after the I/O that came meanwhile. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
