// Contract test for GET /api/servicedesk/agents: who may ask (the desk), and that the answer names the
// people a ticket can go to (active staff and admins, with their teams) and nothing of their accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../server/context.js';
import { json } from '../../../test/app.js';
import { createUser, updateUser } from '../../org/users.service.js';
import { createTeam } from '../teams.service.js';
import { PASSWORD } from '../test-factories.js';
import { startServiceDesk, type TDeskWorld } from '../desk-fixture.js';

let w: TDeskWorld;
let firstLine: { id: string };
let gone: { id: string };
const PATH = '/api/servicedesk/agents';

beforeAll(async () => {
  w = await startServiceDesk();
  // A former colleague (disabled) and an OIDC-linked agent, so both filters and secrets are exercised.
  gone = await createUser(w.database.db, systemActor, { email: 'sluttet@ror.no', name: 'Sluttet Saksbehandler', role: 'staff', password: PASSWORD });
  await updateUser(w.database.db, systemActor, { id: gone.id, disabled: true });
  await updateUser(w.database.db, systemActor, { id: w.desk.agent2.id, oidcSubject: 'https://login.example#SUBJECT-9d1c' });
  firstLine = await createTeam(w.database.db, systemActor, { cooperationId: w.desk.coop.id, name: 'Førstelinje', memberUserIds: [w.desk.agent.id, w.desk.agent2.id] });
  await createTeam(w.database.db, systemActor, { cooperationId: w.desk.coop.id, name: 'Drift', memberUserIds: [w.desk.agent2.id] });
});
afterAll(() => w.database.drop());


describe('GET /api/servicedesk/agents', () => {
  it('refuses anonymous callers with 401', async () => {
    expect((await json(await w.anon.get(PATH), 401)).error.code).toBe('unauthorized');
  });

  it.each([['council', () => w.council], ['municipality', () => w.anne]])('refuses a %s user with 403', async (_role, as) => {
    const client = as();
    expect((await json(await client.get(PATH), 403)).error.code).toBe('forbidden');
  });

  it.each([['staff', () => w.agent], ['admin', () => w.admin]])('lists the active desk with teams for %s', async (_role, as) => {
    const client = as();
    const res = await client.get(PATH);
    const body = await json(res, 200);
    const drift = (await json(await client.get('/api/servicedesk/teams'), 200)).teams.find((t: { name: string }) => t.name === 'Drift').id;
    expect(body).toEqual({
      agents: [
        { id: w.desk.admin.id, name: 'Admin', email: 'admin@ror.no', teamIds: [] },
        { id: w.desk.agent.id, name: 'Kari Kundeservice', email: 'agent@ror.no', teamIds: [firstLine.id] },
        { id: w.desk.agent2.id, name: 'Ola Kundeservice', email: 'agent2@ror.no', teamIds: [firstLine.id, drift].sort() },
      ],
    });
  });

  it('leaves out disabled accounts, portal and council users, and every secret of an account', async () => {
    const text = await (await w.agent.get(PATH)).text();
    for (const absent of [gone.id, w.desk.anne.id, w.desk.council.id, 'Sluttet', 'argon2', 'password', 'SUBJECT-9d1c', 'oidc', 'disabled', 'role']) {
      expect(text).not.toContain(absent);
    }
  });
});
