// The booth page's first step on a phone that has no profile yet. A chunk of its own, with the
// form's checks (valibot): a returning student's booth page does not load them.
import type { Profile, Reply, StudentView } from '../../../shared/protocol.ts';
import { ProfileForm } from '../../components/ProfileForm.tsx';

export default function ProfileStep(props: { save: (profile: Profile) => Promise<Reply<StudentView>> }) {
  return (
    <section class="step">
      <h2>Your details</h2>
      <p class="muted">Fill this in once. It stays on the fair's server, and a booth sees it only when you tap Share.</p>
      <ProfileForm profile={null} submitLabel="Save my details" save={props.save} />
    </section>
  );
}
