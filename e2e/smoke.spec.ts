// Smoke: the server the tests start is up on the demo, and a person can sign in through the page.
import { expect, test } from '@playwright/test';
import { accounts, demoPassword } from './support/accounts';

test('the server answers /healthz once the database is migrated', async ({ request }) => {
  const res = await request.get('/healthz');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
});

test('the API refuses a wrong password and accepts the demo leader', async ({ request }) => {
  const wrong = await request.post('/api/auth/login', { data: { email: accounts.staff, password: 'feil-passord' } });
  expect(wrong.status()).toBe(401);
  const right = await request.post('/api/auth/login', { data: { email: accounts.staff, password: demoPassword } });
  expect(right.status()).toBe(200);
  const me = await request.get('/api/auth/me');
  expect(me.status()).toBe(200);
  expect(JSON.stringify(await me.json())).toContain(accounts.staff);
});

test('the leader signs in through the sign-in page', async ({ page }) => {
  await page.goto('/logg-inn');
  await page.getByLabel('E-post').fill(accounts.staff);
  await page.getByLabel('Passord').fill(demoPassword);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  // Signed in: the page leaves the sign-in form behind and offers to sign out.
  await expect(page.getByRole('button', { name: 'Logg inn' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Logg ut/ }).or(page.getByRole('link', { name: /Logg ut/ }))).toBeVisible();
});
