// The service desk, end to end (issue 4's acceptance), driven through the pages by two people in two
// browsers: a Molde employee reports a case in the portal; the leader (staff) picks it up from the work
// list with the keyboard, asks a question and sets «Venter på bruker» (the SLA clock pauses); the user
// answers (the clock resumes); the agent solves the case and logs contact attempts over two days; the
// 3-2-1 job closes it and queues one e-mail with a reopen link; the user answers the survey and reopens.
//
// Time: the e2e server runs with SAMRAD_TEST_CLOCK=on (e2e/support/serve.ts; never in production), so a
// service-desk request's x-samrad-now header (ISO 8601) is the server's "now". A person moves to another
// day with context.setExtraHTTPHeaders, after which the page itself sends that instant with every call;
// the browser's own clock stays real. The case is solved in real time, so every faked instant lies after
// it: the next weekday (Mon–Fri) at 10:00 Europe/Oslo, and days counted from there. Steps done through
// the API rather than a page: running the job, reading the outbox's mail text, and the refused reopen
// after the 14-day window (the page only leaves the form out; the API says why).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInByApi, signInThroughPage } from './support/accounts';

const OSLO = 'Europe/Oslo';

/** The calendar day of an instant in Oslo, as YYYY-MM-DD. */
function osloDay(at: Date): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone: OSLO, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The instant of a wall-clock time on a day in Oslo, with that day's offset (so summer time is right). */
function osloAt(day: string, time: string): Date {
  const asUtc = new Date(`${day}T${time}:00Z`);
  const name = new Intl.DateTimeFormat('en', { timeZone: OSLO, timeZoneName: 'longOffset' }).formatToParts(asUtc)
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT+02:00" ("GMT" for +00:00)
  const [, sign, hours, minutes] = name.match(/^GMT(?:([+-])(\d{2}):(\d{2}))?$/) ?? [];
  const offsetMinutes = sign ? (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) : 0;
  return new Date(asUtc.getTime() - offsetMinutes * 60_000);
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The next Monday–Friday after a day (holidays do not matter here: the 3-2-1 rule counts calendar days). */
function nextWeekday(day: string): string {
  let next = addDays(day, 1);
  while ([0, 6].includes(new Date(`${next}T12:00:00Z`).getUTCDay())) next = addDays(next, 1);
  return next;
}

/** The test clock's header: the server acts as if it were this instant. */
const clockAt = (at: Date) => ({ 'x-samrad-now': at.toISOString() });
/** dd.mm.yyyy, as the pages write a day. */
const norwegianDate = (day: string) => day.split('-').reverse().join('.');

async function personPage(browser: Browser, who: 'municipality' | 'staff' | 'admin', throughPage = true): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (throughPage) await signInThroughPage(page, who);
  else await signInByApi(page.request, who);
  return page;
}

test('a case from report to 3-2-1 close and reopen, with the SLA clock pausing while it waits for the user', async ({ browser }) => {
  test.setTimeout(240_000); // the scenario is long, and may wait up to a minute for midnight (step 5)
  const stamp = Date.now().toString(36);
  const title = `Skriveren i 2. etasje skriver ikke ut ${stamp}`;
  const question = 'Hvilken skriver gjelder det – HP eller Canon?';
  const secret = `Intern: driveren er utdatert på hele nettet ${stamp}`;

  // 1. The municipality user reports the case in the portal.
  const user = await personPage(browser, 'municipality');
  await user.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Kundeservice' }).click();
  await expect(user.getByRole('heading', { level: 1, name: 'Kundeservice' })).toBeVisible();
  const form = user.getByRole('form', { name: 'Ny sak' });
  await form.getByLabel('Hva gjelder det?').selectOption({ label: 'Feilmelding' });
  // Each category is explained where it is chosen (the policy's line and examples).
  const category = form.getByLabel('Kategori');
  await category.selectOption({ label: 'Skrivere/multimaskiner' });
  await expect(category).toHaveAccessibleDescription(/Utskrift, kopiering og skanning\. Eksempler: Skriveren skriver ikke ut/);
  await form.getByLabel('Tittel').fill(title);
  await form.getByLabel('Beskrivelse').fill('Ingenting skjer når vi skriver ut, lampen blinker oransje.');
  const photo = `lampen-${stamp}.txt`;
  await form.getByLabel('Vedlegg (valgfritt)').setInputFiles({ name: photo, mimeType: 'text/plain', buffer: Buffer.from('Lampen blinker oransje') });
  await form.getByRole('button', { name: 'Send inn saken' }).click();
  const heading = user.getByRole('heading', { level: 1, name: new RegExp(`^Sak \\d+: ${title}$`) });
  await expect(heading).toBeVisible();
  const number = Number((await heading.textContent())!.match(/^Sak (\d+)/)![1]);
  const ticketPath = new URL(user.url()).pathname;
  expect(ticketPath).toMatch(/^\/kundeservice\/saker\/[0-9a-f-]{36}$/);
  await expect(user.getByText('Ny', { exact: true })).toBeVisible();
  // The receipt: registered, where the answer comes, and the policy's promise for Medium.
  await expect(user.getByRole('status').filter({ hasText: `Sak ${number} er registrert.` }))
    .toContainText(/Vi svarer innen 4 timer i åpningstiden, senest \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}\./);
  await expect(user.getByRole('table', { name: 'Vedlegg' }).getByRole('link', { name: photo })).toBeVisible();
  await user.getByRole('link', { name: 'Tilbake' }).click();
  await expect(user.getByRole('table', { name: 'Mine saker' }).getByRole('link', { name: title })).toBeVisible();

  // 2. The agent finds it among the unassigned cases and opens it with the keyboard (j, Enter).
  const agent = await personPage(browser, 'staff');
  await agent.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Kundeservice' }).click();
  await agent.getByRole('link', { name: 'Til arbeidslisten' }).click();
  await expect(agent.getByRole('heading', { level: 1, name: 'Arbeidsliste' })).toBeVisible();
  await agent.getByRole('navigation', { name: 'Køer' }).getByRole('button', { name: 'Ufordelte' }).click();
  const filters = agent.getByRole('search', { name: 'Filtre' });
  await filters.getByLabel('Søk i tittel').fill(stamp);
  await filters.getByRole('button', { name: 'Flere filtre' }).click();
  await filters.getByLabel('Kategori').selectOption({ label: 'Skrivere/multimaskiner' });
  await filters.getByRole('button', { name: 'Bruk filtre' }).click();
  const list = agent.getByRole('region', { name: 'Saker' });
  const row = list.getByRole('row', { name: new RegExp(title) });
  await expect(row).toBeVisible();
  await expect(list.getByRole('row')).toHaveCount(2); // header + our case
  await expect(row).toContainText(/\d+ (arbeidsdag|døgn|t|min).* igjen/);
  await list.focus();
  await agent.keyboard.press('j');
  await expect(row.getByRole('link', { name: title })).toBeFocused();
  await agent.keyboard.press('Enter');
  await expect(agent.getByRole('heading', { level: 1, name: `Sak ${number}: ${title}` })).toBeVisible();

  // 3. Pick it up, ask the user a question, wait for the answer: the resolution clock pauses.
  await agent.getByRole('button', { name: 'Ta saken' }).click();
  const manage = agent.getByRole('form', { name: 'Behandle saken' });
  await expect(manage.getByLabel('Status')).toHaveValue('under_arbeid');
  await expect(manage.getByLabel('Saksbehandler')).toHaveValue(/[0-9a-f-]{36}/);
  const resolution = agent.getByTestId('sla-resolution');
  await expect(resolution).toContainText(/igjen/);
  await expect(resolution).not.toContainText('Pauset');
  await agent.getByRole('textbox', { name: 'Svar til innmelder' }).fill(question);
  await agent.getByRole('button', { name: 'Send svar til innmelder' }).click();
  await expect(agent.getByRole('list', { name: 'Samtale' })).toContainText(question);
  await agent.getByRole('textbox', { name: 'Internt notat' }).fill(secret);
  await agent.getByRole('button', { name: 'Lagre internt notat' }).click();
  const note = agent.getByRole('article', { name: /^Internt notat:/ });
  await expect(note).toContainText(secret);
  await expect(note).toContainText('Internt notat – vises ikke for innmelder');
  await manage.getByLabel('Status').selectOption({ label: 'Venter på bruker' });
  await manage.getByRole('button', { name: 'Lagre endringer' }).click();
  await expect(resolution).toContainText('Pauset');
  const pausedText = await resolution.textContent();

  // 4. The user sees the question (never the note) and answers: the case is back in work, the clock runs.
  await user.goto(ticketPath);
  await expect(user.getByRole('list', { name: 'Samtale' })).toContainText(question);
  await expect(user.getByText('Venter på bruker', { exact: true })).toBeVisible();
  await expect(user.locator('body')).not.toContainText(secret);
  const asUser = await user.request.get(`/api/servicedesk/tickets${ticketPath.replace('/kundeservice/saker', '')}`);
  expect(asUser.status()).toBe(200);
  expect(await asUser.text()).not.toContain(secret);
  await user.getByRole('textbox', { name: 'Ditt svar' }).fill('Det er HP-en ved kopirommet.');
  await user.getByRole('button', { name: 'Send svar' }).click();
  await expect(user.getByRole('list', { name: 'Samtale' })).toContainText('Det er HP-en ved kopirommet.');
  await expect(user.getByText('Under arbeid', { exact: true })).toBeVisible();

  await agent.reload();
  await expect(manage.getByLabel('Status')).toHaveValue('under_arbeid');
  await expect(resolution).not.toContainText('Pauset');
  await expect(resolution).toContainText(/igjen/);
  expect(pausedText).toMatch(/^Pauset · .* igjen/);
  const history = agent.getByRole('list', { name: 'Historikk' });
  await expect(history).toContainText('Status: Under arbeid → Venter på bruker');
  await expect(history).toContainText('Status: Venter på bruker → Under arbeid');

  // 5. Solved; the user does not confirm, so today (the real clock, no header) the agent tries three
  // times: telephone, e-mail, Teams. A run that starts in the last minute before midnight first waits
  // for the new day, so the three surely fall on one calendar day.
  const toMidnight = osloAt(addDays(osloDay(new Date()), 1), '00:00').getTime() - Date.now();
  if (toMidnight < 60_000) await agent.waitForTimeout(toMidnight + 1_000);
  await manage.getByLabel('Status').selectOption({ label: 'Løst' });
  await manage.getByRole('button', { name: 'Lagre endringer' }).click();
  await expect(resolution).toContainText('Innfridd');
  const attempts = agent.getByRole('form', { name: 'Kontaktforsøk (3-2-1)' });
  const logAttempt = async (method: string, note: string) => {
    await attempts.getByLabel('Hvordan').selectOption({ label: method });
    await attempts.getByLabel('Merknad').fill(note);
    await attempts.getByRole('button', { name: 'Logg kontaktforsøk' }).click();
    await expect(attempts.getByRole('status')).toHaveText('Kontaktforsøket er logget.');
  };
  for (const method of ['Telefon', 'E-post', 'Teams']) await logAttempt(method, `Ingen svar (${method})`);
  const attemptCount = agent.getByTestId('sd-attempt-count');
  await expect(attemptCount).toHaveText('3 kontaktforsøk etter at saken ble løst.');
  const today = osloDay(new Date());
  const nextDay = nextWeekday(today);

  // 6. The 3-2-1 job (run now through the API, as the admin). Three attempts on one day are not enough:
  // the rule wants them spread over two days. Nor does the next morning alone change that.
  const admin = await personPage(browser, 'admin', false);
  const runJob = async (now?: Date) => {
    const res = await admin.request.post('/api/servicedesk/jobs/close-unconfirmed', { data: {}, headers: now ? clockAt(now) : {} });
    expect(res.status()).toBe(200);
    const result = (await res.json()) as { ran: boolean; closed: number[] };
    expect(result.ran).toBe(true);
    return result.closed;
  };
  expect(await runJob()).not.toContain(number);
  expect(await runJob(osloAt(nextDay, '09:00'))).not.toContain(number);

  // 7. The next weekday at 10:00 the agent phones once more. From here the agent's browser sends that
  // instant with every request; the page shows the attempt dated that day.
  await agent.context().setExtraHTTPHeaders(clockAt(osloAt(nextDay, '10:00')));
  await agent.reload();
  await expect(attemptCount).toHaveText('3 kontaktforsøk etter at saken ble løst.');
  await logAttempt('Telefon', 'Ingen svar (Telefon, dag 2)');
  await expect(attemptCount).toHaveText('4 kontaktforsøk etter at saken ble løst.');
  await expect(history.getByRole('listitem').filter({ hasText: `${norwegianDate(nextDay)} 10:00 · Kontaktforsøk (Telefon)` })).toHaveCount(1);
  await expect(history.getByRole('listitem').filter({ hasText: `${norwegianDate(today)} ` }).filter({ hasText: 'Kontaktforsøk' })).toHaveCount(3);

  // The job at 10:05 that day closes the case, once: a second run sends no second e-mail.
  const closedAt = osloAt(nextDay, '10:05');
  expect(await runJob(closedAt)).toContain(number);
  expect(await runJob(osloAt(nextDay, '10:10'))).not.toContain(number);
  await agent.reload();
  await expect(manage.getByLabel('Status')).toHaveValue('lukket');
  await expect(history.getByRole('listitem').filter({ hasText: `${norwegianDate(nextDay)} 10:05 · Status: Løst → Lukket` })).toHaveCount(1);

  // 8. One e-mail in the outbox, with the reopen link; the admin sees it on the outbox page too.
  const outbox = (await (await admin.request.get('/api/outbox?limit=500')).json()) as { messages: { to: string; subject: string; text: string }[] };
  const mails = outbox.messages.filter((m) => m.subject === `Sak ${number} er lukket: ${title}`);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.to).toBe('ansatt@molde.demo.samrad.no');
  expect(mails[0]!.text).toContain('har prøvd å nå deg 4 ganger');
  expect(mails[0]!.text).toContain('gjenåpne saken innen 14 dager');
  expect(mails[0]!.text).not.toContain(secret);
  const link = mails[0]!.text.match(/https?:\/\/\S+\/kundeservice\/saker\/[0-9a-f-]{36}\?gjenapne=1/)?.[0];
  expect(link, mails[0]!.text).toBeTruthy();
  await admin.goto('/admin?fane=epost');
  await expect(admin.getByRole('region', { name: 'Utgående e-post' })).toContainText(`Sak ${number} er lukket`);

  // 9. The user reads the mail at noon the same day and follows the link: the case is closed, the
  // survey and the reopen form are offered; the user answers the survey (4).
  await user.context().setExtraHTTPHeaders(clockAt(osloAt(nextDay, '12:00')));
  await user.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(user.getByText('Lukket', { exact: true })).toBeVisible();
  const survey = user.getByRole('form', { name: 'Hvor fornøyd er du?' });
  await survey.getByLabel('4', { exact: true }).check();
  await survey.getByLabel('Kommentar').fill('Rask hjelp, men skriveren streiker igjen.');
  await survey.getByRole('button', { name: 'Send svar på undersøkelsen' }).click();
  await expect(user.getByText('Takk! Du ga 4 av 5.')).toBeVisible();
  const reopen = user.getByRole('form', { name: 'Gjenåpne saken' });
  await expect(reopen).toBeVisible();

  // A look past the window (14 days from the close), which changes nothing: 15 days after the close the
  // page offers no reopen form, and the API refuses with a message that says why and what to do instead.
  const ticketApi = `/api/servicedesk/tickets${ticketPath.replace('/kundeservice/saker', '')}`;
  await user.context().setExtraHTTPHeaders(clockAt(osloAt(addDays(nextDay, 15), '10:05')));
  await user.reload();
  await expect(user.getByText('Takk! Du ga 4 av 5.')).toBeVisible();
  await expect(user.getByText('Lukket', { exact: true })).toBeVisible();
  await expect(reopen).toHaveCount(0);
  const late = await user.request.post(`${ticketApi}/reopen`, { data: { reason: 'Skriveren stoppet igjen.' } });
  expect(late.status()).toBe(409);
  expect(((await late.json()) as { error: { message: string } }).error.message).toBe('Saken kan bare gjenåpnes innen 14 dager; meld en ny sak');
  expect(((await (await user.request.get(ticketApi)).json()) as { status: string }).status).toBe('lukket');

  // 10. Within the window, 13 days after the close, the user reopens the case from the form.
  const reopenedAt = osloAt(addDays(nextDay, 13), '10:05');
  await user.context().setExtraHTTPHeaders(clockAt(reopenedAt));
  await user.reload();
  await reopen.getByLabel('Hvorfor gjenåpner du saken?').fill('Skriveren stoppet igjen i dag.');
  await reopen.getByRole('button', { name: 'Gjenåpne saken' }).click();
  await expect(user.getByText('Under arbeid', { exact: true })).toBeVisible();
  await expect(user.getByRole('list', { name: 'Samtale' })).toContainText('Skriveren stoppet igjen i dag.');
  await expect(user.locator('body')).not.toContainText(secret);

  // The agent, a few minutes later, sees it reopened, with the clock running again from where it stopped.
  await agent.context().setExtraHTTPHeaders(clockAt(new Date(reopenedAt.getTime() + 5 * 60_000)));
  await agent.reload();
  await expect(manage.getByLabel('Status')).toHaveValue('under_arbeid');
  await expect(history.getByRole('listitem').filter({ hasText: `${norwegianDate(addDays(nextDay, 13))} 10:05 · Status: Lukket → Under arbeid` })).toHaveCount(1);
  await expect(resolution).toContainText(/igjen/);
});

test('the desk logs a phone call as a ticket with that channel; the phone policy refuses «solved on the call» for Medium and allows it for Høy', async ({ page }) => {
  await signInThroughPage(page, 'staff');
  await page.goto('/kundeservice/arbeidsliste');
  await page.getByRole('button', { name: 'Logg telefon eller oppmøte' }).click();
  const form = page.getByRole('form', { name: 'Logg telefon eller oppmøte' });
  const title = `Får ikke logget inn i Visma ${Date.now().toString(36)}`;
  await form.getByLabel('Kanal').selectOption({ label: 'Telefon' });
  await form.getByLabel('Prioritet').selectOption({ label: 'Medium' });
  await form.getByLabel('Kategori').selectOption({ label: 'Fagapplikasjoner' });
  await form.getByLabel('Kommune').selectOption({ label: 'Molde' });
  await form.getByLabel('Innringerens navn').fill('Kari Nordmann');
  await form.getByLabel('Tittel').fill(title);
  await form.getByLabel('Beskrivelse').fill('Ringte kundeservice, passordet er utløpt.');
  await form.getByLabel('Løst i samtalen (bare Kritisk og Høy)').check();
  await form.getByRole('button', { name: 'Registrer saken' }).click();
  await expect(form.getByRole('link', { name: /Løst i samtalen.*kan løses i samtalen/ })).toBeVisible();
  // Høy may be solved on the call: the ticket is created solved, with the call's channel.
  await form.getByLabel('Prioritet').selectOption({ label: 'Høy' });
  await form.getByLabel('Løsning').fill('Nytt passord satt mens hun ventet.');
  await form.getByRole('button', { name: 'Registrer saken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Sak \\d+: ${title}$`) })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^Telefon$/ })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Behandle saken' }).getByLabel('Status')).toHaveValue('lost');
});

test('the KPI pack on screen: tables, charts and the same as XLSX', async ({ page }) => {
  await signInThroughPage(page, 'staff');
  await page.goto('/kundeservice');
  await page.getByRole('link', { name: 'Nøkkeltall for kundeservice' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nøkkeltall for kundeservice' })).toBeVisible();
  const period = page.getByRole('form', { name: 'Vis' });
  await period.getByLabel('Fra måned').fill('2024-01');
  await period.getByLabel('Til måned').fill('2024-12');
  await period.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/from=2024-01&to=2024-12/);
  const trend = page.getByTestId('kpi-trend');
  await expect(trend.getByRole('columnheader', { name: 'des 2024' })).toBeVisible();
  await expect(trend.getByRole('row', { name: /^Nye/ })).toBeVisible();
  await expect(page.getByTestId('kpi-trend-chart').locator('svg')).toBeVisible();
  await expect(page.getByTestId('kpi-trend-chart')).toHaveAttribute('aria-label', /^Nye, lukkede og åpne saker\. jan 2024/);
  const xlsx = await page.request.get(await page.getByRole('link', { name: 'Last ned som regneark (XLSX)' }).getAttribute('href') ?? '');
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
});

test('the breaching queue shows time past the deadline in red, and the columns sort', async ({ page }) => {
  await signInThroughPage(page, 'staff');
  await page.goto('/kundeservice/arbeidsliste');
  await page.getByRole('navigation', { name: 'Køer' }).getByRole('button', { name: 'Snart brudd' }).click();
  await expect(page).toHaveURL(/queue=breaching/);
  const list = page.getByRole('region', { name: 'Saker' });
  // Red is the badge sd-sla--breached; the words say it too: «Brutt», «… over fristen», and the deadline.
  const late = list.locator('.sd-sla--breached').first();
  await expect(late).toContainText(/^Brutt/);
  await expect(late).toContainText(/\d+ (arbeidsdag|døgn|t|min).* over fristen/);
  await expect(late).toContainText(/frist \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
  expect(await late.evaluate((el) => getComputedStyle(el).color)).not.toBe(await list.evaluate((el) => getComputedStyle(el).color));
  // Sorting by number (ascending) on the page.
  await list.getByRole('button', { name: 'Nr.' }).click();
  // The server sorts the whole queue now: wait for its page before reading it.
  await expect(page).toHaveURL(/sort=number/);
  await expect(page).toHaveURL(/dir=asc/);
  await expect(list).toHaveAttribute('aria-busy', 'false');
  const numbers = (await list.getByRole('row').locator('td:nth-child(2)').allTextContents()).map(Number);
  expect(numbers.length).toBeGreaterThan(1);
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  // Keyset pagination: the next page holds other cases.
  await page.getByRole('button', { name: 'Neste side' }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(list).toHaveAttribute('aria-busy', 'false');
  await expect(list.getByRole('row').nth(1)).toBeVisible();
  const next = (await list.getByRole('row').locator('td:nth-child(2)').allTextContents()).map(Number);
  expect(next.some((n) => numbers.includes(n))).toBe(false);
});

test('bulk assign: two unassigned cases go to the agent at once and appear under «Mine»', async ({ page }) => {
  await signInThroughPage(page, 'staff');
  await page.goto('/kundeservice/arbeidsliste?queue=unassigned');
  const list = page.getByRole('region', { name: 'Saker' });
  const rows = list.getByRole('row');
  await expect(rows.nth(2)).toBeVisible();
  const picked = [await rows.nth(1).locator('td:nth-child(2)').textContent(), await rows.nth(2).locator('td:nth-child(2)').textContent()];
  await list.getByRole('checkbox', { name: `Velg sak ${picked[0]}` }).check();
  await list.getByRole('checkbox', { name: `Velg sak ${picked[1]}` }).check();
  const bulk = page.getByRole('form', { name: 'Tildel valgte' });
  await expect(bulk).toContainText('2 valgt');
  await bulk.getByLabel('Tildel valgte til').selectOption({ label: 'Fred Gjørtz' });
  await bulk.getByRole('button', { name: 'Tildel valgte' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 saker er tildelt.' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Køer' }).getByRole('button', { name: 'Mine' }).click();
  for (const n of picked) await expect(list.getByRole('row').filter({ has: page.getByRole('cell', { name: n!, exact: true }) })).toContainText('Fred Gjørtz');
});
