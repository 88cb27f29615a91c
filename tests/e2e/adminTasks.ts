// The organiser page shows one task at a time: a test opens the one it works in, as a person would.
import type { Page } from 'playwright-core';

export type AdminTask = 'Set up' | 'Booths' | 'Live' | 'Export' | 'After the fair';

/** Clicks the task in the page's task bar and waits until its view is the one shown. */
export async function openTask(page: Page, task: AdminTask): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Organiser tasks' }).getByRole('link', { name: task, exact: true });
  await link.click();
  await link.and(page.locator('[aria-current="page"]')).waitFor();
}
