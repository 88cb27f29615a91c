// How long the wait is likely to be: the requests waiting for an answer and the next slot a rep on
// duty still has free, in the fair's time zone. The server pushes both with 'booth:changed'.
import type { BoothPublic } from '../../../shared/protocol.ts';
import { clock } from '../../../shared/time.ts';

export function BoothQueue(props: { booth: BoothPublic }) {
  return (
    <p data-testid="booth-queue">
      {props.booth.waiting} waiting ·{' '}
      {props.booth.nextSlot ? `Next free slot ${clock(props.booth.nextSlot, props.booth.timeZone)}` : 'No free slots left today'}
    </p>
  );
}
