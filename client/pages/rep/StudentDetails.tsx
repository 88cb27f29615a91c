// The part of a student's profile they chose to share, shown as plain text (links too).
import { For } from 'solid-js';
import type { StudentCard } from '../../../shared/protocol.ts';

const ROWS: [keyof StudentCard, string][] = [
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['school', 'School'],
  ['programme', 'Programme'],
  ['graduationYear', 'Graduates'],
  ['link', 'Link'],
  ['interests', 'Interests'],
];

export function StudentDetails(props: { student: StudentCard }) {
  return (
    <dl class="student">
      <For each={ROWS.filter(([key]) => props.student[key])}>
        {([key, label]) => (
          <div>
            <dt>{label}</dt>
            <dd>{props.student[key]}</dd>
          </div>
        )}
      </For>
    </dl>
  );
}
