// Keyboard focus after the steps that used to drop it to <body> (issue 10, WCAG 2.4.3), and the one
// confirmation dialog every irreversible step goes through (focus inside, Esc closes, focus returns).
// Driven from the keyboard where the person would be: focus() on the button, then Enter.
import { expect, test, type Page } from '@playwright/test';
import { signInByApi, signInThroughPage } from './support/accounts';
import { openStep } from './support/meeting';

type TCase = { id: string; number: string };

/** A meeting of its own far ahead (no other spec reads it), with two cases after the standing ones. */
async function planMeeting(page: Page, baseURL: string): Promise<{ id: string; a: TCase; b: TCase }> {
  const headers = { origin: baseURL };
  const meetings = (await (await page.request.get('/api/meetings')).json()).meetings as { bodyId: string }[];
  const planned = await page.request.post('/api/meetings', { data: { bodyId: meetings[0]!.bodyId, date: '2029-05-10', startTime: '09:00', place: 'Molde' }, headers });
  expect(planned.status(), await planned.text()).toBe(201);
  const id = ((await planned.json()).meeting as { id: string }).id;
  const add = async (title: string) => {
    const res = await page.request.post(`/api/meetings/${id}/cases`, { data: { title, caseType: 'vedtak', proposal: 'Tas til orientering.' }, headers });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as TCase;
  };
  return { id, a: await add('Fokus A'), b: await add('Fokus B') };
}

const announced = (page: Page) => page.getByTestId('announcer');

// Moving a case keeps focus on the moved row's arrow. Until the notice is sent a case's number follows its
// place on the agenda, so after a move A carries the number B had, and is found by that.
test('moving a case keeps focus on its arrow and says where it went; delete and decision return focus sensibly', async ({ page, baseURL }) => {
  await signInThroughPage(page, 'staff');
  const { id, a, b } = await planMeeting(page, baseURL!);
  await page.goto(`/moter/${id}`);
  await openStep(page, 'Saksliste');
  const rows = page.getByRole('table', { name: 'Saksliste' }).locator('tbody tr');
  await expect(rows.last()).toContainText('Fokus B');
  const count = await rows.count();

  // A is next to last: down makes it last (and number b.number), and focus moves to its «Flytt opp», the
  // arrow that still works.
  const downA = page.getByRole('button', { name: `Flytt ned ${a.number}` });
  await downA.focus();
  await page.keyboard.press('Enter');
  await expect(announced(page)).toHaveText(`«Fokus A» er flyttet til plass ${count} av ${count} (sak ${b.number}).`);
  await expect(rows.last()).toContainText('Fokus A');
  await expect(rows.last().locator('td').first()).toHaveText(b.number);
  await expect(rows.last().getByRole('button', { name: `Flytt opp ${b.number}` })).toBeFocused();
  // Up again: focus stays on the same arrow, and A has its first number back.
  await page.keyboard.press('Enter');
  await expect(announced(page)).toHaveText(`«Fokus A» er flyttet til plass ${count - 1} av ${count} (sak ${a.number}).`);
  await expect(rows.last()).toContainText('Fokus B');
  await expect(rows.nth(count - 2).getByRole('button', { name: `Flytt opp ${a.number}` })).toBeFocused();

  // Deleting asks in a modal dialog that starts on «Avbryt»; Esc closes it and focus is back on the opener.
  const deleteB = page.getByRole('button', { name: `Slett ${b.number}`, exact: true });
  await deleteB.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: `Slette sak ${b.number}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('«Fokus B» og vedleggene til saken slettes.');
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(deleteB).toBeFocused();
  await expect(rows).toHaveCount(count);
  // Confirmed: the row goes, focus is on the agenda's heading and the page says what happened.
  // (In one CI run at load 15 an Enter pressed right after Esc opened nothing; the test presses again
  // only if the dialog has not come within 3 s, so a dialog that never opens still fails.)
  await expect(async () => {
    if (!(await dialog.isVisible())) await deleteB.press('Enter');
    await expect(dialog).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 15_000 });
  await dialog.getByRole('button', { name: `Slett ${b.number}` }).click();
  await expect(rows).toHaveCount(count - 1);
  await expect(page.getByRole('heading', { name: 'Saksliste', level: 2 })).toBeFocused();
  await expect(announced(page)).toHaveText(`Sak ${b.number} er slettet.`);

  // Saving a decision returns focus to the button that opened the form.
  await openStep(page, 'Protokoll');
  const record = page.getByRole('button', { name: `Registrer vedtak ${a.number}` });
  await record.focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Vedtakstekst').fill('Saken tas til orientering.');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(announced(page)).toHaveText(`Vedtaket i sak ${a.number} er lagret.`);
  await expect(record).toBeFocused();

  // Deleting the meeting: the same dialog, then the meeting list.
  await page.getByRole('button', { name: 'Slett møtet' }).click();
  const meetingDialog = page.getByRole('alertdialog', { name: 'Slette møtet og sakene på sakslisten?' });
  await expect(meetingDialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await meetingDialog.getByRole('button', { name: 'Slett møtet' }).click();
  await expect(page).toHaveURL(/\/moter$/);
  await expect(announced(page)).toHaveText('Møtet er slettet.');
  expect((await page.request.get(`/api/meetings/${id}`)).status()).toBe(404);
});

test('«Ta saken» moves focus to the assignee field, which now shows the agent, and says so', async ({ page, browser }) => {
  const requester = await browser.newContext();
  await signInByApi(requester.request, 'municipality');
  const filed = await requester.request.post('/api/servicedesk/tickets', {
    data: { type: 'feilmelding', category: 'Fagapplikasjoner', title: `Fokus ${Date.now().toString(36)}`, description: 'Programmet stopper.' },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const ticketId = ((await filed.json()) as { id: string }).id;
  await requester.close();

  await signInThroughPage(page, 'staff');
  await page.goto(`/kundeservice/saker/${ticketId}`);
  const take = page.getByRole('button', { name: 'Ta saken' });
  await take.focus();
  await page.keyboard.press('Enter');
  await expect(take).toHaveCount(0);
  await expect(page.getByLabel('Saksbehandler')).toBeFocused();
  await expect(announced(page)).toHaveText('Saken er tildelt deg.');
});
