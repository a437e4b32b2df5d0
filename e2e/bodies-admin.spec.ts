// Bodies over time in the admin pages (issue 12): a professional group is made with its validity period
// and ended, which hides it from the list until asked for; its members get an employee representative
// and a deputy who names the member they stand in for; and a member's role changes from a date in one
// action. Everything through the pages; the API only checks what they made. A body of its own, so the
// demo's bodies stay as they are.
import { expect, test } from '@playwright/test';
import { signInThroughPage } from './support/accounts';

const bodyName = 'Faggruppe oppvekst (e2e)';

test('a body is made, given members, a deputy and a role change, and ended', async ({ page }) => {
  // Some twenty saves through the pages; on a loaded machine more than the default minute.
  test.setTimeout(180_000);
  await signInThroughPage(page, 'admin');
  const people = [['Lid', 'Åse'], ['Berg', 'Ola'], ['Vik', 'Per']];
  for (const [familyName, givenName] of people) {
    const res = await page.request.post('/api/people', { data: { familyName: `${familyName} e2e`, givenName } });
    expect(res.status()).toBe(201);
  }
  await page.goto('/admin?fane=organer');
  const newBody = page.getByRole('form', { name: 'Nytt organ' });
  await newBody.getByLabel('Navn').fill(bodyName);
  await newBody.getByLabel('Gyldig fra').fill('2024-01-01');
  // A pattern of its own, previewed as it is typed, refused in the preview until it can number cases.
  await newBody.getByLabel('Saksnummerering').selectOption({ label: 'Løpende i året (ST 39/18)' });
  await newBody.getByLabel('Prefiks for saksnummer').fill('FG');
  await newBody.getByLabel('Eget mønster for saksnummer').fill('{body} {n}');
  await expect(newBody.getByText(/^Kan ikke brukes: .*året/)).toBeVisible();
  await newBody.getByLabel('Eget mønster for saksnummer').fill('{body} {n}/{yy}');
  const yy = String(new Date().getFullYear() % 100).padStart(2, '0');
  await expect(newBody.getByText(`Slik blir numrene: FG 1/${yy}, FG 2/${yy}, FG 3/${yy}`)).toBeVisible();
  await newBody.getByRole('button', { name: 'Legg til organ' }).click();
  await page.getByRole('button', { name: `Vis medlemmer ${bodyName}` }).click();

  const addMember = async (name: string, role: string, deputyFor?: string) => {
    const form = page.getByRole('form', { name: 'Nytt medlem' });
    await form.getByLabel('Person').selectOption({ label: name });
    await form.getByLabel('Rolle i organet').selectOption({ label: role });
    if (deputyFor) await form.getByLabel('Vara for').selectOption({ label: deputyFor });
    await form.getByLabel('Fra').fill('2024-01-01');
    await form.getByRole('button', { name: 'Legg til medlem' }).click();
    await expect(page.getByRole('row').filter({ hasText: name }).first()).toBeVisible();
  };
  await addMember('Lid e2e, Åse', 'Ansattrepresentant');
  await addMember('Berg e2e, Ola', 'Medlem');
  await addMember('Vik e2e, Per', 'Varamedlem', 'Berg e2e, Ola');
  await expect(page.getByRole('row').filter({ hasText: 'Vik e2e, Per' })).toContainText('Varamedlem (vara for Berg e2e, Ola)');

  // Ola Berg becomes deputy chair from 1 July 2025: one action, two memberships.
  await page.getByRole('button', { name: 'Bytt rolle Berg e2e, Ola' }).click();
  const change = page.getByRole('form', { name: 'Bytt rolle for Berg e2e, Ola' });
  await change.getByLabel('Rolle i organet').selectOption({ label: 'Nestleder' });
  await change.getByLabel('Ny rolle fra').fill('2025-07-01');
  await change.getByRole('button', { name: 'Bytt rolle' }).click();
  await expect(change).toHaveCount(0);
  await page.getByLabel('Vis bare nåværende medlemmer').uncheck();
  // Ola Berg's own rows (the deputy's row names him too).
  const rows = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Berg e2e, Ola', exact: true }) });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Medlem' })).toContainText('30.06.2025');
  await expect(rows.filter({ hasText: 'Nestleder' })).toContainText('01.07.2025');

  // Ending the body: it leaves the list, and comes back with the toggle, members and all.
  await page.getByRole('button', { name: `Rediger ${bodyName}` }).click();
  const edit = page.getByRole('form', { name: `Endre ${bodyName}` });
  await edit.getByLabel('Gyldig til').fill('2025-12-31');
  await edit.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('cell', { name: bodyName, exact: true })).toHaveCount(0);
  await page.getByLabel(/Vis også avsluttede organer/).check();
  await expect(page.getByRole('row').filter({ hasText: bodyName })).toContainText('01.01.2024–31.12.2025');

  const bodies = await (await page.request.get('/api/bodies?current=false')).json() as { bodies: { id: string; name: string; casePattern: string | null; casePrefix: string | null }[] };
  const ended = bodies.bodies.find((b) => b.name === bodyName)!;
  const members = await (await page.request.get(`/api/bodies/${ended.id}/members`)).json() as { members: { role: string; toDate: string | null }[] };
  expect(members.members.map((m) => m.role).sort()).toEqual(['ansattrepresentant', 'medlem', 'nestleder', 'varamedlem']);
  expect(bodies.bodies.find((b) => b.name === bodyName)).toMatchObject({ casePattern: '{body} {n}/{yy}', casePrefix: 'FG' });
});
