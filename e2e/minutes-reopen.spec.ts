// Correcting approved minutes from the meeting page: the leader (staff) chooses the later meeting's case
// whose decision orders the correction, reads it back in a confirm step and reopens the minutes; a
// council member gets no such button. The meetings are set up through the API in a body of their own,
// so the demo's meetings and the other specs' meetings stay as they are.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signInByApi, signInThroughPage } from './support/accounts';
import { openStep } from './support/meeting';

test.describe.configure({ mode: 'serial' });

const bodyName = 'Arbeidsutvalget for retting (e2e)';
const correction = 'Referatet fra 04.03.2024 rettes: Hustadvika var representert ved Ola Nordmann.';
let approvedId = '';

async function ok<T>(res: Awaited<ReturnType<APIRequestContext['post']>>, status = 200): Promise<T> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

type TView = { meeting: { id: string; attendanceRevision: number }; cases: { id: string; number: string; standing: string | null }[] };

test.beforeAll(async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL });
  await signInByApi(admin, 'admin');
  const { cooperations } = await ok<{ cooperations: { id: string }[] }>(await admin.get('/api/cooperations'));
  const body = await ok<{ id: string }>(await admin.post('/api/bodies', { data: { cooperationId: cooperations[0]!.id, name: bodyName } }), 201);
  const person = await ok<{ id: string }>(await admin.post('/api/people', { data: { familyName: 'Utvalg', givenName: 'Una', email: 'una.utvalg@example.no' } }), 201);
  await ok(await admin.post(`/api/bodies/${body.id}/members`, { data: { personId: person.id, role: 'leder', fromDate: '2020-01-01' } }), 201);
  const plan = (date: string) => admin.post('/api/meetings', { data: { bodyId: body.id, date, startTime: '09:00', place: 'Molde' } });
  const first = await ok<TView>(await plan('2024-03-04'), 201);
  const next = await ok<TView>(await plan('2024-04-08'), 201);
  // Each write names the version it was made on, as the page does: read the case first.
  const decide = async (caseId: string, decisionText: string) => {
    const { revision } = await ok<{ revision: number }>(await admin.get(`/api/cases/${caseId}`));
    return admin.put(`/api/cases/${caseId}/decision`, { data: { revision, decisionKind: 'vedtak', decisionText } });
  };
  // 2024 M1 is held and its minutes approved in 2024 M2's case 002.
  await ok(await admin.put(`/api/meetings/${first.meeting.id}/attendance`, {
    data: { attendanceRevision: first.meeting.attendanceRevision, entries: [{ personId: person.id, role: 'til_stede' }] },
  }));
  const referat = next.cases.find((c) => c.standing === 'referat')!;
  await ok(await decide(referat.id, 'Referatet fra 04.03.2024 godkjennes.'));
  await ok(await admin.post(`/api/meetings/${first.meeting.id}/minutes/approve`, { data: { approvedByCaseId: referat.id } }));
  // 2024 M2 also decides, in its case 003, that the approved minutes are to be corrected.
  const ordered = await ok<{ id: string }>(await admin.post(`/api/meetings/${next.meeting.id}/cases`, { data: { title: 'Retting av referat fra 04.03.2024', caseType: 'vedtak' } }), 201);
  await ok(await decide(ordered.id, correction));
  approvedId = first.meeting.id;
  await admin.dispose();
});

async function openApproved(page: Page) {
  await page.goto(`/moter/${approvedId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${bodyName} 2024 M1`);
  await expect(page.getByText('Referat godkjent', { exact: true })).toBeVisible();
}

test('a council member reads the approved minutes but is offered no reopening', async ({ page }) => {
  await signInThroughPage(page, 'council');
  await openApproved(page);
  await expect(page.getByRole('heading', { name: 'Rett godkjent referat' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Åpne referatet for retting' })).toHaveCount(0);
});

test('the leader reopens approved minutes after confirming the later decision; cancelling changes nothing', async ({ page }) => {
  await signInThroughPage(page, 'staff');
  await openApproved(page);
  await openStep(page, 'Godkjenning');
  const section = page.getByRole('region', { name: 'Rett godkjent referat' });
  await expect(section.getByLabel('Møtet med vedtaket')).toHaveValue(/.+/);
  await expect(section.getByLabel('Møtet med vedtaket').locator('option:checked')).toHaveText('2024 M2 (08.04.2024)');
  const chooser = section.getByLabel('Sak med vedtak om retting');
  await expect(chooser.locator('option')).toHaveText(['2024/M2-002 Godkjenning av møtereferat', '2024/M2-003 Retting av referat fra 04.03.2024']);
  await chooser.selectOption({ label: '2024/M2-003 Retting av referat fra 04.03.2024' });

  // The first click only asks, in a modal dialog that starts on «Avbryt»; cancelling (or Esc) leaves
  // the minutes approved and focus on the button that asked.
  const start = section.getByRole('button', { name: 'Åpne referatet for retting' });
  await start.click();
  const confirm = section.getByRole('alertdialog', { name: 'Bekreft retting av godkjent referat' });
  await expect(confirm).toContainText('sak 2024/M2-003');
  await expect(confirm.getByLabel('Vedtak i sak 2024/M2-003')).toHaveText(correction);
  await expect(confirm.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(start).toBeFocused();
  await start.click();
  await confirm.getByRole('button', { name: 'Avbryt' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(start).toBeFocused();
  await page.reload();
  await expect(page.getByText('Referat godkjent', { exact: true })).toBeVisible();

  await section.getByLabel('Sak med vedtak om retting').selectOption({ label: '2024/M2-003 Retting av referat fra 04.03.2024' });
  await section.getByRole('button', { name: 'Åpne referatet for retting' }).click();
  await section.getByRole('button', { name: 'Bekreft og åpne referatet' }).click();
  await expect(section.getByRole('status')).toHaveText(
    'Referatet er åpnet for retting etter vedtak i sak 2024/M2-003. De godkjente PDF-ene er arkivert som erstattet.');
  await expect(section.getByRole('status')).toBeFocused();
  // The meeting is held again (not approved), so the leader may now correct it.
  await expect(page.getByText('Avholdt', { exact: true })).toBeVisible();
  await openStep(page, 'Møte');
  await expect(page.getByRole('button', { name: 'Registrer oppmøte' })).toBeVisible();
  const status = await page.request.get(`/api/meetings/${approvedId}`);
  expect((await status.json()).meeting).toMatchObject({ status: 'avholdt', minutesApprovedAt: null });
});
