// The order of a cooperation's lines (issue 12: lines print in the order the cooperation chooses, not
// alphabetically). A new line without a position goes last of its kind; PUT /api/economy/lines/order
// sets the order of one kind in one go: every line of the kind exactly once (400 otherwise, nothing
// written), staff only (401/403), the cooperation named by `?cooperation=` (404 when unknown). A moved
// line counts its revision up and is audited; the report prints the lines in the order set.
import { and, asc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/app.js';
import { systemActor } from '../../../server/context.js';
import { auditLog } from '../../audit/schema.js';
import { createCooperation } from '../../org/cooperations.service.js';
import { startEconomy, type TEconomyStart } from '../economy-fixture.js';
import { economyLines } from '../schema.js';
import { buildLine } from '../test-factories.js';

let e: TEconomyStart;
const ids: Record<string, string> = {};
const madePositions: number[] = [];
let madeOrder: { drift: string[]; investering: string[] };
let otherCoopLine: string;

beforeAll(async () => {
  e = await startEconomy();
  // Made in this order on purpose: alphabetical order would be Abonnement, Inntekter, Lønn.
  const made = [['lonn', 'drift', 'Lønn'], ['inntekter', 'drift', 'Inntekter'], ['abonnement', 'drift', 'Abonnement'],
    ['zt', 'investering', 'Zero-trust nettverk'], ['beredskap', 'investering', 'Beredskapsplattform']] as const;
  for (const [key, kind, name] of made) {
    const line = await call(e.staff, 'POST', '/api/economy/lines', { kind, name }, 201);
    ids[key] = line.id;
    madePositions.push(line.position);
  }
  // Read here, so the test of the default holds whichever test runs first.
  madeOrder = { drift: await names('drift'), investering: await names('investering') };
  const other = await createCooperation(e.database.db, systemActor, { name: 'Annet IKT', shortName: 'ANNET', hostMunicipalityId: e.world.molde, founded: null });
  otherCoopLine = (await buildLine(e.database.db, { cooperationId: other.id, name: 'Lønn' })).id;
});
afterAll(() => e.database.drop());

const names = async (kind: string) =>
  (await call(e.council, 'GET', `/api/economy/lines?kind=${kind}`, undefined, 200)).lines.map((l: { name: string }) => l.name);
const stored = () => e.database.db.select({ id: economyLines.id, position: economyLines.position, revision: economyLines.revision })
  .from(economyLines).where(eq(economyLines.cooperationId, e.world.cooperationId)).orderBy(asc(economyLines.id));
const order = (body: unknown, status: number, client = e.staff, query = '') => call(client, 'PUT', `/api/economy/lines/order${query}`, body, status);

describe('a new line', () => {
  it('goes last of its kind when no position is given, so the web’s lines print in the order made', async () => {
    expect(madeOrder).toEqual({ drift: ['Lønn', 'Inntekter', 'Abonnement'], investering: ['Zero-trust nettverk', 'Beredskapsplattform'] });
    expect(madePositions).toEqual([0, 1, 2, 0, 1]);
  });
});

describe('PUT /api/economy/lines/order', () => {
  it('401 signed out, 403 for the council and a municipality, 404 for an unknown cooperation; nothing written', async () => {
    const before = await stored();
    const body = { kind: 'drift', lineIds: [ids.abonnement, ids.lonn, ids.inntekter] };
    await order(body, 401, e.anon);
    await order(body, 403, e.council);
    await order(body, 403, e.molde);
    await order(body, 404, e.staff, `?cooperation=${randomUUID()}`);
    expect(await stored()).toEqual(before);
  });

  it('400 on the field for a bad body, a line left out, named twice, unknown, of the other kind or of another cooperation', async () => {
    const before = await stored();
    const path = async (body: unknown) => (await order(body, 400)).error.fields[0].path;
    expect(await path({ kind: 'drift' })).toBe('lineIds');
    expect(await path({ kind: 'drift', lineIds: [] })).toBe('lineIds');
    expect(await path({ kind: 'husleie', lineIds: [ids.lonn] })).toBe('kind');
    expect(await path({ kind: 'drift', lineIds: ['ikke-en-id'] })).toBe('lineIds.0');
    const missing = await order({ kind: 'drift', lineIds: [ids.abonnement, ids.lonn] }, 400);
    expect(missing.error.fields[0]).toEqual({ path: 'lineIds', message: 'Rekkefølgen må ta med alle linjene av typen; mangler: Inntekter' });
    expect(await path({ kind: 'drift', lineIds: [ids.abonnement, ids.lonn, ids.abonnement, ids.inntekter] })).toBe('lineIds.2');
    expect(await path({ kind: 'drift', lineIds: [ids.abonnement, ids.lonn, ids.inntekter, randomUUID()] })).toBe('lineIds.3');
    expect(await path({ kind: 'drift', lineIds: [ids.abonnement, ids.zt, ids.lonn, ids.inntekter] })).toBe('lineIds.1');
    expect(await path({ kind: 'drift', lineIds: [ids.abonnement, ids.lonn, ids.inntekter, otherCoopLine] })).toBe('lineIds.3');
    expect(await stored()).toEqual(before);
  });

  it('sets the order in one go: moved lines count their revision up and are audited, the report prints in that order', async () => {
    const before = new Map((await stored()).map((l) => [l.id, l]));
    const body = await order({ kind: 'drift', lineIds: [ids.abonnement, ids.lonn, ids.inntekter] }, 200);
    expect(body.lines.map((l: { name: string; position: number }) => [l.name, l.position])).toEqual([['Abonnement', 0], ['Lønn', 1], ['Inntekter', 2]]);
    expect(await names('drift')).toEqual(['Abonnement', 'Lønn', 'Inntekter']);
    // The projects are another kind and stay where they were.
    expect(await names('investering')).toEqual(['Zero-trust nettverk', 'Beredskapsplattform']);

    const after = new Map((await stored()).map((l) => [l.id, l]));
    for (const id of [ids.abonnement, ids.lonn, ids.inntekter]) expect(after.get(id!)!.revision).toBe(before.get(id!)!.revision + 1);
    expect(after.get(ids.zt!)!.revision).toBe(before.get(ids.zt!)!.revision);
    const audits = await e.database.db.select().from(auditLog)
      .where(and(eq(auditLog.entityId, ids.abonnement!), eq(auditLog.action, 'update')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entity: 'economy_line', actorName: 'Leder', before: expect.objectContaining({ position: 2 }), after: expect.objectContaining({ position: 0 }) });

    // The same order again moves nothing: no revision, no audit entry.
    await order({ kind: 'drift', lineIds: [ids.abonnement, ids.lonn, ids.inntekter] }, 200);
    expect((await stored()).find((l) => l.id === ids.abonnement)!.revision).toBe(after.get(ids.abonnement!)!.revision);

    // An edit made on the revision read before the move is stale (decision 0024), one on the new one is not.
    await call(e.staff, 'PATCH', `/api/economy/lines/${ids.lonn}`, { name: 'Lønn og sosiale kostnader', revision: before.get(ids.lonn!)!.revision }, 409);
    await call(e.staff, 'PATCH', `/api/economy/lines/${ids.lonn}`, { name: 'Lønn og sosiale kostnader', revision: after.get(ids.lonn!)!.revision }, 200);

    for (const id of [ids.abonnement, ids.lonn, ids.inntekter]) await call(e.staff, 'PUT', '/api/economy/2023/budgets', { lineId: id, amountOre: 1_000_000_00 }, 200);
    const report = await call(e.council, 'GET', '/api/economy/2023/report?asOf=2023-12-01', undefined, 200);
    expect(report.operating.rows.map((r: { name: string }) => r.name)).toEqual(['Abonnement', 'Lønn og sosiale kostnader', 'Inntekter']);

    // The projects in their own order.
    await order({ kind: 'investering', lineIds: [ids.beredskap, ids.zt] }, 200);
    expect(await names('investering')).toEqual(['Beredskapsplattform', 'Zero-trust nettverk']);
  });
});
