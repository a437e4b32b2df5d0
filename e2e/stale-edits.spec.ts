// Two people recording the same meeting (issue 8, silent overwrites): the leader has the decision form
// and the attendance form open when someone else saves first. Saving is refused with the server's
// message and a button that reloads the form from what is stored; nothing of the other person's work is
// overwritten, and after the reload the leader's save goes through. The meeting is set up through the
// API in a body of its own, so the demo's meetings stay as they are.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signInByApi, signInThroughPage } from './support/accounts';
import { openStep } from './support/meeting';

const bodyName = 'Utvalget for samtidige endringer (e2e)';

async function ok<T>(res: Awaited<ReturnType<APIRequestContext['post']>>, status = 200): Promise<T> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

type TView = {
  meeting: { id: string; attendanceRevision: number; numberLabel: string; year: number };
  cases: { id: string; number: string; revision: number; standing: string | null }[];
};

test('a save made on what someone else has changed since is refused, and the form reloads', async ({ page, playwright, baseURL }) => {
  const other = await playwright.request.newContext({ baseURL });
  await signInByApi(other, 'admin');
  const { cooperations } = await ok<{ cooperations: { id: string }[] }>(await other.get('/api/cooperations'));
  const body = await ok<{ id: string }>(await other.post('/api/bodies', { data: { cooperationId: cooperations[0]!.id, name: bodyName } }), 201);
  const person = await ok<{ id: string }>(await other.post('/api/people', { data: { familyName: 'Samtidig', givenName: 'Sara', email: 'sara.samtidig@example.no' } }), 201);
  await ok(await other.post(`/api/bodies/${body.id}/members`, { data: { personId: person.id, role: 'leder', fromDate: '2020-01-01' } }), 201);
  const planned = await ok<TView>(await other.post('/api/meetings', { data: { bodyId: body.id, date: '2024-05-06', startTime: '09:00', place: 'Molde' } }), 201);
  const agendaCase = planned.cases.find((c) => c.standing === 'innkalling')!;

  await signInThroughPage(page, 'staff');
  await page.goto(`/moter/${planned.meeting.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(bodyName);

  // The decision: the form is open on revision n when another session records its decision.
  await openStep(page, 'Protokoll');
  await page.getByRole('button', { name: `Registrer vedtak ${agendaCase.number}` }).click();
  const form = page.getByRole('form', { name: `Vedtak i sak ${agendaCase.number}` });
  await ok(await other.put(`/api/cases/${agendaCase.id}/decision`, {
    data: { revision: agendaCase.revision, decisionKind: 'vedtak', decisionText: 'Innkallingen godkjennes (fra den andre økten).' },
  }));
  await form.getByLabel('Vedtakstekst').fill('Innkallingen godkjennes (fra lederen).');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form.getByRole('alert')).toContainText('Saken er endret av noen andre siden du hentet den');
  const stored = await ok<{ decisionText: string }>(await other.get(`/api/cases/${agendaCase.id}`));
  expect(stored.decisionText).toBe('Innkallingen godkjennes (fra den andre økten).');
  await form.getByRole('button', { name: /Last inn på nytt/ }).click();
  await expect(form.getByLabel('Vedtakstekst')).toHaveValue('Innkallingen godkjennes (fra den andre økten).');
  await form.getByLabel('Vedtakstekst').fill('Innkallingen godkjennes (lederen, etter å ha lest den andres).');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByText('Innkallingen godkjennes (lederen, etter å ha lest den andres).')).toBeVisible();

  // The attendance: the same, on the attendance list's own version.
  await openStep(page, 'Møte');
  await page.getByRole('button', { name: 'Registrer oppmøte' }).click();
  const attendanceForm = page.getByRole('form', { name: 'Registrer oppmøte' });
  await ok(await other.put(`/api/meetings/${planned.meeting.id}/attendance`, {
    data: { attendanceRevision: planned.meeting.attendanceRevision, entries: [{ personId: person.id, role: 'forfall' }] },
  }));
  await attendanceForm.getByLabel('Oppmøte for Samtidig, Sara').selectOption({ label: 'Til stede' });
  await attendanceForm.getByRole('button', { name: 'Lagre' }).click();
  await expect(attendanceForm.getByRole('alert')).toContainText('Oppmøtet er endret av noen andre');
  await attendanceForm.getByRole('button', { name: /Last inn på nytt/ }).click();
  await expect(attendanceForm.getByLabel('Oppmøte for Samtidig, Sara')).toHaveValue('forfall');
  await attendanceForm.getByLabel('Oppmøte for Samtidig, Sara').selectOption({ label: 'Til stede' });
  await attendanceForm.getByRole('button', { name: 'Lagre' }).click();
  await expect(attendanceForm).toHaveCount(0);
  const view = await ok<{ attendance: { name: string; role: string }[] }>(await other.get(`/api/meetings/${planned.meeting.id}`));
  expect(view.attendance).toEqual([expect.objectContaining({ name: 'Samtidig, Sara', role: 'til_stede' })]);
  await other.dispose();
});
