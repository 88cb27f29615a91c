// The organiser page's tasks, one view each: the address keeps the task (/admin#booths), so a
// reload, a bookmark or the back button lands on the same one.
import { createEffect, createMemo, For, on, onCleanup, type JSX } from 'solid-js';
import { useLocation } from '@solidjs/router';

export const TASKS = [
  { id: 'setup', label: 'Set up', title: 'Set up the fair' },
  { id: 'booths', label: 'Booths', title: 'Booths' },
  { id: 'live', label: 'Live', title: 'Live' },
  { id: 'export', label: 'Export', title: 'Export' },
  { id: 'after', label: 'After the fair', title: 'After the fair' },
] as const;
export type TaskId = (typeof TASKS)[number]['id'];

/** `#booths` → 'booths'; anything else (no hash, the token link's fragment) → the first task. */
export const taskFromHash = (hash: string): TaskId => TASKS.find((task) => `#${task.id}` === hash)?.id ?? TASKS[0].id;

const headingId = (id: TaskId) => `task-${id}-heading`;

/** The task the address names. On a switch, focus goes to its heading so a screen reader reads where it landed. */
export function createTask() {
  const location = useLocation();
  const task = createMemo(() => taskFromHash(location.hash));
  createEffect(on(task, (id) => document.getElementById(headingId(id))?.focus({ preventScroll: true }), { defer: true }));
  createEffect(() => (document.title = `${TASKS.find((t) => t.id === task())!.label} · Organiser · Boothlink`));
  onCleanup(() => (document.title = 'Boothlink'));
  return task;
}

export function TaskNav(props: { current: TaskId }) {
  return (
    <nav class="tasks" aria-label="Organiser tasks">
      <ul>
        <For each={TASKS}>
          {(task) => (
            <li>
              <a href={`#${task.id}`} aria-current={props.current === task.id ? 'page' : undefined}>
                {task.label}
              </a>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}

/** One task's view; the others stay in the page, hidden, so a half-filled form survives a switch. */
export function TaskPanel(props: { id: TaskId; current: TaskId; children: JSX.Element }) {
  return (
    <section class="task" id={`task-${props.id}`} aria-labelledby={headingId(props.id)} hidden={props.current !== props.id}>
      <h2 id={headingId(props.id)} tabindex="-1">
        {TASKS.find((t) => t.id === props.id)!.title}
      </h2>
      {props.children}
    </section>
  );
}
