// Where reps sent the student on: another booth of the fair, one tap away, or a colleague who is
// not at the fair, with their contact card. The list arrives with the view ('student:changed').
import { For, Show } from 'solid-js';
import { pathTo, REFERRAL_VCARD } from '../../../shared/paths.ts';
import type { StudentReferral } from '../../../shared/protocol.ts';

/** "Globex (booth 14)", or just "Globex" for a booth without a number. */
const boothName = (to: { employer: string; booth: string }) => (to.booth ? `${to.employer} (booth ${to.booth})` : to.employer);

export function Referrals(props: { referrals: StudentReferral[] }) {
  return (
    <ul class="list" data-testid="referrals">
      <For each={props.referrals}>{(referral) => <Referral referral={referral} />}</For>
    </ul>
  );
}

function Referral(props: { referral: StudentReferral }) {
  const from = () => props.referral.from.employer;
  const to = () => props.referral.to;
  return (
    <li>
      <Show
        when={to().kind === 'booth' && (to() as Extract<StudentReferral['to'], { kind: 'booth' }>)}
        fallback={<Contact referral={props.referral} />}
      >
        {(booth) => (
          <p>
            {from()} suggests you visit <a href={`/b/${booth().slug}`}>{boothName(booth())}</a>
          </p>
        )}
      </Show>
      <Show when={props.referral.note}>
        <p class="quote">{props.referral.note}</p>
      </Show>
    </li>
  );
}

function Contact(props: { referral: StudentReferral }) {
  const contact = () => props.referral.to as Extract<StudentReferral['to'], { kind: 'contact' }>;
  return (
    <>
      <p>
        {props.referral.from.employer} suggests you contact <strong>{contact().name}</strong>
        {contact().role ? `, ${contact().role}` : ''}
      </p>
      <p>
        <a href={`mailto:${contact().email}`}>{contact().email}</a>
      </p>
      <a
        class="button button--small"
        href={pathTo(REFERRAL_VCARD, { referralId: props.referral.id })}
        download=""
        aria-label={`Save contact: ${contact().name}`}
      >
        Save contact
      </a>
    </>
  );
}

/** The referrals that concern the booth page of `slug`: sent from it, or sent to it. */
export function referralsAt(referrals: StudentReferral[] | undefined, slug: string) {
  const all = referrals ?? [];
  return {
    from: all.filter((r) => r.from.slug === slug),
    to: all.filter((r) => r.to.kind === 'booth' && r.to.slug === slug),
  };
}
