// "Tablets on line" on the organiser's dashboard: a fact of the sockets, not of the fair's state.
// One tablet (one pairing) open in two tabs counts once; a revoked one is being dropped and does not count.
import type { Namespace } from 'socket.io';
import type { FairState } from '../domain/types.ts';

/**
 * Each booth's connected tablets, by booth id; booths with none are left out. Past one machine,
 * those of every process (socket.io asks the others through the adapter).
 */
export async function tabletsOnline(reps: Namespace, state: () => FairState): Promise<Map<string, number>> {
  const sockets = await reps.fetchSockets();
  const tabletsOf = new Map<string, Set<string>>();
  for (const socket of sockets) {
    const repId = (socket.data as { repId?: string }).repId;
    const rep = repId === undefined ? undefined : state().reps.get(repId);
    if (!rep || rep.revokedAt) continue;
    const tablets = tabletsOf.get(rep.boothId);
    if (tablets) tablets.add(rep.id);
    else tabletsOf.set(rep.boothId, new Set([rep.id]));
  }
  return new Map([...tabletsOf].map(([boothId, tablets]) => [boothId, tablets.size]));
}
