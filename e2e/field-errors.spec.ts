// Per-field validation (issue 10): a refused save shows one message under each field it names, and a
// field's message goes as soon as that field is changed, while the other fields keep theirs until the
// next save. Nothing is created by a refused save.
import { expect, test } from '@playwright/test';
import { signInThroughPage } from './support/accounts';

test('a field\'s message disappears when the field changes; the others stay', async ({ page }) => {
  await signInThroughPage(page, 'staff');
  await page.goto('/moter');
  await page.getByRole('button', { name: 'Planlegg møte' }).click();
  const form = page.getByRole('form', { name: 'Nytt møte' });
  await form.getByRole('button', { name: 'Lagre' }).click();

  const summary = form.getByRole('link', { name: /^Sted: / });
  await expect(summary).toHaveCount(1);
  await expect(form.getByRole('link', { name: /^Dato: / })).toHaveCount(1);
  const place = form.getByLabel('Sted');
  const date = form.getByLabel('Dato');
  await expect(place).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Sted må fylles ut', { exact: true })).toHaveCount(1);

  await place.fill('Molde rådhus');
  await expect(place).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Sted må fylles ut', { exact: true })).toHaveCount(0);
  await expect(date).toHaveAttribute('aria-invalid', 'true');

  // The next refused save shows what is still wrong, and only that.
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form.getByRole('link', { name: /^Sted: / })).toHaveCount(0);
  await expect(date).toHaveAttribute('aria-invalid', 'true');
});
