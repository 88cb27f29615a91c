// The booth page's first step on a phone that has no profile yet. The heading and the sentence are
// the page's largest text on a new phone, and the server's HTML carries them too (shared/firstVisit.ts).
// The step comes with the booth page's own code, form included, so the app replaces the server's copy
// in place and the form appears below it in the same frame: nothing on the page moves.
import type { Profile, Reply, StudentView } from '../../../shared/protocol.ts';
import { PROFILE_STEP_HEADING, PROFILE_STEP_INTRO } from '../../../shared/firstVisit.ts';
import { ProfileForm } from '../../components/ProfileForm.tsx';

export function ProfileStep(props: { save: (profile: Profile) => Promise<Reply<StudentView>> }) {
  return (
    <section class="step">
      <h2>{PROFILE_STEP_HEADING}</h2>
      <p class="muted">{PROFILE_STEP_INTRO}</p>
      <ProfileForm profile={null} submitLabel="Save my details" save={props.save} />
    </section>
  );
}
