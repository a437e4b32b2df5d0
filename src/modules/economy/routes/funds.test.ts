// The funds over HTTP: an opening balance, avsetning and bruk by decision, a fund that can never go
// below zero (not even by a back-dated withdrawal), the balances of each year read from the movements,
// and the refusals: bad input, missing decision, unknown fund, wrong role, no session.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/app.js';
import { startEconomy, type TEconomyStart } from '../economy-fixture.js';

let e: TEconomyStart;

beforeAll(async () => {
  e = await startEconomy();
});
afterAll(() => e.database.drop());

const kr = (n: number) => n * 100;

describe('funds', () => {
  it('keeps the balance of a fund from its movements, year by year, and never below zero', async () => {
    const fund = await call(e.staff, 'POST', '/api/economy/funds', { kind: 'disposisjonsfond', name: 'Disposisjonsfond' }, 201);
    const move = (body: object, status: number) => call(e.staff, 'POST', `/api/economy/funds/${fund.id}/movements`, body, status);

    await move({ kind: 'inngaende_saldo', date: '2022-12-31', amountOre: kr(500_000) }, 201);
    const twice = await move({ kind: 'inngaende_saldo', date: '2022-12-31', amountOre: kr(1) }, 409);
    expect(twice.error.message).toBe('Fondet har allerede en inngående saldo');

    const undecided = await move({ kind: 'avsetning', date: '2023-06-01', amountOre: kr(200_000) }, 400);
    expect(undecided.error.fields[0].path).toBe('decisionReference');
    await move({ kind: 'avsetning', date: '2023-06-01', amountOre: kr(200_000), decisionReference: '2023/M3-004', text: 'Mindreforbruk 2022' }, 201);

    const tooMuch = await move({ kind: 'bruk', date: '2023-09-01', amountOre: kr(800_000), decisionReference: '2023/M5-003' }, 409);
    expect(tooMuch.error.message).toBe('Fondet har bare 700\u202f000 kr å bruke fra 2023-09-01');
    await move({ kind: 'bruk', date: '2023-09-01', amountOre: kr(300_000), decisionReference: '2023/M5-003' }, 201);
    // On 15.1.2023 the fund held 500 000; a withdrawal of 450 000 then would leave 250 000 − 300 000 < 0 in September.
    const backDated = await move({ kind: 'bruk', date: '2023-01-15', amountOre: kr(450_000), decisionReference: '2023/M1-005' }, 409);
    expect(backDated.error.message).toBe('Fondet har bare 400\u202f000 kr å bruke fra 2023-01-15');

    const y2022 = await call(e.council, 'GET', '/api/economy/2022/funds', undefined, 200);
    expect(y2022.funds[0]).toMatchObject({ name: 'Disposisjonsfond', openingOre: 0, inOre: kr(500_000), outOre: 0, closingOre: kr(500_000) });
    const y2023 = await call(e.council, 'GET', '/api/economy/2023/funds', undefined, 200);
    expect(y2023.funds[0]).toMatchObject({ openingOre: kr(500_000), inOre: kr(200_000), outOre: kr(300_000), closingOre: kr(400_000) });
    expect(y2023.funds[0].movements.map((m: { kind: string; decisionReference: string }) => [m.kind, m.decisionReference])).toEqual([
      ['avsetning', '2023/M3-004'], ['bruk', '2023/M5-003'],
    ]);
    expect(y2023.total).toEqual({ openingOre: kr(500_000), inOre: kr(200_000), outOre: kr(300_000), closingOre: kr(400_000) });
    const y2024 = await call(e.council, 'GET', '/api/economy/2024/funds', undefined, 200);
    expect(y2024.funds[0]).toMatchObject({ openingOre: kr(400_000), inOre: 0, outOre: 0, closingOre: kr(400_000), movements: [] });
  });

  it('two withdrawals at once: one is taken, the other refused, and the fund is not overdrawn', async () => {
    const fund = await call(e.staff, 'POST', '/api/economy/funds', { kind: 'prosjektfond', name: 'Prosjektfond skyløsninger' }, 201);
    await call(e.staff, 'POST', `/api/economy/funds/${fund.id}/movements`, { kind: 'inngaende_saldo', date: '2023-01-01', amountOre: kr(100_000) }, 201);
    const take = () => e.staff.post(`/api/economy/funds/${fund.id}/movements`, { kind: 'bruk', date: '2023-05-01', amountOre: kr(80_000), decisionReference: '2023/M2-002' });
    const statuses = (await Promise.all([take(), take()])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const year = await call(e.council, 'GET', '/api/economy/2023/funds', undefined, 200);
    expect(year.funds.find((f: { id: string }) => f.id === fund.id).closingOre).toBe(kr(20_000));
  });

  it('refuses bad input, a name taken, an unknown fund, the wrong role and no session', async () => {
    const fund = await call(e.staff, 'POST', '/api/economy/funds', { kind: 'bundet_driftsfond', name: 'Bundet driftsfond' }, 201);
    const taken = await call(e.staff, 'POST', '/api/economy/funds', { kind: 'prosjektfond', name: 'Bundet driftsfond' }, 409);
    expect(taken.error.fields[0].path).toBe('name');
    expect((await call(e.staff, 'POST', '/api/economy/funds', { kind: 'sparegris', name: 'X' }, 400)).error.fields[0].path).toBe('kind');
    expect((await call(e.staff, 'POST', '/api/economy/funds', { kind: 'prosjektfond', name: '  ' }, 400)).error.fields[0].path).toBe('name');
    const movements = `/api/economy/funds/${fund.id}/movements`;
    for (const [body, path] of [
      [{ kind: 'avsetning', date: '2023-01-01', amountOre: 0, decisionReference: 'x' }, 'amountOre'],
      [{ kind: 'avsetning', date: '2023-01-01', amountOre: -100, decisionReference: 'x' }, 'amountOre'],
      [{ kind: 'avsetning', date: '2023-01-01', amountOre: 1.5, decisionReference: 'x' }, 'amountOre'],
      [{ kind: 'avsetning', date: '1.1.2023', amountOre: 100, decisionReference: 'x' }, 'date'],
      [{ kind: 'flytting', date: '2023-01-01', amountOre: 100, decisionReference: 'x' }, 'kind'],
    ] as const) {
      expect((await call(e.staff, 'POST', movements, body, 400)).error.fields[0].path).toBe(path);
    }
    await call(e.staff, 'POST', `/api/economy/funds/${randomUUID()}/movements`, { kind: 'inngaende_saldo', date: '2023-01-01', amountOre: 100 }, 404);
    await call(e.council, 'POST', '/api/economy/funds', { kind: 'prosjektfond', name: 'Rådets fond' }, 403);
    await call(e.council, 'POST', movements, { kind: 'inngaende_saldo', date: '2023-01-01', amountOre: 100 }, 403);
    await call(e.molde, 'GET', '/api/economy/2023/funds', undefined, 403);
    await call(e.anon, 'GET', '/api/economy/2023/funds', undefined, 401);
    await call(e.anon, 'POST', '/api/economy/funds', { kind: 'prosjektfond', name: 'Y' }, 401);
    const year = await call(e.council, 'GET', '/api/economy/2023/funds', undefined, 200);
    expect(year.funds.find((f: { id: string }) => f.id === fund.id)).toMatchObject({ openingOre: 0, inOre: 0, outOre: 0, closingOre: 0 });
  });
});
