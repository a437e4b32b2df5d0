// The demo accounts (README "Demo accounts") and two ways to sign in: through the sign-in page, as a
// person does, and through POST /api/auth/login, for steps that only need a session.
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const demoPassword = 'samrad-demo';
export const accounts = {
  admin: 'admin@demo.samrad.no',
  staff: 'leder@demo.samrad.no',
  council: 'rad@demo.samrad.no',
  municipality: 'ansatt@molde.demo.samrad.no',
} as const;

export type TAccount = keyof typeof accounts;

/** Signs in through the API; the session cookie lands in the request context (shared with its page). */
export async function signInByApi(request: APIRequestContext, who: TAccount) {
  const res = await request.post('/api/auth/login', { data: { email: accounts[who], password: demoPassword } });
  expect(res.status(), `sign-in as ${accounts[who]}`).toBe(200);
}

/**
 * Signs in through /logg-inn as a person does; done when the page offers "Logg ut" (on a phone it is
 * folded behind the header's «Meny», so it is looked for there too).
 */
export async function signInThroughPage(page: Page, who: TAccount) {
  await page.goto('/logg-inn');
  await page.getByLabel('E-post').fill(accounts[who]);
  await page.getByLabel('Passord').fill(demoPassword);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Logg ut', includeHidden: true })).toBeAttached();
}

/**
 * Opens the header's «Meny» when the screen is narrow enough to fold the navigation, the language switch
 * and «Logg ut» behind it (below 48rem, styles.css); on a wider screen it does nothing.
 */
export async function openHeaderMenu(page: Page) {
  const menu = page.locator('header .app-menu-button');
  if (await menu.isVisible() && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
}
