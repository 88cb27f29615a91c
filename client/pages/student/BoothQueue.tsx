// How long the wait is likely to be: the requests waiting for an answer and the next slot a rep on
// duty still has free, in the fair's time zone. The server pushes both with 'booth:changed', and
// writes the same sentence in the booth page's HTML (shared/boothStatus.ts).
import type { BoothPublic } from '../../../shared/protocol.ts';
import { queueText } from '../../../shared/boothStatus.ts';

export function BoothQueue(props: { booth: BoothPublic }) {
  return <p data-testid="booth-queue">{queueText(props.booth)}</p>;
}
