// The accessibility check every screen a person uses passes: axe-core's WCAG 2.0 A/AA, 2.1 AA and
// 2.2 AA rules with no violation, and on a tablet every control at least 44 px each way (axe's
// target-size rule asks for 24).
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const TABLET_TARGET_PX = 44;

/** Fails with each violation's rule, help text and the elements it found, so the report says what to fix. */
export async function expectAccessible(page: Page, options: { screen: string; tablet?: boolean }): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  // The list is in the message too: vitest shortens a long array in its diff.
  expect(found, `axe on ${options.screen}:\n  ${found.join('\n  ')}`).toEqual([]);
  if (options.tablet) expect(await smallTargets(page), `touch targets under ${TABLET_TARGET_PX} px on ${options.screen}`).toEqual([]);
}

/** Every visible control smaller than 44 × 44 px, named by its text or label. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>('button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])');
    const small: string[] = [];
    for (const el of controls) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not shown
      // A checkbox or radio counts with its label, which is what a finger taps.
      const label = (el as HTMLInputElement).labels?.[0];
      const area = label ? label.getBoundingClientRect() : box;
      const width = Math.max(box.width, area.width);
      const height = Math.max(box.height, area.height);
      if (width < min - 0.5 || height < min - 0.5) {
        const name = el.getAttribute('aria-label') || label?.textContent || el.textContent || el.getAttribute('name') || el.tagName;
        small.push(`${el.tagName.toLowerCase()} "${name.trim().slice(0, 40)}" ${Math.round(width)}×${Math.round(height)}`);
      }
    }
    return small;
  }, TABLET_TARGET_PX);
}
