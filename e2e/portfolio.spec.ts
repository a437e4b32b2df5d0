// The portfolio as staff use it, through its pages: the week table of seed 000 (week 48 2023); a week's
// status entered on a project's page (last week's as a flagged draft first) changes the table; a project
// made and edited by its form; a procurement moved to its award and the security partner's contract
// refused on its page during the standstill (awarded Friday 1 December 2023, ends 11.12.2023 23:59, on
// the test clock); a proposal taken through the pipeline by its forms, the council's split shown before
// it is saved and a late joiner credited to the first three; the demo's decided proposal with its cases
// in the three bodies, the way back from its council case in one request, and a member leaving it; a
// proposal the council says no to; the English refusal of a signing during the standstill; and what a
// municipality user sees. The pages as loaded are checked for axe, 320 px and titles in pages.spec.ts;
// the open forms here.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signInByApi, signInThroughPage } from './support/accounts';
import { pageProblems, settled, useLanguage } from './support/pages';

/** Thin no-break space, the thousands separator of the amounts as the pages print them. */
const NB = '\u202f';

// The demo's split (demo/data/portfolio.ts): 1 200 000 kr, 30 % equal and 70 % by inhabitants for Molde,
// Hustadvika and Aukra, Rauma joining 15.01.2025 with the amount computed. Aukra's row after Rauma's
// entry (paid, credited, net), and each row after Vestnes pays 100 000 kr on 01.09.2025 with Aukra gone.
// Rauma's entry is its part among four, 200 213 kr, credited by net paid: Molde 111 547, Hustadvika
// 58 348, Aukra 30 318; Vestnes' 100 000 kr goes to Molde 53 121, Hustadvika 27 786, Rauma 19 093.
const kr = (n: number) => n.toLocaleString('en').replace(/,/g, NB);
const AUKRA_AFTER_RAUMA = ['Aukra', kr(181_714), kr(30_318), kr(151_396)];
const AFTER_VESTNES: Record<string, string[]> = {
  Molde: [kr(668_572), kr(164_668), kr(503_904)],
  Hustadvika: [kr(349_714), kr(86_134), kr(263_580)],
  Rauma: [kr(200_213), kr(19_093), kr(181_120)],
  Vestnes: [kr(100_000), '0', kr(100_000)],
};

test('a week\'s status is entered on the project page and the week table changes', async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughPage(page, 'staff');
  // The main menu's link: the overview also lists meetings of «Porteføljerådet».
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Portefølje' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Portefølje' })).toBeVisible();
  await page.goto('/portefolje?uke=2023-W48');
  const table = page.getByTestId('week-table');
  await expect(table.getByRole('columnheader')).toHaveText(['Tittel', 'Overordnet status', 'Kommentar uke 48', 'Kommune']);
  const first = table.getByRole('row').nth(1);
  const title = (await first.getByRole('cell').first().textContent())!.trim();

  // Week 49: nothing written yet, so week 48's status stands as a flagged draft.
  await page.getByRole('button', { name: 'Neste uke' }).click();
  await expect(page.getByTestId('week-shown')).toHaveText('Uke 49 (2023-W49)');
  const row = table.getByRole('row', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  await expect(row).toContainText('Ikke oppdatert denne uken (fra uke 48)');

  // By keyboard: the project link, then the form.
  await row.getByRole('link', { name: title }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const form = page.getByRole('form', { name: 'Ukestatus' });
  await expect(form).toContainText('Status og kommentar fra uke 48 er fylt inn som utkast: prosjektet er ikke oppdatert denne uken.');
  await expect(form.getByLabel('Overordnet status')).not.toHaveValue('');
  await form.getByLabel('Overordnet status').selectOption({ label: 'Forsinket' });
  await form.getByLabel('Kommentar').fill('Leveransen av svitsjer er forsinket til uke 2');
  await form.getByRole('button', { name: 'Lagre ukestatus' }).click();
  await expect(form.getByRole('status')).toHaveText('Ukestatus lagret.');
  await expect(page.getByTestId('status-history').getByRole('row', { name: /^49 / })).toContainText('Forsinket');

  await page.goto('/portefolje?uke=2023-W49');
  await expect(row).toContainText('Forsinket');
  await expect(row).toContainText('Leveransen av svitsjer er forsinket til uke 2');
  await expect(row).not.toContainText('Ikke oppdatert');
  // Week 48 is as the seed printed it.
  await page.getByRole('button', { name: 'Forrige uke' }).click();
  await expect(row).not.toContainText('Leveransen av svitsjer');
});

test('a project is made and edited by its form', async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughPage(page, 'staff');
  await page.goto('/portefolje?uke=2023-W48');
  await page.getByRole('button', { name: 'Nytt prosjekt' }).click();
  const form = page.getByRole('form', { name: 'Nytt prosjekt' });
  // Focus lands in the form: the first field is the kind.
  await expect(form.getByLabel('Type')).toBeFocused({ timeout: 30_000 });
  await form.getByRole('button', { name: 'Opprett prosjektet' }).click();
  // The server's 400s, at their fields.
  await expect(form.getByRole('link', { name: /^Tittel: / })).toBeVisible();
  await form.getByLabel('Type').selectOption({ label: 'Utviklingsprosjekt' });
  await form.getByLabel('Tittel').fill('Felles innbyggerportal');
  await form.getByLabel('Kommune').selectOption({ label: 'Molde' });
  await form.getByLabel('Eier').fill('Digitaliseringsleder Molde');
  await form.getByLabel('Fase').selectOption({ label: 'Konsept' });
  await form.getByLabel('Gevinster').fill('Færre henvendelser på telefon');
  await form.getByRole('button', { name: 'Opprett prosjektet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Felles innbyggerportal' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Endre prosjektet' }).click();
  const edit = page.getByRole('form', { name: 'Endre prosjektet' });
  await edit.getByLabel('Fase').selectOption({ label: 'Planlegging' });
  await edit.getByLabel('Kommune').selectOption({ label: 'Alle (hele samarbeidet)' });
  await edit.getByRole('button', { name: 'Lagre prosjektet' }).click();
  await expect(edit).toBeHidden();
  const facts = page.locator('dl.facts');
  await expect(facts).toContainText('Planlegging');
  await expect(facts).toContainText('Alle');
  await expect(facts).toContainText('Færre henvendelser på telefon');
});

test('a procurement is moved to its award on its page, and the contract is refused during the standstill', async ({ page }) => {
  test.setTimeout(180_000);
  // The test clock: the last minute of the security partner's standstill.
  await page.context().setExtraHTTPHeaders({ 'x-samrad-now': new Date('2023-12-11T23:59:00+01:00').toISOString() });
  await signInThroughPage(page, 'staff');
  await page.goto('/portefolje');
  await page.getByTestId('procurement-list').getByRole('link', { name: 'Sikkerhetspartner (DigiMR)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sikkerhetspartner (DigiMR)' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('navigation', { name: 'Trinnene i anskaffelsen' }).locator('[aria-current="step"]')).toHaveText('6Karensperiode');
  await expect(page.getByTestId('standstill-state')).toHaveText('Karensperioden løper til 11.12.2023 23:59. Kontrakten kan ikke signeres før den er over.');
  const sign = page.getByRole('form', { name: 'Signering av kontrakt' });
  await sign.getByRole('button', { name: 'Registrer signert kontrakt' }).click();
  await expect(sign.getByRole('alert')).toContainText('Kontrakten kan ikke signeres før karensperioden er over: den løper til 11.12.2023 23:59');
  await expect(page.getByTestId('procurement-facts')).not.toContainText('Kontrakt signert');

  // A new one, from the need to the award.
  await page.goto('/portefolje');
  await page.getByRole('button', { name: 'Ny anskaffelse' }).click();
  const create = page.getByRole('form', { name: 'Ny anskaffelse' });
  await create.getByLabel('Tittel').fill('Ny sak- og arkivløsning');
  await create.getByRole('button', { name: 'Opprett anskaffelsen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny sak- og arkivløsning' })).toBeVisible({ timeout: 30_000 });
  const move = page.getByRole('form', { name: 'Flytt anskaffelsen' });
  await move.getByLabel('Trinn').selectOption({ label: 'Kunngjort' });
  await move.getByRole('button', { name: 'Lagre trinnet' }).click();
  await expect(move.getByLabel('Doffin-referanse')).toHaveAccessibleDescription(/Må fylles ut fra kunngjort/);
  await move.getByLabel('Doffin-referanse').fill('2023-123456');
  await move.getByLabel('Trinn').selectOption({ label: 'Evaluering' });
  await move.getByLabel('Tilbudsfrist (dato)').fill('2023-11-20');
  await move.getByRole('button', { name: 'Lagre trinnet' }).click();
  const award = page.getByRole('form', { name: 'Tildeling' });
  await award.getByLabel('Leverandør').fill('Acos');
  await award.getByLabel('Tildelingen sendt (dato)').fill('2023-12-04');
  await award.getByLabel('Tildelingen sendt (klokkeslett)').fill('14:00');
  await award.getByRole('button', { name: 'Registrer tildelingen' }).click();
  await expect(page.getByTestId('standstill-state')).toHaveText('Karensperioden løper til 14.12.2023 23:59. Kontrakten kan ikke signeres før den er over.');
  await expect(page.getByTestId('procurement-facts')).toContainText('04.12.2023 14:00');
});

/** Picks the body, then its only meeting, and sends the proposal to the step shown. */
async function sendTo(page: Page, step: string, body: string) {
  const form = page.getByRole('form', { name: 'Send til neste steg' });
  await form.getByLabel('Steg').selectOption({ label: step });
  await form.getByLabel('Organ').selectOption({ label: body });
  await expect(form.getByLabel('Møte').locator('option')).toHaveCount(2);
  await form.getByLabel('Møte').selectOption({ index: 1 });
  await form.getByRole('button', { name: 'Send forslaget' }).click();
  await expect(form.getByRole('status')).toHaveText('Forslaget er lagt på møtets saksliste.');
}

test('a proposal goes through the pipeline by its forms, the council splits its cost and a late joiner is credited to the first three', async ({ page, request }) => {
  test.setTimeout(240_000);
  // The bodies of the pipeline, a meeting of each, and SSB's figures are set up through the API; the
  // pipeline itself is done in the browser.
  await signInByApi(request, 'admin');
  const bodies = (await (await request.get('/api/bodies')).json()).bodies as { name: string; cooperationId: string }[];
  const coop = bodies.find((b) => b.name === 'Samarbeidsrådet for ROR-IKT')!.cooperationId;
  const meetingOf = async (name: string, date: string) => {
    const body = await request.post('/api/bodies', { data: { cooperationId: coop, name } });
    expect(body.status()).toBe(201);
    const meeting = await request.post('/api/meetings', { data: { bodyId: (await body.json()).id, date, startTime: '09:00', place: 'Molde' } });
    expect(meeting.status()).toBe(201);
    return (await meeting.json()).meeting.id as string;
  };
  await meetingOf('Faggruppe helse og velferd (innovasjonsløypa)', '2024-01-10');
  await meetingOf('Porteføljeråd (innovasjonsløypa)', '2024-01-24');
  const councilMeeting = await meetingOf('Samarbeidsråd (innovasjonsløypa)', '2024-02-14');
  const members = (await (await request.get('/api/portfolio/populations/2024')).json()).rows as { municipalityId: string; name: string }[];
  const id = (name: string) => members.find((m) => m.name === name)!.municipalityId;
  const inhabitants = { Molde: 32_000, Aukra: 3_600, Rauma: 7_400, Vestnes: 6_800 };
  expect((await request.put('/api/portfolio/populations/2024', { data: { rows: Object.entries(inhabitants).map(([name, n]) => ({ municipalityId: id(name), inhabitants: n })) } })).status()).toBe(200);

  await signInThroughPage(page, 'staff');
  await page.goto('/portefolje');
  await page.getByRole('button', { name: 'Nytt forslag' }).click();
  const create = page.getByRole('form', { name: 'Nytt forslag' });
  await create.getByLabel('Hva foreslås').fill('Digitalt nattilsyn');
  await create.getByLabel('Foreslått av').fill('Faggruppe helse og velferd');
  await create.getByLabel('Problem').fill('Nattilsyn forstyrrer søvnen');
  await create.getByLabel('Gevinst').fill('Bedre søvn, færre runder');
  await create.getByLabel('Kostnadsanslag (kr)').fill('ni hundre tusen');
  for (const name of ['Molde', 'Aukra', 'Rauma']) await create.getByRole('checkbox', { name }).check();
  await create.getByRole('button', { name: 'Opprett forslaget' }).click();
  await expect(create.getByLabel('Kostnadsanslag (kr)')).toHaveAccessibleDescription(/Skriv beløpet i hele kroner/);
  await create.getByLabel('Kostnadsanslag (kr)').fill('900 000');
  await create.getByRole('button', { name: 'Opprett forslaget' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Digitalt nattilsyn' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('dl.facts')).toContainText(`900${NB}000`);

  await sendTo(page, 'Faggruppe', 'Faggruppe helse og velferd (innovasjonsløypa)');
  await sendTo(page, 'Porteføljeråd', 'Porteføljeråd (innovasjonsløypa)');
  await sendTo(page, 'Samarbeidsråd', 'Samarbeidsråd (innovasjonsløypa)');
  const cases = page.getByTestId('proposal-cases');
  await expect(cases.getByRole('row')).toHaveCount(4);
  await expect(cases.getByRole('row').nth(3)).toContainText('Samarbeidsråd (innovasjonsløypa)');

  // The council's decision: 30 % equal and 70 % by inhabitants, the split shown before it is saved.
  const decision = page.getByRole('form', { name: 'Samarbeidsrådets vedtak' });
  await expect(decision.getByLabel('Vedtaksdato', { exact: true })).toHaveValue('2024-02-14');
  await decision.getByLabel('Fordelingsmodell').selectOption({ label: 'Fast del og innbyggertall' });
  await expect(decision.getByLabel('Fast del (prosent, likt fordelt)')).toHaveValue('30');
  await expect(decision.getByLabel('Beløp som fordeles (kr)')).toHaveValue('900000');
  // A year without figures: the server's 400 stands at the basis year.
  await decision.getByLabel('Grunnlagsår').fill('2023');
  await decision.getByRole('button', { name: 'Vis fordelingen' }).click();
  await expect(decision.getByLabel('Grunnlagsår')).toHaveAccessibleDescription(/Innbyggertall mangler for/);
  await decision.getByLabel('Grunnlagsår').fill('');
  await decision.getByRole('button', { name: 'Vis fordelingen' }).click();
  const preview = page.getByTestId('split-preview');
  await expect(preview.getByRole('row', { name: /^Molde/ })).toContainText(`558${NB}837`);
  await expect(preview.getByRole('row', { name: /^Rauma/ })).toContainText(`198${NB}419`);
  await expect(preview.getByRole('row', { name: /^Sum/ })).toContainText(`900${NB}000`);
  await decision.getByRole('button', { name: 'Lagre vedtaket' }).click();
  await expect(page.getByText('30 % likt, resten etter innbyggertall')).toBeVisible();
  await expect(page.getByTestId('cost-split-0').getByRole('row', { name: /^Molde/ })).toContainText(`558${NB}837`);

  // Vestnes joins a year later; its entry amount is computed and credited to the three.
  const join = page.getByRole('form', { name: 'Kommune blir med eller går ut' });
  await join.getByLabel('Kommune').selectOption({ label: 'Vestnes' });
  await join.getByLabel('Dato').fill('2025-02-12');
  await join.getByRole('button', { name: 'Legg til kommunen' }).click();
  const afterJoin = page.getByTestId('cost-split-1');
  await expect(afterJoin).toHaveAccessibleName(/Vestnes blir med og betaler 153\s524 kr/);
  await expect(afterJoin.getByRole('row', { name: /^Molde/ }).getByRole('cell')).toHaveText(['Molde', `558${NB}837`, `95${NB}328`, `463${NB}509`]);
  await expect(afterJoin.getByRole('row', { name: /^Vestnes/ }).getByRole('cell')).toHaveText(['Vestnes', `153${NB}524`, '0', `153${NB}524`]);
  await expect(afterJoin.getByRole('row', { name: /^Sum/ })).toContainText(`900${NB}000`);

  // The council's case links back to the proposal from its meeting.
  await page.goto(`/moter/${councilMeeting}?steg=saksliste`);
  await page.getByTestId('case-proposal').first().getByRole('link', { name: 'Digitalt nattilsyn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Digitalt nattilsyn' })).toBeVisible({ timeout: 30_000 });
});

/** The demo's proposal that has gone the whole pipeline (demo/data/portfolio.ts, demoPipeline). */
const PIPELINE_DEMO = 'Felles responssenter for velferdsteknologi';

/** Three bodies with a meeting each, made through the API by a signed-in admin; the council's meeting id last. */
async function pipelineMeetings(request: APIRequestContext, suffix: string) {
  const bodies = (await (await request.get('/api/bodies')).json()).bodies as { name: string; cooperationId: string }[];
  const coop = bodies.find((b) => b.name === 'Samarbeidsrådet for ROR-IKT')!.cooperationId;
  const ids: string[] = [];
  for (const [name, date] of [['Faggruppe', '2024-01-10'], ['Porteføljeråd', '2024-01-24'], ['Samarbeidsråd', '2024-02-14']] as const) {
    const body = await request.post('/api/bodies', { data: { cooperationId: coop, name: `${name} (${suffix})` } });
    expect(body.status()).toBe(201);
    const meeting = await request.post('/api/meetings', { data: { bodyId: (await body.json()).id, date, startTime: '09:00', place: 'Molde' } });
    expect(meeting.status()).toBe(201);
    ids.push((await meeting.json()).meeting.id as string);
  }
  return ids;
}

test('the demo\'s decided proposal shows its cases in the three bodies, and its council case links back in one request', async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughPage(page, 'council');
  await page.goto('/portefolje');
  await page.getByTestId('proposal-list').getByRole('link', { name: PIPELINE_DEMO }).click();
  await expect(page.getByRole('heading', { level: 1, name: PIPELINE_DEMO })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('dl.facts')).toContainText('Vedtatt');
  const cases = page.getByTestId('proposal-cases');
  await expect(cases.getByRole('row')).toHaveCount(4);
  await expect(cases.getByRole('row').nth(1)).toContainText('Faggruppe helse og velferd');
  await expect(cases.getByRole('row').nth(1)).toContainText('Faggruppen anbefaler forslaget');
  await expect(cases.getByRole('row').nth(2)).toContainText('Porteføljerådet');
  await expect(cases.getByRole('row').nth(3)).toContainText('2024/M4-003');
  await expect(cases.getByRole('row').nth(3)).toContainText('Samarbeidsrådet vedtar å etablere');
  await expect(page.getByTestId('cost-split-1')).toHaveAccessibleName(/Rauma blir med/);

  // The meeting page asks the portfolio once for all its cases, not once per agenda row.
  const asked: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/api/portfolio/')) asked.push(new URL(r.url()).pathname); });
  await cases.getByRole('row').nth(3).getByRole('link').click();
  await expect(page.getByTestId('case-proposal').first().getByRole('link', { name: PIPELINE_DEMO })).toBeVisible({ timeout: 30_000 });
  expect(asked.filter((p) => p.startsWith('/api/portfolio/cases/'))).toEqual([]);
  expect(asked.filter((p) => /^\/api\/portfolio\/meetings\/[^/]+\/proposals$/.test(p))).toHaveLength(1);
});

test('a member leaves the demo\'s decided proposal: the split is computed again and the earlier steps stay', async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughPage(page, 'staff');
  await page.goto('/portefolje');
  await page.getByTestId('proposal-list').getByRole('link', { name: PIPELINE_DEMO }).click();
  await expect(page.getByRole('heading', { level: 1, name: PIPELINE_DEMO })).toBeVisible({ timeout: 30_000 });
  const aukraAt = (step: number) => page.getByTestId(`cost-split-${step}`).getByRole('row', { name: /^Aukra/ }).getByRole('cell');
  await expect(aukraAt(1)).toHaveText(AUKRA_AFTER_RAUMA);

  const form = page.getByRole('form', { name: 'Kommune blir med eller går ut' });
  await form.getByLabel('Endring').selectOption({ label: 'Går ut' });
  await form.getByLabel('Kommune').selectOption({ label: 'Aukra' });
  await form.getByLabel('Dato').fill('2025-06-30');
  await form.getByRole('button', { name: 'Meld kommunen ut' }).click();
  const left = page.getByTestId('cost-split-2');
  await expect(left).toHaveAccessibleName(/30\.06\.2025: Aukra går ut/);
  // Aukra keeps what it paid and was credited; it is marked as gone and gets no part of later entries.
  await expect(aukraAt(2)).toHaveText(['Aukra (utmeldt)', ...AUKRA_AFTER_RAUMA.slice(1)]);
  await expect(left.getByRole('row', { name: /^Sum/ })).toContainText(`1${NB}200${NB}000`);

  await form.getByLabel('Endring').selectOption({ label: 'Blir med' });
  await form.getByLabel('Kommune').selectOption({ label: 'Vestnes' });
  await form.getByLabel('Dato').fill('2025-09-01');
  await form.getByLabel('Inngangsbeløp (kr)').fill('100 000');
  await form.getByRole('button', { name: 'Legg til kommunen' }).click();
  const joined = page.getByTestId('cost-split-3');
  await expect(joined).toHaveAccessibleName(/Vestnes blir med og betaler 100\s000 kr/);
  await expect(aukraAt(3)).toHaveText(['Aukra (utmeldt)', ...AUKRA_AFTER_RAUMA.slice(1)]);
  for (const [name, cells] of Object.entries(AFTER_VESTNES)) {
    await expect(joined.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell')).toHaveText([name, ...cells]);
  }
  await expect(joined.getByRole('row', { name: /^Sum/ })).toContainText(`1${NB}200${NB}000`);
  // The history stands: at the decision and at Rauma's entry Aukra was in.
  await expect(aukraAt(0).first()).toHaveText('Aukra');
  await expect(aukraAt(1)).toHaveText(AUKRA_AFTER_RAUMA);
});

test('the council says no: the proposal ends «Avslått» with its cases and no split', async ({ page, request }) => {
  test.setTimeout(120_000);
  await signInByApi(request, 'admin');
  const meetings = await pipelineMeetings(request, 'avslag');
  const created = await request.post('/api/portfolio/proposals', { data: { title: 'Robot i resepsjonen', proposedBy: 'Faggruppe portal og innbyggerdialog' } });
  expect(created.status()).toBe(201);
  let proposal = await created.json() as { id: string; revision: number };
  for (const [i, step] of (['faggruppe', 'portefoljerad', 'samarbeidsrad'] as const).entries()) {
    const sent = await request.post(`/api/portfolio/proposals/${proposal.id}/cases`, { data: { revision: proposal.revision, step, meetingId: meetings[i] } });
    expect(sent.status()).toBe(201);
    proposal = await sent.json();
  }

  await signInThroughPage(page, 'staff');
  await page.goto(`/portefolje/forslag/${proposal.id}`);
  const decision = page.getByRole('form', { name: 'Samarbeidsrådets vedtak' });
  await decision.getByRole('radio', { name: 'Gjennomføres ikke' }).check();
  // No split for a no: the model and the payers are not asked for.
  await expect(decision.getByLabel('Fordelingsmodell')).toHaveCount(0);
  await decision.getByRole('button', { name: 'Lagre vedtaket' }).click();
  await expect(decision).toBeHidden();
  await expect(page.locator('dl.facts')).toContainText('Avslått');
  await expect(page.getByText('14.02.2024: Avslått')).toBeVisible();
  await expect(page.getByTestId('proposal-cases').getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('heading', { name: 'Kostnadsfordeling' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Send til neste steg' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Kommune blir med eller går ut' })).toHaveCount(0);
  expect((await request.get(`/api/portfolio/proposals/${proposal.id}/cost-split`)).status()).toBe(409);
  await page.goto('/portefolje');
  await expect(page.getByTestId('proposal-list').getByRole('row', { name: /^Robot i resepsjonen/ })).toContainText('Avslått');
});

test('on an English page a signing during the standstill is refused with its end, 23:59 Oslo time', async ({ page }) => {
  test.setTimeout(120_000);
  await page.context().setExtraHTTPHeaders({ 'x-samrad-now': new Date('2023-12-11T23:59:00+01:00').toISOString() });
  await useLanguage(page.context(), 'en');
  await signInByApi(page.context().request, 'staff');
  const list = (await (await page.request.get('/api/portfolio/procurements')).json()).procurements as { id: string; title: string }[];
  await page.goto(`/portefolje/anskaffelser/${list.find((p) => p.title.startsWith('Sikkerhetspartner'))!.id}`);
  const sign = page.getByRole('form', { name: 'Signing the contract' });
  await sign.getByRole('button', { name: 'Record the signed contract' }).click();
  await expect(sign.getByRole('alert')).toContainText('The contract cannot be signed before the standstill period ends: it runs until 11.12.2023 23:59 (Norwegian time, Europe/Oslo)');
});

test('a procurement lists the council cases it was treated in, and staff tie and untie another', async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughPage(page, 'staff');
  await page.goto('/portefolje');
  await page.getByTestId('procurement-list').getByRole('link', { name: 'Sikkerhetspartner (DigiMR)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sikkerhetspartner (DigiMR)' })).toBeVisible({ timeout: 30_000 });
  const cases = page.getByTestId('procurement-cases');
  await expect(cases.getByRole('row')).toHaveCount(3);
  await expect(cases.getByRole('row').nth(1)).toContainText('2023/M6-004');
  await expect(cases.getByRole('row').nth(2)).toContainText('2024/M2-007');
  const tie = page.getByRole('form', { name: 'Knytt til en sak' });
  await tie.getByLabel('Organ').selectOption({ label: 'Samarbeidsrådet for ROR-IKT' });
  await tie.getByLabel('Møte').selectOption({ label: '2024/M3 17.04.2024' });
  await tie.getByLabel('Sak').selectOption({ label: '2024/M3-001 Godkjenning av innkalling og saksliste' });
  await tie.getByRole('button', { name: 'Knytt saken til anskaffelsen' }).click();
  await expect(tie.getByRole('status')).toHaveText('Saken er knyttet til anskaffelsen.');
  await expect(cases.getByRole('row')).toHaveCount(4);
  await expect(cases.getByRole('row').nth(3)).toContainText('2024/M3-001');
  await cases.getByRole('button', { name: 'Fjern 2024/M3-001' }).click();
  await expect(cases.getByRole('row')).toHaveCount(3);
  // The meeting link leads to the case's meeting.
  await cases.getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Samarbeidsrådet for ROR-IKT 2023 M6' })).toBeVisible({ timeout: 30_000 });
});

test('a municipality user sees the projects of their municipality and those for every member, and no procurements or pipeline', async ({ page, request }) => {
  test.setTimeout(120_000);
  await signInByApi(request, 'staff');
  const all = (await (await request.get('/api/portfolio/weeks/2023-W48')).json()).rows as { projectId: string; title: string; municipalityName: string }[];
  const aukra = all.find((r) => r.municipalityName === 'Aukra')!;
  await signInThroughPage(page, 'municipality');
  await page.goto('/portefolje?uke=2023-W48');
  const rows = page.getByTestId('week-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  await expect(rows.locator('> :first-child')).toHaveText([
    'Kartlegging og utbedring av WiFi i kommunale bygg', 'Nesset Kommunehus', 'Gamle Hjelset barnehage', 'Vistdal utleieboliger', 'Flytting av legevaktsentral',
  ]);
  await expect(rows.locator('> :last-child')).toHaveText(['Alle', 'Molde', 'Molde', 'Molde', 'Molde']);
  await expect(page.getByTestId('procurement-list')).toHaveCount(0);
  await expect(page.getByTestId('proposal-list')).toHaveCount(0);
  // Another municipality's project is not there for them, as if it did not exist.
  await page.goto(`/portefolje/prosjekter/${aukra.projectId}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Finnes ikke' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Prosjektet finnes ikke')).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(aukra.title);
});

test('the portfolio\'s open forms reflow at 320 px with zero axe violations in both languages; screenshots at 1366 and 390', async ({ browser }, info) => {
  test.setTimeout(300_000);
  for (const language of ['nb', 'en'] as const) {
    const context = await browser.newContext();
    await useLanguage(context, language);
    await signInByApi(context.request, 'staff');
    const page = await context.newPage();
    const list = (await (await page.request.get('/api/portfolio/procurements')).json()).procurements as { id: string; title: string }[];
    const proposals = (await (await page.request.get('/api/portfolio/proposals')).json()).proposals as { id: string; title: string; stage: string }[];
    const demoProposal = proposals.find((p) => p.title === 'Felles krav og sjekkliste for kjøp av skytjenester')!;
    const evaluating = list.find((p) => p.title.startsWith('Nytt system for lønn'))!;
    const pages: { name: string; path: string; open?: string }[] = [
      { name: 'portfolio-forms', path: '/portefolje?uke=2023-W48', open: language === 'nb' ? 'Nytt forslag' : 'New proposal' },
      { name: 'procurement-evaluation', path: `/portefolje/anskaffelser/${evaluating.id}` },
      { name: 'proposal-send', path: `/portefolje/forslag/${demoProposal.id}` },
    ];
    // After the pipeline test: the decided proposal with its split and the join form.
    const decided = proposals.find((p) => p.stage === 'vedtatt');
    if (decided) pages.push({ name: 'proposal-split', path: `/portefolje/forslag/${decided.id}` });
    for (const p of pages) {
      for (const width of [1366, 320, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(p.path);
        await settled(page);
        if (p.open) {
          await page.getByRole('button', { name: p.open }).click();
          await expect(page.getByRole('form', { name: p.open })).toBeVisible();
        }
        if (width === 390 || width === 1366) await page.screenshot({ path: info.outputPath(`${p.name}-${language}-${width}.png`), fullPage: true, timeout: 60_000 });
        if (width !== 390) expect(await pageProblems(page), `${p.path} (${language}) at ${width} px`).toEqual([]);
      }
    }
    await context.close();
  }
});

test('staff add a project kind and SSB inhabitants in the set-up forms; a bad number is refused at its field', async ({ page }) => {
  test.setTimeout(150_000);
  await signInThroughPage(page, 'staff');
  await page.goto('/portefolje');
  await page.getByRole('button', { name: 'Prosjekttyper og innbyggertall' }).click();
  const kinds = page.getByTestId('kind-form');
  await kinds.getByLabel('Navn på prosjekttypen').fill('Nettverksprosjekt');
  await kinds.getByLabel(/rapporterer status hver uke/).check();
  await kinds.getByRole('button', { name: 'Legg til prosjekttype' }).click();
  await expect(kinds.getByRole('listitem').filter({ hasText: 'Nettverksprosjekt (ukestatus)' })).toBeVisible();
  const listed = await (await page.request.get('/api/portfolio/kinds')).json();
  expect(listed.kinds.map((k: { name: string }) => k.name)).toContain('Nettverksprosjekt');

  const populations = page.getByTestId('populations-form');
  await populations.getByLabel('År').fill('2021');
  // The year's table loads after the field changes; read its rows only once its caption names 2021.
  await expect(populations.locator('caption', { hasText: '2021' })).toBeVisible();
  await expect(populations.getByRole('rowheader').first()).toBeVisible();
  const names = await populations.getByRole('rowheader').allTextContents();
  expect(names.length).toBeGreaterThanOrEqual(3);
  await populations.getByLabel(`Innbyggere i ${names[0]}`).fill('tolv');
  await populations.getByRole('button', { name: 'Lagre innbyggertall' }).click();
  await expect(populations.getByText(`Innbyggertallet for ${names[0]} må være et helt tall større enn 0`).first()).toBeVisible();
  for (const [i, name] of names.entries()) await populations.getByLabel(`Innbyggere i ${name}`).fill(String(10_000 + i * 1_000));
  await populations.getByRole('button', { name: 'Lagre innbyggertall' }).click();
  await expect(populations.getByRole('status')).toHaveText('Lagret.');
  const saved = await (await page.request.get('/api/portfolio/populations/2021')).json();
  expect(saved.rows.map((r: { name: string; inhabitants: number }) => [r.name, r.inhabitants]))
    .toEqual(names.map((name, i) => [name, 10_000 + i * 1_000]));
  expect(await pageProblems(page)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await pageProblems(page)).toEqual([]);
});
