// Smoke: the server the tests start is up on the demo, and a person can sign in through the page.
import { expect, test } from '@playwright/test';
import { accounts, demoPassword, signInThroughPage } from './support/accounts';

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

test('the leader signs in through the sign-in page and signs out again', async ({ page }) => {
  await signInThroughPage(page, 'staff');
  await expect(page.getByRole('button', { name: 'Logg inn', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByRole('link', { name: 'Logg inn' })).toBeVisible();
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);
});

test('a wrong password on the sign-in page keeps the person signed out with a message', async ({ page }) => {
  await page.goto('/logg-inn');
  await page.getByLabel('E-post').fill(accounts.council);
  await page.getByLabel('Passord').fill('feil-passord');
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Logg ut' })).toHaveCount(0);
});

test('each role lands where its work is: staff on their overview, the council on the meetings, an employee on the service desk', async ({ browser }) => {
  for (const [who, path, heading] of [
    ['staff', '/oversikt', 'Oversikt'], ['council', '/moter', 'Møter'], ['municipality', '/kundeservice', 'Kundeservice'],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughPage(page, who);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await page.goto('/');
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await context.close();
  }
  // The staff overview lists what waits, each a link to where it is done.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughPage(page, 'staff');
  const desk = page.getByRole('region', { name: 'Kundeservice' });
  await desk.getByRole('link', { name: /åpne saker er ikke tildelt noen$/ }).click();
  await expect(page).toHaveURL(/\/kundeservice\/arbeidsliste\?queue=unassigned/);
  await context.close();
});
