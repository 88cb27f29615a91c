// When personal data goes by itself: the retention date and a countdown on the server's clock
// (the laptop's own clock may be off; the server's is the one that purges).
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import type { FairInfo } from '../../../shared/protocol.ts';
import { createAdminApi } from './api.ts';
import { countdown, longDate, savedFair } from './fairCalendar.ts';

const TICK_MS = 30_000;

export function RetentionCountdown(props: { token: string }) {
  const [loaded, setLoaded] = createSignal<{ fair: FairInfo; offsetMs: number }>();
  const [nowMs, setNowMs] = createSignal(Date.now());
  const remember = (fair: FairInfo) => setLoaded({ fair, offsetMs: Date.parse(fair.now) - Date.now() });

  onMount(async () => {
    const reply = await createAdminApi(props.token).fair();
    if (reply.ok && !savedFair()) remember(reply.data);
  });
  const timer = setInterval(() => setNowMs(Date.now()), TICK_MS);
  onCleanup(() => clearInterval(timer));

  /** The fair as just saved on this page, else as loaded; with the server's clock offset. */
  const current = () => {
    const saved = savedFair();
    return saved ? { fair: saved, offsetMs: Date.parse(saved.now) - Date.now() } : loaded();
  };
  const left = () => {
    const c = current();
    return c && countdown(Date.parse(c.fair.purgeAt) - (nowMs() + c.offsetMs));
  };

  return (
    <Show when={current()}>
      {(c) => (
        <p class="retention" data-testid="retention">
          <Show
            when={left()}
            fallback={<>The retention date, {longDate(c().fair.retentionDate)}, has come: the server purges personal data by itself.</>}
          >
            {(inTime) => (
              <>
                Personal data is purged by itself on <strong>{longDate(c().fair.retentionDate)}</strong> at 00:00 ({c().fair.timeZone}),{' '}
                <strong>{inTime()}</strong>: {c().fair.retentionDays} {c().fair.retentionDays === 1 ? "day" : "days"} after the fair. Change the days kept in the fair settings.
              </>
            )}
          </Show>
        </p>
      )}
    </Show>
  );
}
