import type { VisitorCard as Visitor } from '../../../shared/protocol.ts';
import { clock } from '../../lib/time.ts';
import { StudentDetails } from './StudentDetails.tsx';

export function VisitorCard(props: { visitor: Visitor; timeZone: string; fresh: boolean }) {
  return (
    <article class="card" classList={{ 'card--new': props.fresh }} data-testid="visitor-card">
      <header class="card__head">
        <h3>{props.visitor.student.name}</h3>
        <span class="muted">Shared at {clock(props.visitor.sharedAt, props.timeZone)}</span>
      </header>
      <StudentDetails student={props.visitor.student} />
    </article>
  );
}
