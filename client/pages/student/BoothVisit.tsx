// The booth page once the student has a profile: the referrals that concern this booth, then the
// consent (Share) or, once shared, the interview request. A chunk of its own: a phone that has not
// saved its details yet does not load it (the page's size budget, bench/README.md).
import { Show } from 'solid-js';
import type { BoothPublic, Profile, StudentView } from '../../../shared/protocol.ts';
import { clock } from '../../../shared/time.ts';
import { InterviewSection } from './InterviewSection.tsx';
import { Referrals, referralsAt } from './Referrals.tsx';
import { listFields, ShareStep } from './ShareStep.tsx';
import type { StudentSession } from './session.ts';

export default function BoothVisit(props: { booth: BoothPublic; view: StudentView; profile: Profile; session: StudentSession }) {
  const visit = () => props.view.visits.find((v) => v.booth.id === props.booth.id);
  const referrals = () => referralsAt(props.view.referrals, props.booth.slug);
  return (
    <>
      <Show when={referrals().to.length > 0}>
        <p class="done" data-testid="referred-here">
          {[...new Set(referrals().to.map((r) => r.from.employer))].join(' and ')} suggested you come here.
        </p>
      </Show>
      <Show when={visit()} fallback={<ShareStep booth={props.booth} profile={props.profile} session={props.session} />}>
        {(v) => (
          <>
            <p class="done">Your details were shared at {clock(v().sharedAt, props.booth.timeZone)}</p>
            <p class="muted">
              {props.booth.employer} has your {listFields(v().fields)}.
            </p>
            <InterviewSection booth={props.booth} request={v().requests[0]} refused={v().askRefused} session={props.session} />
          </>
        )}
      </Show>
      <Show when={referrals().from.length > 0}>
        <section class="step" aria-labelledby="suggested-heading">
          <h2 id="suggested-heading">Suggested for you</h2>
          <Referrals referrals={referrals().from} />
        </section>
      </Show>
    </>
  );
}
