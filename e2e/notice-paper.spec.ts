// Issue 12: a notice to a body whose members have no e-mail. The sender records in the review step that
// one member got it by post and another had it handed out; the notice is sent (version 1), and the
// version history names them. Set-up of the body through the API (the pages for bodies have their own
// specs); the send itself only through the page, checked for axe problems with the dialog open.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signInByApi } from './support/accounts';
import { openStep } from './support/meeting';
import { WCAG_TAGS } from './support/pages';

test('a notice goes to members without e-mail by post and by hand', async ({ page, baseURL }) => {
  const headers = { origin: baseURL! };
  await signInByApi(page.request, 'admin');
  const created = async (url: string, data: unknown) => {
    const res = await page.request.post(url, { data, headers });
    expect(res.status(), await res.text()).toBe(201);
    return res.json();
  };
  const coop = ((await (await page.request.get('/api/cooperations')).json()).cooperations as { id: string }[])[0]!;
  const stamp = Date.now().toString(36);
  const bodyRes = await created('/api/bodies', { cooperationId: coop.id, name: `Papirgruppe ${stamp}` });
  const bodyId = (bodyRes.body ?? bodyRes).id as string;
  for (const givenName of ['Ola', 'Kari']) {
    const personRes = await created('/api/people', { familyName: `Papir ${stamp}`, givenName });
    const personId = (personRes.person ?? personRes).id as string;
    await created(`/api/bodies/${bodyId}/members`, { personId, role: 'medlem', fromDate: '2020-01-01' });
  }
  const meetingRes = await created('/api/meetings', { bodyId, date: '2029-09-10', startTime: '09:00', place: 'Molde' });
  const meetingId = meetingRes.meeting.id as string;
  await created(`/api/meetings/${meetingId}/cases`, { title: 'Sak på papir', caseType: 'vedtak' });

  await page.goto(`/moter/${meetingId}`);
  await openStep(page, 'Innkalling');
  await page.getByRole('button', { name: 'Send innkalling' }).click();
  const review = page.getByRole('alertdialog', { name: 'Sende innkalling versjon 1?' });
  await expect(review.getByRole('group', { name: /2 medlemmer har ingen e-postadresse/ })).toBeVisible();
  await review.getByLabel(`Papir ${stamp}, Ola`).selectOption({ label: 'Sendt i posten' });
  await review.getByLabel(`Papir ${stamp}, Kari`).selectOption({ label: 'Levert ut' });
  const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await review.getByRole('button', { name: 'Send innkalling' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Innkalling versjon 1 er sendt' })).toContainText('til 2 mottakere');
  const versions = page.getByRole('list', { name: 'Versjoner av innkallingen' });
  await expect(versions).toContainText(`Papir ${stamp}, Ola (sendt i posten)`);
  await expect(versions).toContainText(`Papir ${stamp}, Kari (levert ut)`);
});
