// The booth's facts the server put in the page (server/http/routes/boothPage.ts): shown by the
// server's markup before the app has loaded, then by the app at once from the JSON in that markup,
// until the socket's own answer comes. The markup goes when the booth page shows (and with it the
// facts): a later page of another booth asks the server.
import { PRERENDERED_ID } from '../../shared/paths.ts';
import type { BoothPublic } from '../../shared/protocol.ts';

/** The facts the page came with, if they are this booth's. */
export function prerenderedBooth(slug: string): BoothPublic | undefined {
  const facts = document.getElementById(PRERENDERED_ID)?.dataset.booth;
  if (facts === undefined) return undefined;
  try {
    const booth = JSON.parse(facts) as BoothPublic;
    return booth.slug === slug ? booth : undefined;
  } catch {
    return undefined; // unreadable: the socket's answer will do
  }
}

/** Removes the server's markup, once the app shows the booth itself. */
export function dropPrerendered(): void {
  document.getElementById(PRERENDERED_ID)?.remove();
}

/**
 * Runs `mount` once the browser has shown the server's markup, if the page has any: the app's own
 * markup then replaces what the phone already shows, instead of the two racing for the first frame
 * when the code arrives as fast as the page (the phone's largest paint would wait for the code).
 */
export function mountAfterFirstPaint(mount: () => void): void {
  const shown = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  // A tab opened in the background paints only when shown: no reason to wait for that.
  if (!document.getElementById(PRERENDERED_ID) || shown() || document.visibilityState === 'hidden') return mount();
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    mount();
  };
  const observer = typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('paint')
    ? new PerformanceObserver(() => shown() && once())
    : undefined;
  observer?.observe({ type: 'paint', buffered: true });
  if (!observer) requestAnimationFrame(() => setTimeout(once)); // no paint timing: after the next frame
}
