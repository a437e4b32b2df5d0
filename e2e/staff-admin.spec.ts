// Staff and departments in the admin pages (issue 12): a department is made, a person gets a 100 %
// position in it, the position changes to 80 % from a date in one action (the old period ends the day
// before), and the staffing on a date before and after the change says so. Everything through the
// pages; the API only checks what they made. A department of its own, so the demo stays as it is.
import { expect, test } from '@playwright/test';
import { signInThroughPage } from './support/accounts';

const department = 'Drift (e2e)';
const person = 'Stab e2e, Siri';

test('a department and a position are made, and the position changes to 80 % from a date', async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughPage(page, 'admin');

  await page.goto('/admin?fane=personer');
  const newPerson = page.getByRole('form', { name: 'Ny person' });
  await newPerson.getByLabel('Etternavn').fill('Stab e2e');
  await newPerson.getByLabel('Fornavn').fill('Siri');
  await newPerson.getByRole('button', { name: 'Legg til person' }).click();
  await expect(page.getByRole('cell', { name: person, exact: true })).toBeVisible();

  await page.getByRole('navigation', { name: 'Deler av administrasjonen' }).getByRole('link', { name: 'Ansatte' }).click();
  await expect(page).toHaveURL(/fane=ansatte/);
  const newDepartment = page.getByRole('form', { name: 'Ny avdeling' });
  await newDepartment.getByLabel('Navn').fill(department);
  await newDepartment.getByRole('button', { name: 'Legg til avdeling' }).click();
  await expect(page.getByRole('table', { name: 'Avdelinger' }).getByRole('row').filter({ hasText: department })).toContainText('Aktiv');

  const newPosition = page.getByRole('form', { name: 'Ny stilling' });
  await newPosition.getByLabel('Person').selectOption({ label: person });
  await newPosition.getByLabel('Avdeling').selectOption({ label: department });
  await newPosition.getByLabel('Stillingstittel').fill('Driftstekniker');
  await newPosition.getByLabel('Stillingsprosent').fill('100');
  await newPosition.getByLabel('Fra').fill('2025-01-01');
  await newPosition.getByRole('button', { name: 'Legg til stilling' }).click();
  const positions = page.getByTestId('positions-table');
  await expect(positions.getByRole('row').filter({ hasText: person })).toContainText(/100\s%/);

  // 100 % becomes 80 % from 1 March 2025: one action, two periods.
  await page.getByRole('button', { name: `Endre fra dato ${person}, ${department} 01.01.2025` }).click();
  const change = page.getByRole('form', { name: `Endre stillingen til ${person} fra en dato` });
  await change.getByLabel('Ny stillingsprosent').fill('80');
  await change.getByLabel('Gjelder fra').fill('2025-03-01');
  await change.getByRole('button', { name: 'Endre fra dato' }).click();
  await expect(change).toHaveCount(0);
  await page.getByLabel('Vis bare stillinger som løper i dag eller senere').uncheck();
  const rows = positions.getByRole('row').filter({ hasText: person });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: '01.01.2025' })).toContainText('28.02.2025');
  await expect(rows.filter({ hasText: '01.03.2025' })).toContainText(/80\s%/);

  // The staffing on a date before the change, and after it.
  const staffing = page.getByTestId('staffing-table');
  const onDate = page.getByRole('region', { name: 'Bemanning per dato' }).getByLabel('Dato', { exact: true });
  await onDate.fill('2025-02-15');
  await expect(page.getByRole('heading', { name: 'Bemanning 15.02.2025' })).toBeVisible();
  await expect(staffing.getByRole('row').filter({ hasText: department })).toContainText(/1\s*1,0\s*100\s%/);
  await onDate.fill('2025-06-15');
  await expect(page.getByRole('heading', { name: 'Bemanning 15.06.2025' })).toBeVisible();
  await expect(staffing.getByRole('row').filter({ hasText: department })).toContainText(/1\s*0,8\s*80\s%/);

  const api = await (await page.request.get('/api/cooperation')).json() as { id: string };
  const summary = await (await page.request.get(`/api/cooperations/${api.id}/staffing?on=2025-06-15`)).json() as { departments: { name: string; people: number; ftePercent: number }[] };
  expect(summary.departments.find((d) => d.name === department)).toMatchObject({ people: 1, ftePercent: 80 });
});
