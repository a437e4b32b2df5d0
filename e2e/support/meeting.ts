// The staff meeting page shows one step of the meeting's cycle at a time (Saksliste, Innkalling, Møte,
// Protokoll, Godkjenning): a spec opens the step it works in from the step list, as a person would.
import { expect, type Locator, type Page } from '@playwright/test';

export type TMeetingStepName = 'Saksliste' | 'Innkalling' | 'Møte' | 'Protokoll' | 'Godkjenning';

/** The link to one step in the page's step list. */
export function stepLink(page: Page, name: TMeetingStepName): Locator {
  return page.getByRole('navigation', { name: 'Møtets steg' }).getByRole('link', { name: new RegExp(`^${name}\\b`) });
}

/** Opens a step of the meeting page and waits until it is the current one. */
export async function openStep(page: Page, name: TMeetingStepName): Promise<void> {
  const link = stepLink(page, name);
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'step');
}
