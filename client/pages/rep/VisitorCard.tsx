// One visitor (one introduction) on the tablet: what the student shared, and the booth's notes.
import { Show } from 'solid-js';
import type { VisitorCard as Visitor } from '../../../shared/protocol.ts';
import { clock } from '../../../shared/time.ts';
import { StudentDetails } from './StudentDetails.tsx';
import { VisitorTools, type ToolsSession } from './VisitorTools.tsx';

export function VisitorCard(props: { visitor: Visitor; session: ToolsSession; timeZone: string; fresh: boolean }) {
  return (
    <article class="card" classList={{ 'card--new': props.fresh }} data-testid="visitor-card">
      <header class="card__head">
        <h3>{props.visitor.student.name}</h3>
        <Show when={props.visitor.walkUp}>
          <span class="tag tag--walkup">Walk-up</span>
        </Show>
        <span class="muted">
          {props.visitor.walkUp ? 'Typed on the tablet at' : 'Shared at'} {clock(props.visitor.sharedAt, props.timeZone)}
        </span>
      </header>
      <StudentDetails student={props.visitor.student} />
      <VisitorTools visitor={props.visitor} session={props.session} timeZone={props.timeZone} />
    </article>
  );
}
