// The voting form (issue 10): only the voting members recorded as present are offered a vote, and an
// error about a vote names the member it is about. The meeting is set up through the API in a body of
// its own, so the demo's meetings stay as they are.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signInByApi, signInThroughPage } from './support/accounts';
import { openStep } from './support/meeting';

async function ok<T>(res: Awaited<ReturnType<APIRequestContext['post']>>, status = 200): Promise<T> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

test('the voting form lists the present voting members, and an error names the member', async ({ page, playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL });
  await signInByApi(admin, 'admin');
  const suffix = Date.now().toString(36);
  const { cooperations } = await ok<{ cooperations: { id: string }[] }>(await admin.get('/api/cooperations'));
  const body = await ok<{ id: string }>(await admin.post('/api/bodies', { data: { cooperationId: cooperations[0]!.id, name: `Stemmeutvalget ${suffix} (e2e)` } }), 201);
  const person = async (familyName: string, role: string) => {
    const p = await ok<{ id: string }>(await admin.post('/api/people', { data: { familyName, givenName: 'Vera' } }), 201);
    await ok(await admin.post(`/api/bodies/${body.id}/members`, { data: { personId: p.id, role, fromDate: '2020-01-01' } }), 201);
    return p.id;
  };
  const leader = await person('Leder', 'leder');
  const member = await person('Medlem', 'medlem');
  const away = await person('Borte', 'medlem');
  const observer = await person('Observatør', 'observator');
  const planned = await ok<{ meeting: { id: string; attendanceRevision: number }; cases: { id: string; number: string; standing: string | null }[] }>(
    await admin.post('/api/meetings', { data: { bodyId: body.id, date: '2024-05-07', startTime: '09:00', place: 'Molde' } }), 201);
  await ok(await admin.put(`/api/meetings/${planned.meeting.id}/attendance`, { data: { attendanceRevision: planned.meeting.attendanceRevision, entries: [
    { personId: leader, role: 'til_stede' }, { personId: member, role: 'til_stede' }, { personId: away, role: 'forfall' }, { personId: observer, role: 'observator' },
  ] } }));
  const agendaCase = planned.cases.find((c) => c.standing === 'innkalling')!;

  await signInThroughPage(page, 'staff');
  await page.goto(`/moter/${planned.meeting.id}`);
  await openStep(page, 'Protokoll');
  await page.getByRole('button', { name: `Registrer vedtak ${agendaCase.number}` }).click();
  const form = page.getByRole('form', { name: `Vedtak i sak ${agendaCase.number}` });
  await form.getByLabel('Det ble votert').check();
  const votes = form.getByRole('group', { name: 'Stemmer' });
  // The two present members vote; the absent member and the observer are not offered a vote.
  await expect(votes.getByRole('combobox')).toHaveCount(2);
  await expect(votes.getByLabel('Stemme fra Leder, Vera')).toBeVisible();
  await expect(votes.getByLabel('Stemme fra Medlem, Vera')).toBeVisible();
  await expect(votes.getByLabel('Stemme fra Borte, Vera')).toHaveCount(0);
  await expect(votes.getByLabel('Stemme fra Observatør, Vera')).toHaveCount(0);
  await votes.getByLabel('Stemme fra Leder, Vera').selectOption({ label: 'For' });
  await votes.getByLabel('Stemme fra Medlem, Vera').selectOption({ label: 'For' });

  // Meanwhile someone records that «Medlem» sent apologies: the save is refused, naming her.
  const now = await ok<{ meeting: { attendanceRevision: number } }>(await admin.get(`/api/meetings/${planned.meeting.id}`));
  await ok(await admin.put(`/api/meetings/${planned.meeting.id}/attendance`, { data: { attendanceRevision: now.meeting.attendanceRevision, entries: [
    { personId: leader, role: 'til_stede' }, { personId: member, role: 'forfall' }, { personId: away, role: 'forfall' },
  ] } }));
  await form.getByLabel('Vedtakstekst').fill('Innkallingen godkjennes.');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form.getByRole('link', { name: 'Stemme fra Medlem, Vera: Medlemmet har forfall og kan ikke stemme' })).toBeVisible();
  await admin.dispose();
});
