// Two service-desk rules through the pages: the requester confirms a solved case with «Bekreft at saken
// er løst» (it closes as confirmed, with no "we could not reach you" e-mail), and a desk edit made on a
// case someone changed in the meantime is refused with a message that says to reload, changing nothing.
// The set-up (reporting, solving, the other agent's change) goes through the API.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInByApi } from './support/accounts';

async function signedIn(browser: Browser, who: 'municipality' | 'staff' | 'admin'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInByApi(page.request, who);
  return page;
}

type TTicket = { id: string; number: number; updatedAt: string; status: string; priority: string };

async function report(user: Page, title: string): Promise<TTicket> {
  const res = await user.request.post('/api/servicedesk/tickets', {
    data: { type: 'feilmelding', category: 'Skrivere/multimaskiner', title, description: 'Papirstopp hele tiden.' },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as TTicket;
}

async function patch(desk: Page, ticket: TTicket, change: Record<string, unknown>): Promise<TTicket> {
  // The revision is the desk's to read: the requester's view of the ticket carries none.
  const { revision } = (await (await desk.request.get(`/api/servicedesk/tickets/${ticket.id}`)).json()) as { revision: number };
  const res = await desk.request.patch(`/api/servicedesk/tickets/${ticket.id}`, { data: { ...change, revision } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as TTicket;
}

test('the requester confirms a solved case: it closes as confirmed and no closing e-mail is sent', async ({ browser }) => {
  const title = `Skriveren trekker skjevt ${Date.now().toString(36)}`;
  const user = await signedIn(browser, 'municipality');
  const agent = await signedIn(browser, 'staff');
  const ticket = await report(user, title);
  await patch(agent, ticket, { status: 'lost' });

  await user.goto(`/kundeservice/saker/${ticket.id}`);
  await expect(user.getByText('Løst', { exact: true })).toBeVisible();
  const confirm = user.getByRole('region', { name: 'Virker løsningen?' });
  await confirm.getByRole('button', { name: 'Bekreft at saken er løst' }).click();
  await expect(user.getByText('Lukket', { exact: true })).toBeVisible();
  await expect(confirm).toHaveCount(0);
  // The survey is still offered; the case can still be reopened.
  await expect(user.getByRole('form', { name: 'Hvor fornøyd er du?' })).toBeVisible();
  await expect(user.getByRole('form', { name: 'Gjenåpne saken' })).toBeVisible();

  const desk = (await (await agent.request.get(`/api/servicedesk/tickets/${ticket.id}`)).json()) as { status: string; events: { kind: string; data: Record<string, unknown> }[] };
  expect(desk.status).toBe('lukket');
  expect(desk.events.at(-1)).toMatchObject({ kind: 'status', data: { from: 'lost', to: 'lukket', confirmed: true } });
  const attempt = await agent.request.post(`/api/servicedesk/tickets/${ticket.id}/contact-attempts`, { data: { method: 'telefon' } });
  expect(attempt.status()).toBe(409);
  const admin = await signedIn(browser, 'admin');
  const outbox = (await (await admin.request.get('/api/outbox?limit=500')).json()) as { messages: { subject: string }[] };
  expect(outbox.messages.filter((m) => m.subject.startsWith(`Sak ${ticket.number} er lukket`))).toEqual([]);
});

test('a desk edit on a case changed in the meantime is refused with a reload hint, and nothing changes', async ({ browser }) => {
  const title = `Skanneren sender ikke e-post ${Date.now().toString(36)}`;
  const user = await signedIn(browser, 'municipality');
  const ticket = await report(user, title);
  const agent = await signedIn(browser, 'staff');
  await agent.goto(`/kundeservice/saker/${ticket.id}`);
  const manage = agent.getByRole('form', { name: 'Behandle saken' });
  await expect(manage.getByLabel('Status')).toHaveValue('ny');

  // A colleague raises the priority while the page is open.
  const colleague = await signedIn(browser, 'admin');
  await patch(colleague, ticket, { priority: 'hoy' });

  await manage.getByLabel('Status').selectOption({ label: 'Under arbeid' });
  await manage.getByRole('button', { name: 'Lagre endringer' }).click();
  await expect(manage.getByRole('alert')).toContainText('Saken er endret siden du åpnet den');
  await expect(manage.getByRole('alert')).toContainText('Last inn saken på nytt');
  const now = (await (await colleague.request.get(`/api/servicedesk/tickets/${ticket.id}`)).json()) as TTicket;
  expect(now).toMatchObject({ status: 'ny', priority: 'hoy' });
});
