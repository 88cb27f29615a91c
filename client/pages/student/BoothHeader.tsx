// What a student sees first: who the booth is, how long the wait is, what they hire for, who is there to talk to.
import { For, Show } from 'solid-js';
import { pathTo, REP_VCARD } from '../../../shared/paths.ts';
import type { BoothPublic, RepPublic } from '../../../shared/protocol.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { BoothQueue } from './BoothQueue.tsx';

export function BoothHeader(props: { booth: BoothPublic }) {
  return (
    <header class="booth">
      <p class="booth__fair">{props.booth.fairName}</p>
      <h1>{props.booth.employer}</h1>
      <p class="booth__meta">
        <Show when={props.booth.booth}>
          <span>Booth {props.booth.booth}</span>
        </Show>
        <StatusBadge status={props.booth.status} />
      </p>
      <BoothQueue booth={props.booth} />
      <Show when={props.booth.description}>
        <p class="booth__description">{props.booth.description}</p>
      </Show>
      <Show when={props.booth.roles.length > 0}>
        <h2 class="label">Hiring for</h2>
        <ul class="chips">
          <For each={props.booth.roles}>{(role) => <li>{role}</li>}</For>
        </ul>
      </Show>
      <h2 class="label">Reps on duty</h2>
      <Show when={props.booth.reps.length > 0} fallback={<p class="muted">Nobody is signed in at this booth right now.</p>}>
        <ul class="reps">
          <For each={props.booth.reps}>{(rep) => <RepContact rep={rep} slug={props.booth.slug} />}</For>
        </ul>
      </Show>
    </header>
  );
}

/** One rep, with a link that saves their contact card to the phone; `employer` where the list mixes booths. */
export function RepContact(props: { rep: RepPublic; slug: string; employer?: string }) {
  return (
    <li>
      <span>
        <strong>{props.rep.name}</strong>
        <Show when={props.rep.title || props.employer}>
          <span class="muted">
            {props.rep.title ? `, ${props.rep.title}` : ''}
            <Show when={props.employer}> · {props.employer}</Show>
          </span>
        </Show>
      </span>
      <a class="button button--small" href={pathTo(REP_VCARD, { slug: props.slug, repId: props.rep.id })} download="" aria-label={`Save contact: ${props.rep.name}`}>
        Save contact
      </a>
    </li>
  );
}
