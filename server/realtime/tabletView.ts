// A tablet's whole view of its booth (rep:load, and rep:sync after a reconnect), its visitors'
// cards made a few at a time. At 300,000 introductions a booth holds ~1,000 visitors: making their
// cards took ~17 ms, in the same turn as encoding and sending them (~1 MB), ~46 ms in all with a
// scavenge, the server's longest block after a start (bench/README.md, "Event loop and exports").
import type { RepView, VisitorCard } from '../../shared/protocol.ts';
import type { FairState, Rep } from '../domain/types.ts';
import { repViewOf, visitorCard } from '../domain/views.ts';
import { mapInTurns, nextTurn, TURN_MS } from '../turns.ts';

/**
 * `repView`, with the cards made over turns and sent from a turn of their own. The view's number is
 * the booth's when it was asked for. A card is made from the introduction as it is when its turn
 * comes: one changed meanwhile is shown as it now is (its push, numbered after the view, changes
 * nothing more), and one withdrawn or erased meanwhile is left out, so a tablet never gets the card
 * of a student who took back their consent. `ms`: how long a turn may make cards (tests shorten it).
 */
export async function tabletView(state: FairState, rep: Rep, epoch: string, since?: number, ms = TURN_MS): Promise<RepView> {
  const { view, visitors } = repViewOf(state, rep, epoch, since);
  const cards: VisitorCard[] = [];
  for await (const made of mapInTurns(visitors, (intro) => {
    const current = state.introductions.get(intro.id);
    return current && visitorCard(state, current);
  }, ms)) {
    for (const card of made) if (card !== undefined) cards.push(card);
  }
  await nextTurn(); // socket.io encodes and writes the answer where it is returned: in a turn of its own
  return { ...view, visitors: cards };
}
