// The security review's reopen-window fix on the case page: a requester who comes back to a case solved
// long ago may still confirm it (the desk stops chasing them), but the page does not promise a reopen
// next to «Fristen … er ute», and confirming does not bring the reopen form back.
import { expect, test } from '@playwright/test';
import { signInByApi, signInThroughPage } from './support/accounts';

const clockAt = (iso: string) => ({ 'x-samrad-now': new Date(iso).toISOString() });

test('an old solved case: confirm without a reopen promise, and no reopen form after confirming', async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const user = await (await browser.newContext()).newPage();
  await signInByApi(user.request, 'municipality');
  const filed = await user.request.post('/api/servicedesk/tickets', {
    headers: clockAt('2024-12-20T09:00:00+01:00'),
    data: { type: 'feilmelding', category: 'Fagapplikasjoner', title: `Gammel feil ${stamp}`, description: 'For lenge siden.' },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const ticket = (await filed.json()) as { id: string; updatedAt: string };
  const staff = await (await browser.newContext()).newPage();
  await signInByApi(staff.request, 'staff');
  const solved = await staff.request.patch(`/api/servicedesk/tickets/${ticket.id}`, {
    headers: clockAt('2024-12-27T10:00:00+01:00'), data: { status: 'lost', revision: 1 },
  });
  expect(solved.status(), await solved.text()).toBe(200);

  await signInThroughPage(user, 'municipality');
  await user.context().setExtraHTTPHeaders(clockAt('2026-11-24T10:00:00+01:00'));
  await user.goto(`/kundeservice/saker/${ticket.id}`);
  const confirm = user.getByRole('region', { name: 'Virker løsningen?' });
  await expect(confirm).toContainText('Fristen for å gjenåpne saken er ute (14 dager); kommer feilen tilbake, meld en ny sak.');
  await expect(confirm).not.toContainText('Du kan gjenåpne den senere');
  await expect(user.getByText('Fristen for å gjenåpne er ute (14 dager); meld en ny sak.')).toHaveCount(0);
  await expect(user.getByRole('form', { name: 'Gjenåpne saken' })).toHaveCount(0);

  await confirm.getByRole('button', { name: 'Bekreft at saken er løst' }).click();
  await expect(user.getByRole('region', { name: 'Virker løsningen?' })).toHaveCount(0);
  await expect(user.getByText('Fristen for å gjenåpne er ute (14 dager); meld en ny sak.')).toBeVisible();
  await expect(user.getByRole('form', { name: 'Gjenåpne saken' })).toHaveCount(0);
});
