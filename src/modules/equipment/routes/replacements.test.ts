// The replacement campaign over HTTP, on a real database: switched on per municipality with its standard
// models, the users of expired PCs invited by mail, the user's order sent to the unit's approver (or the
// municipality's fallback) with a one-click link, a rejection told to the user with its reason, an
// approval, then ordered → delivered → handed over (the new PC becomes the user's) → the old PC returned,
// wiped and retired (its retirement steps too); a deferral with a reason. Every refusal: 401, 403, 404,
// 409 (wrong state, stale revision), 400 (bad input, named field).
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, fieldsOf, json } from '../../../test/app.js';
import { outbox } from '../../mail/schema.js';
import { deviceUpload, startEquipment, type TEquipmentWorld } from '../equipment-fixture.js';
import { listMessagesAbout } from '../../messages/messages.service.js';
import { remindApprovers, remindUsers, userReminderJob } from '../replacement-reminders.service.js';
import { EQUIPMENT_ACCOUNTS } from '../test-factories.js';

let w: TEquipmentWorld;
beforeAll(async () => void (w = await startEquipment({ PUBLIC_URL: 'https://samrad.example.no'})));
afterAll(() => w.database.drop());

/** The user's and manager's steps are dated today, so the staff's steps after them are too. */
const TODAY = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const MODELS = ['Latitude 5450', 'ThinkPad T14 Gen 5'];
/** Molde in November 2023: Anne's and Ola's expired PCs, a shared expired PC, and a new PC in stock. */
const EXPORT = [
  'Serial number;Model;Primary user UPN;Ownership;Kommune;Last check-in;Purchase date',
  `OLD001;Latitude 5400;${EQUIPMENT_ACCOUNTS.molde.toUpperCase()};Corporate;Molde;20.11.2023 08:00;15.01.2016`,
  'OLD002;Latitude 5400;ola@molde.kommune.no;Corporate;Molde;21.11.2023 08:00;15.01.2017',
  'OLD003;Latitude 5400;;Corporate;Molde;22.11.2023 08:00;15.01.2017',
  'NEW001;Latitude 5450;;Corporate;Molde;23.11.2023 08:00;01.11.2023',
];

async function mailsTo(to: string) {
  return w.database.db.select().from(outbox).where(eq(outbox.to, to)).orderBy(desc(outbox.createdAt));
}
const tokenIn = (text: string) => /token=([\w-]+)/.exec(text)![1]!;

type TReplacementJson = { id: string; revision: number; state: string; userEmail: string; device: { serial: string } };
let anne: TReplacementJson;
let ola: TReplacementJson;

describe('campaign, approvers and invitations', () => {
  beforeAll(async () => {
    await json(await w.staff.post('/api/equipment/device-imports', deviceUpload(EXPORT, '2023-11')), 201);
  });

  it('refuses the wrong role, an unknown municipality, a campaign without models, and inviting while it is off', async () => {
    const path = `/api/equipment/campaigns/${w.f.ids.molde}`;
    expect((await json(await w.anon.put(path, { active: true, standardModels: MODELS }), 401)).error.code).toBe('unauthorized');
    for (const client of [w.council, w.molde]) expect((await json(await client.put(path, { active: true, standardModels: MODELS }), 403)).error.code).toBe('forbidden');
    expect(fieldsOf(await json(await w.staff.put(`/api/equipment/campaigns/${UNKNOWN}`, { active: true, standardModels: MODELS }), 400))).toEqual(['municipalityId']);
    expect(fieldsOf(await json(await w.staff.put(path, { active: true, standardModels: [] }), 400))).toEqual(['standardModels']);
    expect(fieldsOf(await json(await w.staff.put(path, { active: 'ja' }), 400))).toEqual(['active']);
    expect((await json(await w.staff.post(`${path}/invitations`, { asOf: '2023-11-28' }), 409)).error.code).toBe('conflict');
  });

  it('switches the campaign on for one municipality and names a unit approver and the fallback', async () => {
    const campaign = await call(w.staff, 'PUT', `/api/equipment/campaigns/${w.f.ids.molde}`, { active: true, standardModels: MODELS }, 200);
    expect(campaign).toMatchObject({ municipality: 'Molde', active: true, standardModels: MODELS, changedByName: 'Fred Leder' });
    await call(w.staff, 'PUT', `/api/equipment/campaigns/${w.f.ids.rauma}`, { active: false }, 200);
    expect((await call(w.staff, 'GET', '/api/equipment/campaigns', undefined, 200)).campaigns.map((c: { municipality: string; active: boolean }) => [c.municipality, c.active]))
      .toEqual([['Molde', true], ['Rauma', false]]);
    await call(w.staff, 'PUT', '/api/equipment/approvers', { municipalityId: w.f.ids.molde, unit: null, name: 'Reserve Leder', email: 'Reserve@Molde.kommune.no' }, 200);
    await call(w.staff, 'PUT', '/api/equipment/approvers', { municipalityId: w.f.ids.molde, unit: 'Skole', name: 'Skole Sjef', email: 'sjef@molde.kommune.no' }, 200);
    // Setting a unit's approver again replaces the one before.
    await call(w.staff, 'PUT', '/api/equipment/approvers', { municipalityId: w.f.ids.molde, unit: 'Skole', name: 'Skole Leder', email: 'skole@molde.kommune.no' }, 200);
    const { approvers } = await call(w.staff, 'GET', '/api/equipment/approvers', undefined, 200);
    expect(approvers.map((a: { unit: string | null; email: string }) => [a.unit, a.email])).toEqual([['Skole', 'skole@molde.kommune.no'], [null, 'reserve@molde.kommune.no']]);
    expect(fieldsOf(await json(await w.staff.put('/api/equipment/approvers', { municipalityId: w.f.ids.molde, name: 'X', email: 'ikke-epost' }), 400))).toEqual(['email']);
    expect((await json(await w.molde.put('/api/equipment/approvers', { municipalityId: w.f.ids.molde, name: 'X', email: 'x@y.no' }), 403)).error.code).toBe('forbidden');
  });

  it('invites the users of expired PCs signed in during the month, once each, by mail', async () => {
    const path = `/api/equipment/campaigns/${w.f.ids.molde}/invitations`;
    expect(await call(w.staff, 'POST', path, { asOf: '2023-11-28' }, 201)).toEqual({ invited: 2, alreadyUnderway: 0, withoutUser: 1 });
    expect(await call(w.staff, 'POST', path, { asOf: '2023-11-28' }, 201)).toEqual({ invited: 0, alreadyUnderway: 2, withoutUser: 1 });
    expect(fieldsOf(await json(await w.staff.post(path, { asOf: '2023-13-01' }), 400))).toEqual(['asOf']);
    expect((await json(await w.molde.post(path, { asOf: '2023-11-28' }), 403)).error.code).toBe('forbidden');
    const [mail] = await mailsTo(EQUIPMENT_ACCOUNTS.molde.toUpperCase());
    expect(mail!.subject).toContain('OLD001');
    expect(mail!.text).toContain('https://samrad.example.no/utstyr/bytte/');
    expect(mail!.text).toContain('Latitude 5450');

    // Anne sees her own replacement only; Aukra's user none; staff both.
    const own = (await call(w.molde, 'GET', '/api/equipment/replacements', undefined, 200)).replacements;
    expect(own.map((r: TReplacementJson) => r.device.serial)).toEqual(['OLD001']);
    expect(own[0]).toMatchObject({ state: 'invited', standardModels: MODELS, steps: [{ state: 'invited', on: '2023-11-28', actorName: 'Fred Leder' }] });
    expect((await call(w.aukra, 'GET', '/api/equipment/replacements', undefined, 200)).replacements).toEqual([]);
    // The invitation is in Anne's in-app messages too, with the link to order; nobody else's list has it.
    expect((await call(w.molde, 'GET', '/api/messages', undefined, 200))).toMatchObject({
      unread: 1, messages: [{ subject: 'PC-en din (OLD001) er utgått: bestill en ny', link: `/utstyr/bytte/${own[0].id}`, source: 'equipment.replacement', readAt: null }],
    });
    for (const client of [w.aukra, w.staff]) expect((await call(client, 'GET', '/api/messages', undefined, 200)).messages).toEqual([]);
    const all = (await call(w.staff, 'GET', '/api/equipment/replacements', undefined, 200)).replacements;
    [anne, ola] = all;
    expect([anne.device.serial, ola.device.serial]).toEqual(['OLD001', 'OLD002']);
    expect((await json(await w.council.get('/api/equipment/replacements'), 403)).error.code).toBe('forbidden');
    expect((await json(await w.anon.get('/api/equipment/replacements'), 401)).error.code).toBe('unauthorized');
  });

  it('gives the user their own replacement with what they may do next; someone else’s is 403', async () => {
    const path = `/api/equipment/replacements/${anne.id}`;
    expect(await call(w.molde, 'GET', path, undefined, 200)).toMatchObject({
      id: anne.id, state: 'invited', canOrder: true, canDefer: true, nextStep: null,
      device: { serial: 'OLD001', name: null, model: 'Latitude 5400', expiryYear: 2021 },
    });
    expect((await call(w.staff, 'GET', `/api/equipment/replacements/${ola.id}`, undefined, 200)).userEmail).toBe('ola@molde.kommune.no');
    expect((await json(await w.molde.get(`/api/equipment/replacements/${ola.id}`), 403)).error.code).toBe('forbidden');
    expect((await json(await w.council.get(path), 403)).error.code).toBe('forbidden');
    expect((await json(await w.anon.get(path), 401)).error.code).toBe('unauthorized');
    expect((await json(await w.molde.get(`/api/equipment/replacements/${UNKNOWN}`), 404)).error.code).toBe('not_found');
    expect(fieldsOf(await json(await w.molde.get('/api/equipment/replacements/ikke-en-id'), 400))).toEqual(['id']);
  });
});

describe('the user orders, the manager decides from the mail', () => {
  it('refuses another user’s PC, a model outside the catalogue, a stale revision and an unknown id', async () => {
    const path = `/api/equipment/replacements/${anne.id}/order`;
    expect((await json(await w.molde.post(`/api/equipment/replacements/${ola.id}/order`, { model: MODELS[0], revision: 1 }), 403)).error.code).toBe('forbidden');
    expect((await json(await w.council.post(path, { model: MODELS[0], revision: 1 }), 403)).error.code).toBe('forbidden');
    expect(fieldsOf(await json(await w.molde.post(path, { model: 'MacBook Pro', revision: 1 }), 400))).toEqual(['model']);
    expect(fieldsOf(await json(await w.molde.post(path, { revision: 1 }), 400))).toEqual(['model']);
    expect((await json(await w.molde.post(path, { model: MODELS[0], revision: 7 }), 409)).error.code).toBe('stale');
    expect((await json(await w.molde.post(`/api/equipment/replacements/${UNKNOWN}/order`, { model: MODELS[0], revision: 1 }), 404)).error.code).toBe('not_found');
  });

  it('sends the order to the unit’s approver; a rejection needs a reason and reaches the user', async () => {
    const ordered = await call(w.molde, 'POST', `/api/equipment/replacements/${anne.id}/order`, { model: MODELS[0], unit: 'Skole', revision: 1 }, 201);
    expect(ordered).toMatchObject({ state: 'requested', model: MODELS[0], unit: 'Skole', approverEmail: 'skole@molde.kommune.no', revision: 2 });
    expect((await json(await w.molde.post(`/api/equipment/replacements/${anne.id}/order`, { model: MODELS[0], revision: 2 }), 409)).error.code).toBe('conflict');
    const [mail] = await mailsTo('skole@molde.kommune.no');
    expect(mail!.text).toContain('https://samrad.example.no/utstyr/godkjenning?token=');
    const token = tokenIn(mail!.text);

    // The manager's page reads what the link is for, without a session and without using it up.
    const lookup = '/api/equipment/replacement-decisions/lookup';
    expect(await call(w.anon, 'POST', lookup, { token }, 200)).toEqual({
      municipality: 'Molde', requestedBy: 'Anne Molde', userEmail: anne.userEmail, requestedOn: TODAY, model: MODELS[0], unit: 'Skole',
      approverName: 'Skole Leder', device: { serial: 'OLD001', model: 'Latitude 5400', expiryYear: 2021 },
    });
    expect(await call(w.anon, 'POST', lookup, { token }, 200)).toMatchObject({ model: MODELS[0] });
    expect(fieldsOf(await json(await w.anon.post(lookup, { token: 'kort' }), 400))).toEqual(['token']);
    expect((await json(await w.anon.post(lookup, { token: 'x'.repeat(32) }), 404)).error.code).toBe('not_found');

    expect(fieldsOf(await json(await w.anon.post('/api/equipment/replacement-decisions', { token, decision: 'rejected' }), 400))).toEqual(['comment']);
    expect(fieldsOf(await json(await w.anon.post('/api/equipment/replacement-decisions', { token, decision: 'maybe' }), 400))).toEqual(['decision']);
    expect((await json(await w.anon.post('/api/equipment/replacement-decisions', { token: 'x'.repeat(32), decision: 'approved' }), 404)).error.code).toBe('not_found');
    const rejected = await call(w.anon, 'POST', '/api/equipment/replacement-decisions', { token, decision: 'rejected', comment: 'Vent til budsjettet for 2024' }, 201);
    expect(rejected).toMatchObject({ state: 'rejected', canOrder: true, canDefer: false, nextStep: null, steps: [{ state: 'invited' }, { state: 'requested' }, { state: 'rejected', note: 'Vent til budsjettet for 2024', actorName: 'Skole Leder' }] });
    // The link works once.
    expect((await json(await w.anon.post('/api/equipment/replacement-decisions', { token, decision: 'approved' }), 404)).error.code).toBe('not_found');
    expect((await json(await w.anon.post(lookup, { token }), 404)).error.code).toBe('not_found');
    const [told] = await mailsTo(anne.userEmail);
    expect(told!.subject).toContain('avslått');
    expect(told!.text).toContain('Vent til budsjettet for 2024');
    const [inApp] = (await call(w.molde, 'GET', '/api/messages', undefined, 200)).messages;
    expect(inApp).toMatchObject({ subject: 'Bestillingen av ny PC er avslått', link: `/utstyr/bytte/${anne.id}` });
    expect(inApp.text).toContain('Vent til budsjettet for 2024');
  });

  it('sends a new order without a unit to the fallback approver, who approves', async () => {
    const again = await call(w.molde, 'POST', `/api/equipment/replacements/${anne.id}/order`, { model: MODELS[1], revision: 3 }, 201);
    expect(again).toMatchObject({ state: 'requested', approverEmail: 'reserve@molde.kommune.no', model: MODELS[1] });
    const token = tokenIn((await mailsTo('reserve@molde.kommune.no'))[0]!.text);
    expect(await call(w.anon, 'POST', '/api/equipment/replacement-decisions', { token, decision: 'approved', comment: null }, 201))
      .toMatchObject({ state: 'approved', canOrder: false, canDefer: false, nextStep: 'ordered' });
    expect((await mailsTo(anne.userEmail))[0]!.subject).toContain('godkjent');
  });

  it('lets the user defer with a reason, once, and only their own', async () => {
    const path = `/api/equipment/replacements/${ola.id}/defer`;
    expect((await json(await w.molde.post(path, { reason: 'Ikke min', revision: 1 }), 403)).error.code).toBe('forbidden');
    expect(fieldsOf(await json(await w.staff.post(path, { reason: ' ', revision: 1 }), 400))).toEqual(['reason']);
    expect(await call(w.staff, 'POST', path, { reason: 'Permisjon til mars', revision: 1 }, 201)).toMatchObject({ state: 'deferred', revision: 2 });
    expect((await json(await w.staff.post(path, { reason: 'Igjen', revision: 2 }), 409)).error.code).toBe('conflict');
    expect((await json(await w.staff.post(`/api/equipment/replacements/${anne.id}/defer`, { reason: 'For sent', revision: 5 }), 409)).error.code).toBe('conflict');
  });
});

describe('after approval: ordered, delivered, handed over, the old PC returned, wiped and retired', () => {
  it('moves one step at a time, links the new PC and retires the old one', async () => {
    const path = `/api/equipment/replacements/${anne.id}/steps`;
    let revision = 5;
    expect((await json(await w.staff.post(path, { state: 'delivered', on: TODAY, revision }), 409)).error.code).toBe('conflict');
    expect((await json(await w.molde.post(path, { state: 'ordered', on: TODAY, revision }), 403)).error.code).toBe('forbidden');
    expect((await json(await w.staff.post(`/api/equipment/replacements/${UNKNOWN}/steps`, { state: 'ordered', on: TODAY, revision: 1 }), 404)).error.code).toBe('not_found');
    expect(fieldsOf(await json(await w.staff.post(path, { state: 'ordered', on: '2023-11-01', revision }), 400))).toEqual(['on']);
    for (const state of ['ordered', 'delivered'] as const) {
      expect(await call(w.staff, 'POST', path, { state, on: TODAY, revision }, 201)).toMatchObject({ state });
      revision += 1;
    }
    expect(fieldsOf(await json(await w.staff.post(path, { state: 'handed_over', on: TODAY, revision }), 400))).toEqual(['newDeviceSerial']);
    expect(fieldsOf(await json(await w.staff.post(path, { state: 'handed_over', on: TODAY, revision, newDeviceSerial: 'NOPE' }), 400))).toEqual(['newDeviceSerial']);
    const handed = await call(w.staff, 'POST', path, { state: 'handed_over', on: TODAY, revision: revision++, newDeviceSerial: 'new001' }, 201);
    expect(handed).toMatchObject({ state: 'handed_over', newDeviceSerial: 'NEW001' });
    const [newPc] = (await call(w.staff, 'GET', '/api/equipment/devices?search=NEW001', undefined, 200)).devices;
    expect(newPc.primaryUser).toBe(anne.userEmail);

    expect(fieldsOf(await json(await w.staff.post(path, { state: 'old_wiped', on: TODAY, revision }), 400))).toEqual(['note']);
    expect((await json(await w.staff.post(path, { state: 'old_wiped', on: TODAY, revision, note: 'Blancco 9' }), 409)).error.code).toBe('conflict');
    await call(w.staff, 'POST', path, { state: 'old_returned', on: TODAY, revision: revision++ }, 201);
    await call(w.staff, 'POST', path, { state: 'old_wiped', on: TODAY, revision: revision++, note: 'Blancco 9' }, 201);
    const done = await call(w.staff, 'POST', path, { state: 'retired', on: TODAY, revision: revision++, note: 'Returselskap AS' }, 201);
    expect(done.steps.map((s: { state: string }) => s.state)).toEqual(
      ['invited', 'requested', 'rejected', 'requested', 'approved', 'ordered', 'delivered', 'handed_over', 'old_returned', 'old_wiped', 'retired']);
    expect((await call(w.staff, 'GET', '/api/equipment/devices?search=OLD001', undefined, 200)).devices[0].retirement).toBe('recycled');
    // A table dated before the return still counts the old PC.
    const before = await call(w.staff, 'GET', `/api/equipment/status?asOf=2023-11-28&municipalityId=${w.f.ids.molde}`, undefined, 200);
    expect(before.sum.expired).toBe(3);
    expect((await json(await w.staff.post(path, { state: 'retired', on: TODAY, revision }), 409)).error.code).toBe('conflict');
  });
});

describe('reminders to an approver who does not decide', () => {
  it('re-mails the approver after the wait with a new link, again after each further wait, and stops once decided', async () => {
    const db = w.database.db;
    const options = { cooperationId: w.f.coop.id, publicUrl: 'https://samrad.example.no' };
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
    // Ola deferred; staff order for him now, and the fallback approver gets the first link.
    const ordered = await call(w.staff, 'POST', `/api/equipment/replacements/${ola.id}/order`, { model: MODELS[0], revision: 2 }, 201);
    expect(ordered).toMatchObject({ state: 'requested', approverEmail: 'reserve@molde.kommune.no' });
    const first = tokenIn((await mailsTo('reserve@molde.kommune.no'))[0]!.text);

    expect(await remindApprovers(db, { ...options, now: inDays(2) })).toEqual({ reminded: [] });
    expect(await remindApprovers(db, { ...options, now: inDays(4) })).toEqual({ reminded: [ola.id] });
    const [reminder] = await mailsTo('reserve@molde.kommune.no');
    expect(reminder!.subject).toBe('Påminnelse: godkjenn ny PC for ola@molde.kommune.no');
    expect(reminder!.text).toContain('OLD002');
    const second = tokenIn(reminder!.text);
    expect(second).not.toBe(first);
    // The reminder's link replaces the first, which no longer works.
    expect((await json(await w.anon.post('/api/equipment/replacement-decisions/lookup', { token: first }), 404)).error.code).toBe('not_found');
    expect(await call(w.anon, 'POST', '/api/equipment/replacement-decisions/lookup', { token: second }, 200)).toMatchObject({ userEmail: 'ola@molde.kommune.no' });

    // Not again within the wait after a reminder; again after it; a shorter wait may be asked for.
    expect(await remindApprovers(db, { ...options, now: inDays(6) })).toEqual({ reminded: [] });
    expect(await remindApprovers(db, { ...options, now: inDays(6), waitDays: 1 })).toEqual({ reminded: [ola.id] });
    const third = tokenIn((await mailsTo('reserve@molde.kommune.no'))[0]!.text);
    await call(w.anon, 'POST', '/api/equipment/replacement-decisions', { token: third, decision: 'approved', comment: null }, 201);
    expect(await remindApprovers(db, { ...options, now: inDays(30) })).toEqual({ reminded: [] });
  });
});

describe('reminders to users who neither order nor defer', () => {
  it('reminds an invited user after the campaign’s interval, once per interval however often the job runs; a deferral holds them', async () => {
    const db = w.database.db;
    const options = { cooperationId: w.f.coop.id, publicUrl: 'https://samrad.example.no' };
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
    const dayIn = (days: number) => inDays(days).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
    await json(await w.staff.post('/api/equipment/device-imports', deviceUpload([
      EXPORT[0]!, 'OLD004;Latitude 5400;per@molde.kommune.no;Corporate;Molde;24.11.2023 08:00;15.01.2016',
      'OLD005;Latitude 5400;kari@molde.kommune.no;Corporate;Molde;24.11.2023 09:00;15.01.2016',
    ], '2023-11')), 201);
    expect(await call(w.staff, 'POST', `/api/equipment/campaigns/${w.f.ids.molde}/invitations`, { asOf: '2023-11-28' }, 201))
      .toEqual({ invited: 2, alreadyUnderway: 1, withoutUser: 1 });
    const all = (await call(w.staff, 'GET', '/api/equipment/replacements?state=invited', undefined, 200)).replacements as TReplacementJson[];
    const [per, kari] = ['OLD004', 'OLD005'].map((serial) => all.find((r) => r.device.serial === serial)!);

    // The campaign's interval is seven days unless set; the job itself (as the background runs it) sends nothing before.
    expect(await db.transaction((tx) => userReminderJob(options.publicUrl).run(tx, inDays(6)))).toEqual({ reminded: [] });
    expect((await remindUsers(db, { ...options, now: inDays(7.1) })).reminded.sort()).toEqual([per!.id, kari!.id].sort());
    // Run again at the same moment, or a day later: no second reminder.
    expect(await remindUsers(db, { ...options, now: inDays(7.1) })).toEqual({ reminded: [] });
    expect(await remindUsers(db, { ...options, now: inDays(8) })).toEqual({ reminded: [] });
    const [mail] = await mailsTo('per@molde.kommune.no');
    expect(mail!.subject).toBe('Påminnelse: PC-en din (OLD004) er utgått');
    expect(mail!.text).toContain(`https://samrad.example.no/utstyr/bytte/${per!.id}`);
    expect((await listMessagesAbout(db, { source: 'equipment.replacement', sourceId: per!.id })).map((m) => m.subject))
      .toEqual(['PC-en din (OLD004) er utgått: bestill en ny', 'Påminnelse: PC-en din (OLD004) er utgått']);

    // Kari defers to a day; Per without an end. A deferral's end must be after today and within a year.
    const defer = (r: TReplacementJson, body: object) => w.staff.post(`/api/equipment/replacements/${r.id}/defer`, { reason: 'Permisjon', revision: 1, ...body });
    expect(fieldsOf(await json(await defer(kari!, { until: dayIn(0) }), 400))).toEqual(['until']);
    expect(fieldsOf(await json(await defer(kari!, { until: dayIn(400) }), 400))).toEqual(['until']);
    expect(fieldsOf(await json(await defer(kari!, { until: 'snart' }), 400))).toEqual(['until']);
    expect(await json(await defer(kari!, { until: dayIn(20) }), 201)).toMatchObject({ state: 'deferred', deferredUntil: dayIn(20) });
    expect(await json(await defer(per!, {}), 201)).toMatchObject({ state: 'deferred', deferredUntil: null });
    expect(await remindUsers(db, { ...options, now: inDays(15) })).toEqual({ reminded: [] });
    // The deferral's day has come: Kari is reminded, once, and again a full interval later; Per never.
    expect(await remindUsers(db, { ...options, now: inDays(20) })).toEqual({ reminded: [kari!.id] });
    expect(await remindUsers(db, { ...options, now: inDays(21) })).toEqual({ reminded: [] });
    expect((await mailsTo('kari@molde.kommune.no'))[0]!.text).toContain('Du utsatte byttet av PC-en OLD005 til i dag');

    // The interval is the campaign's; a campaign switched off reminds nobody.
    const campaign = await call(w.staff, 'PUT', `/api/equipment/campaigns/${w.f.ids.molde}`, { active: true, standardModels: MODELS, userReminderDays: 2, approvalReminderDays: 1 }, 200);
    expect(campaign).toMatchObject({ userReminderDays: 2, approvalReminderDays: 1 });
    expect(fieldsOf(await json(await w.staff.put(`/api/equipment/campaigns/${w.f.ids.molde}`, { active: true, standardModels: MODELS, userReminderDays: 0 }), 400))).toEqual(['userReminderDays']);
    expect(await remindUsers(db, { ...options, now: inDays(22.5) })).toEqual({ reminded: [kari!.id] });
    await call(w.staff, 'PUT', `/api/equipment/campaigns/${w.f.ids.molde}`, { active: false, standardModels: MODELS }, 200);
    expect(await remindUsers(db, { ...options, now: inDays(100) })).toEqual({ reminded: [] });
  });
});

describe('the approver’s list and decision on the web («Mine bestillinger»)', () => {
  it('lists the requests waiting for the signed-in approver only, and lets them decide once', async () => {
    await call(w.staff, 'PUT', `/api/equipment/campaigns/${w.f.ids.molde}`, { active: true, standardModels: MODELS }, 200);
    await call(w.staff, 'PUT', '/api/equipment/approvers', { municipalityId: w.f.ids.molde, unit: 'Rådhuset', name: 'Anne Molde', email: EQUIPMENT_ACCOUNTS.molde }, 200);
    const kari = ((await call(w.staff, 'GET', '/api/equipment/replacements?state=deferred', undefined, 200)).replacements as TReplacementJson[])
      .find((r) => r.device.serial === 'OLD005')!;
    const ordered = await call(w.staff, 'POST', `/api/equipment/replacements/${kari.id}/order`, { model: MODELS[1], unit: 'Rådhuset', revision: kari.revision }, 201);
    expect(ordered).toMatchObject({ state: 'requested', approverEmail: EQUIPMENT_ACCOUNTS.molde });

    expect((await call(w.molde, 'GET', '/api/equipment/approvals', undefined, 200)).replacements.map((r: TReplacementJson) => r.id)).toEqual([kari.id]);
    expect((await call(w.aukra, 'GET', '/api/equipment/approvals', undefined, 200)).replacements).toEqual([]);
    expect((await call(w.staff, 'GET', '/api/equipment/approvals', undefined, 200)).replacements).toEqual([]);
    expect((await json(await w.council.get('/api/equipment/approvals'), 403)).error.code).toBe('forbidden');
    expect((await json(await w.anon.get('/api/equipment/approvals'), 401)).error.code).toBe('unauthorized');
    // The request is in Anne's in-app messages with the link to this list.
    expect((await call(w.molde, 'GET', '/api/messages', undefined, 200)).messages[0]).toMatchObject({ subject: 'Godkjenn ny PC for Fred Leder', link: '/utstyr/mine' });

    const path = `/api/equipment/replacements/${kari.id}/decision`;
    const revision = ordered.revision;
    expect((await json(await w.aukra.post(path, { decision: 'approved', revision }), 403)).error.code).toBe('forbidden');
    expect((await json(await w.staff.post(path, { decision: 'approved', revision }), 403)).error.code).toBe('forbidden');
    expect((await json(await w.council.post(path, { decision: 'approved', revision }), 403)).error.code).toBe('forbidden');
    expect((await json(await w.anon.post(path, { decision: 'approved', revision }), 401)).error.code).toBe('unauthorized');
    expect(fieldsOf(await json(await w.molde.post(path, { decision: 'rejected', revision }), 400))).toEqual(['comment']);
    expect(fieldsOf(await json(await w.molde.post(path, { decision: 'approved' }), 400))).toEqual(['revision']);
    expect((await json(await w.molde.post(path, { decision: 'approved', revision: revision + 5 }), 409)).error.code).toBe('stale');
    expect((await json(await w.molde.post(`/api/equipment/replacements/${UNKNOWN}/decision`, { decision: 'approved', revision: 1 }), 404)).error.code).toBe('not_found');
    const approved = await call(w.molde, 'POST', path, { decision: 'approved', comment: 'Greit', revision }, 201);
    expect(approved).toMatchObject({ state: 'approved', nextStep: 'ordered' });
    expect(approved.steps.at(-1)).toMatchObject({ state: 'approved', note: 'Greit', actorName: 'Anne Molde' });
    expect((await json(await w.molde.post(path, { decision: 'rejected', comment: 'Nei', revision: approved.revision }), 409)).error.code).toBe('conflict');
    expect((await call(w.molde, 'GET', '/api/equipment/approvals', undefined, 200)).replacements).toEqual([]);
    // The mail's link is used up by the web decision.
    const token = tokenIn((await mailsTo(EQUIPMENT_ACCOUNTS.molde)).find((m) => m.subject.startsWith('Godkjenn'))!.text);
    expect((await json(await w.anon.post('/api/equipment/replacement-decisions/lookup', { token }), 404)).error.code).toBe('not_found');
  });
});
