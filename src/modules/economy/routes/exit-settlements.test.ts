// Exit settlements over HTTP: a draft for a membership that ends, its share of each fund and of the
// investment balances carried over by the leaving year's key (computed again on each read while a
// draft), decided amounts, the decision by the council case that freezes it, who reads what, and the
// refusals: no session, bad input, not a leaving member, unknown ids, wrong role, a second settlement
// for the same leaving (also two at once), and any change after the decision.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../server/context.js';
import { call, TestClient } from '../../../test/app.js';
import { createMembership } from '../../org/memberships.service.js';
import { createMunicipality } from '../../org/municipalities.service.js';
import { createUser } from '../../org/users.service.js';
import { startEconomy, type TEconomyStart } from '../economy-fixture.js';
import { PW } from '../test-factories.js';

let e: TEconomyStart;
let midsundUser: TestClient;

const kr = (n: number) => n * 100;
const URL = '/api/economy/exit-settlements';

/** A municipality that was a member from 2009 to `left` (its last day). */
async function leaver(name: string, left: string | null) {
  const m = await createMunicipality(e.database.db, systemActor, { name, number: null });
  await createMembership(e.database.db, systemActor, { cooperationId: e.world.cooperationId, municipalityId: m.id, joined: '2009-01-01', left });
  return m.id;
}

beforeAll(async () => {
  e = await startEconomy();
  await createUser(e.database.db, systemActor, { email: 'midsund@example.no', name: 'Midsund-bruker', role: 'municipality', municipalityId: e.world.midsund, password: PW });
  midsundUser = await new TestClient(e.app).login('midsund@example.no', PW);
});
afterAll(() => e.database.drop());

describe('exit settlements', () => {
  it('computes the leaving member\'s share by the key while a draft, and freezes it when the council decides it', async () => {
    // The 2019 key: Midsund 12,3457 %. A fund of 800 000 + 200 000 in 2019, and a project going on into 2020
    // with 300 000 unused in 2019 (carried over to it).
    await call(e.staff, 'PUT', '/api/economy/2019/financing', {
      operatingFrameOre: kr(10_000_000), investmentFrameOre: kr(500_000),
      key: [{ municipalityId: e.world.molde, percent: '60' }, { municipalityId: e.world.aukra, percent: '27,6543' }, { municipalityId: e.world.midsund, percent: '12,3457' }],
    }, 200);
    const fund = await call(e.staff, 'POST', '/api/economy/funds', { kind: 'disposisjonsfond', name: 'Disposisjonsfond' }, 201);
    const move = (body: object) => call(e.staff, 'POST', `/api/economy/funds/${fund.id}/movements`, body, 201);
    await move({ kind: 'inngaende_saldo', date: '2018-12-31', amountOre: kr(800_000) });
    await move({ kind: 'avsetning', date: '2019-06-01', amountOre: kr(200_000), decisionReference: '2019/M3-002' });
    await move({ kind: 'avsetning', date: '2020-02-01', amountOre: kr(5_000_000), decisionReference: '2020/M1-003' });
    const project = await call(e.staff, 'POST', '/api/economy/lines', { kind: 'investering', name: 'Grunnmur', startYear: 2019, endYear: 2020, status: 'pagar' }, 201);
    await call(e.staff, 'PUT', '/api/economy/2019/budgets', { lineId: project.id, amountOre: kr(500_000) }, 200);
    await call(e.staff, 'POST', '/api/economy/2019/actuals', { lineId: project.id, period: 6, amountOre: kr(200_000) }, 201);

    const draft = await call(e.staff, 'POST', URL, { municipalityId: e.world.midsund, leavingDate: '2019-12-31', basis: 'nokkel' }, 201);
    expect(draft).toMatchObject({ municipalityName: 'Midsund', status: 'utkast', decisionReference: null, keyYear: 2019, percent: '12.3457', problem: null });
    // 1 000 000 × 12,3457 % = 123 457; 300 000 × 12,3457 % = 37 037,1 → 37 037 (half away from zero, whole kroner).
    expect(draft.lines).toEqual([
      { id: null, kind: 'fond', text: 'Disposisjonsfond', baseOre: kr(1_000_000), percent: '12.3457', amountOre: kr(123_457) },
      { id: null, kind: 'investering', text: 'Grunnmur', baseOre: kr(300_000), percent: '12.3457', amountOre: kr(37_037) },
    ]);
    const withLine = await call(e.staff, 'POST', `${URL}/${draft.id}/lines`, { text: 'Andel av avtale om felles lisenser', amountOre: kr(10_000) }, 201);
    expect(withLine.sumOre).toBe(kr(123_457 + 37_037 + 10_000));
    const manual = withLine.lines.find((l: { kind: string }) => l.kind === 'vedtatt_belop');
    expect(manual).toMatchObject({ baseOre: null, percent: null, amountOre: kr(10_000) });

    // A draft follows the figures: a use of the fund on the leaving date, booked afterwards, counts.
    await move({ kind: 'bruk', date: '2019-12-31', amountOre: kr(100_000), decisionReference: '2019/M6-002' });
    const again = await call(e.council, 'GET', `${URL}/${draft.id}`, undefined, 200);
    expect(again.lines[0]).toMatchObject({ baseOre: kr(900_000), amountOre: kr(111_111) });

    const undecided = await call(e.staff, 'POST', `${URL}/${draft.id}/decide`, {}, 400);
    expect(undecided.error.fields[0].path).toBe('decisionReference');
    expect((await call(e.staff, 'POST', `${URL}/${draft.id}/decide`, { decisionReference: '   ' }, 400)).error.fields[0].path).toBe('decisionReference');
    const decided = await call(e.staff, 'POST', `${URL}/${draft.id}/decide`, { decisionReference: '2019/M6-004' }, 200);
    expect(decided).toMatchObject({ status: 'vedtatt', decisionReference: '2019/M6-004', percent: '12.3457', sumOre: kr(111_111 + 37_037 + 10_000) });
    expect(decided.lines.every((l: { id: string | null }) => l.id !== null)).toBe(true);
    expect(decided.decidedAt).not.toBeNull();

    // Decided: nothing changes it, neither a write nor a fund movement dated on the leaving date.
    const frozen = 'Utmeldingsoppgjøret ble vedtatt i sak 2019/M6-004 og kan ikke endres';
    expect((await call(e.staff, 'POST', `${URL}/${draft.id}/lines`, { text: 'Mer', amountOre: kr(1) }, 409)).error.message).toBe(frozen);
    await call(e.staff, 'DELETE', `${URL}/${draft.id}/lines/${manual.id}`, undefined, 409);
    await call(e.staff, 'POST', `${URL}/${draft.id}/decide`, { decisionReference: '2019/M6-005' }, 409);
    await call(e.admin, 'DELETE', `${URL}/${draft.id}`, undefined, 409);
    await move({ kind: 'avsetning', date: '2019-12-31', amountOre: kr(1_000_000), decisionReference: '2019/M6-006' });
    expect(await call(e.council, 'GET', `${URL}/${draft.id}`, undefined, 200)).toEqual(decided);

    // Staff and council read every settlement and every leaving; a member its own; the public nothing.
    const list = await call(e.council, 'GET', URL, undefined, 200);
    expect(list.settlements.map((s: { id: string }) => s.id)).toContain(draft.id);
    expect(list.leaving).toContainEqual({ municipalityId: e.world.midsund, name: 'Midsund', leavingDate: '2019-12-31', settlementId: draft.id });
    expect(await call(midsundUser, 'GET', `${URL}/${draft.id}`, undefined, 200)).toEqual(decided);
    const own = await call(midsundUser, 'GET', URL, undefined, 200);
    expect(own.settlements.map((s: { id: string }) => s.id)).toEqual([draft.id]);
    expect(own.leaving.map((l: { name: string }) => l.name)).toEqual(['Midsund']);
    expect(await call(e.molde, 'GET', URL, undefined, 200)).toEqual({ settlements: [], leaving: [] });
    await call(e.molde, 'GET', `${URL}/${draft.id}`, undefined, 404);
    await call(e.anon, 'GET', URL, undefined, 401);
    await call(e.anon, 'GET', `${URL}/${draft.id}`, undefined, 401);
  });

  it('refuses bad input, a municipality that is not leaving, unknown ids, the wrong role and no session', async () => {
    const eide = await leaver('Eide', '2018-12-31');
    const stranger = (await createMunicipality(e.database.db, systemActor, { name: 'Fræna', number: null })).id;
    const create = (body: object, status: number, client = e.staff) => call(client, 'POST', URL, body, status);
    const fieldOf = async (body: object) => (await create(body, 400)).error.fields[0];
    expect((await fieldOf({ municipalityId: 'eide', leavingDate: '2018-12-31', basis: 'nokkel' })).path).toBe('municipalityId');
    expect((await fieldOf({ municipalityId: eide, leavingDate: '31.12.2018', basis: 'nokkel' })).path).toBe('leavingDate');
    expect((await fieldOf({ municipalityId: eide, leavingDate: '2018-12-31', basis: 'skjønn' })).path).toBe('basis');
    expect(await fieldOf({ municipalityId: randomUUID(), leavingDate: '2018-12-31', basis: 'nokkel' })).toEqual({ path: 'municipalityId', message: 'Kommunen finnes ikke' });
    expect(await fieldOf({ municipalityId: stranger, leavingDate: '2018-12-31', basis: 'nokkel' }))
      .toEqual({ path: 'municipalityId', message: 'Kommunen har ikke vært medlem av samarbeidet' });
    expect(await fieldOf({ municipalityId: e.world.molde, leavingDate: '2018-12-31', basis: 'nokkel' }))
      .toEqual({ path: 'municipalityId', message: 'Kommunen har ingen utmeldingsdato: medlemskapet må avsluttes før oppgjøret lages' });
    expect(await fieldOf({ municipalityId: eide, leavingDate: '2019-12-31', basis: 'nokkel' }))
      .toEqual({ path: 'leavingDate', message: 'Utmeldingsdatoen må være siste dag i et medlemskap (31.12.2018)' });
    // No key for 2018: by the key it cannot be made, with the decided amount it can.
    expect((await create({ municipalityId: eide, leavingDate: '2018-12-31', basis: 'nokkel' }, 409)).error.message)
      .toBe('Fordelingsnøkkelen for 2018 er ikke registrert; registrer den, eller lag oppgjøret med vedtatt beløp');
    await create({ municipalityId: eide, leavingDate: '2018-12-31', basis: 'vedtatt_belop' }, 403, e.council);
    await create({ municipalityId: eide, leavingDate: '2018-12-31', basis: 'vedtatt_belop' }, 403, e.molde);
    await create({ municipalityId: eide, leavingDate: '2018-12-31', basis: 'vedtatt_belop' }, 401, e.anon);
    const draft = await create({ municipalityId: eide, leavingDate: '2018-12-31', basis: 'vedtatt_belop' }, 201);
    expect(draft).toMatchObject({ basis: 'vedtatt_belop', percent: null, lines: [], sumOre: 0 });
    const second = await create({ municipalityId: eide, leavingDate: '2018-12-31', basis: 'nokkel' }, 409);
    expect(second.error.message).toBe('Kommunen har allerede et utmeldingsoppgjør for denne utmeldingen');

    const lines = `${URL}/${draft.id}/lines`;
    for (const [body, path] of [
      [{ text: 'Oppgjør', amountOre: 0 }, 'amountOre'],
      [{ text: 'Oppgjør', amountOre: 150 }, 'amountOre'],
      [{ text: 'Oppgjør', amountOre: 1.5 }, 'amountOre'],
      [{ text: '  ', amountOre: kr(100) }, 'text'],
    ] as const) {
      expect((await call(e.staff, 'POST', lines, body, 400)).error.fields[0].path).toBe(path);
    }
    await call(e.council, 'POST', lines, { text: 'Oppgjør', amountOre: kr(100) }, 403);
    await call(e.council, 'POST', `${URL}/${draft.id}/decide`, { decisionReference: '2018/M6-001' }, 403);
    await call(e.molde, 'DELETE', `${URL}/${draft.id}`, undefined, 403);
    const line = (await call(e.admin, 'POST', lines, { text: 'Vedtatt utmeldingsbeløp', amountOre: -kr(250_000) }, 201)).lines[0];
    await call(e.staff, 'DELETE', `${lines}/${randomUUID()}`, undefined, 404);
    expect((await call(e.staff, 'DELETE', `${lines}/${line.id}`, undefined, 200)).lines).toEqual([]);

    const unknown = `${URL}/${randomUUID()}`;
    await call(e.council, 'GET', unknown, undefined, 404);
    await call(e.staff, 'POST', `${unknown}/lines`, { text: 'Oppgjør', amountOre: kr(100) }, 404);
    await call(e.staff, 'POST', `${unknown}/decide`, { decisionReference: '2018/M6-001' }, 404);
    await call(e.staff, 'DELETE', unknown, undefined, 404);
    await call(e.staff, 'GET', `${URL}/not-an-id`, undefined, 400);

    // A draft made on the wrong basis is thrown away, and the leaving is free again.
    await call(e.staff, 'DELETE', `${URL}/${draft.id}`, undefined, 204);
    await call(e.staff, 'GET', `${URL}/${draft.id}`, undefined, 404);
    const list = await call(e.staff, 'GET', URL, undefined, 200);
    expect(list.leaving).toContainEqual({ municipalityId: eide, name: 'Eide', leavingDate: '2018-12-31', settlementId: null });
  });

  it('two settlements of one leaving at once: one is made, the other refused', async () => {
    const nesset = await leaver('Nesset', '2018-12-31');
    const make = () => e.staff.post(URL, { municipalityId: nesset, leavingDate: '2018-12-31', basis: 'vedtatt_belop' });
    const statuses = (await Promise.all([make(), make()])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const list = await call(e.council, 'GET', URL, undefined, 200);
    expect(list.settlements.filter((s: { municipalityId: string }) => s.municipalityId === nesset)).toHaveLength(1);
  });
});
