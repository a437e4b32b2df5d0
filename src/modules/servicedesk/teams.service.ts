// Desk teams (for the "my team" queue) and portal sharing (which municipality users see their
// colleagues' tickets).
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, notFound } from '../../server/errors.js';
import { recordAudit, recordUpsertAudit } from '../audit/service.js';
import { cooperationExists } from '../org/cooperations.service.js';
import { findUserSummary, listUserSummaries } from '../org/users.service.js';
import { isDeskRole } from './policy.js';
import { sdPortalSharing, sdTeamMembers, sdTeams } from './schema.js';
import type { TCreateTeamRequest, TSharingRequest } from './model.js';

export type TCreateTeamOptions = TCreateTeamRequest;

export async function createTeam(db: DbOrTx, actor: Actor, options: TCreateTeamOptions) {
  return db.transaction(async (tx) => {
    if (!await cooperationExists(tx, options.cooperationId)) throw badRequest('Samarbeidet finnes ikke', [{ path: 'cooperationId', message: 'Finnes ikke' }]);
    const members = options.memberUserIds.length
      ? await listUserSummaries(tx, options.memberUserIds) : [];
    const bad = options.memberUserIds.filter((id) => !members.some((m) => m.id === id && isDeskRole(m.role)));
    if (bad.length) throw badRequest('Medlemmer må være ansatte', [{ path: 'memberUserIds', message: `Ukjente eller ikke ansatte: ${bad.join(', ')}` }]);
    const [team] = await tx.insert(sdTeams).values({ cooperationId: options.cooperationId, name: options.name }).returning();
    if (members.length) await tx.insert(sdTeamMembers).values(members.map((m) => ({ teamId: team!.id, userId: m.id })));
    await recordAudit(tx, actor, { action: 'create', entity: 'sd_team', entityId: team!.id, after: { ...team, memberUserIds: options.memberUserIds } });
    return { ...team!, memberUserIds: members.map((m) => m.id) };
  });
}

export async function listTeams(db: DbOrTx) {
  const teams = await db.select().from(sdTeams).orderBy(asc(sdTeams.name));
  const members = await db.select().from(sdTeamMembers);
  return teams.map((t) => ({ ...t, memberUserIds: members.filter((m) => m.teamId === t.id).map((m) => m.userId) }));
}

export type TSetPortalSharingOptions = { userId: string } & TSharingRequest;

export async function setPortalSharing(db: DbOrTx, actor: Actor, options: TSetPortalSharingOptions) {
  return db.transaction(async (tx) => {
    const user = await findUserSummary(tx, options.userId);
    if (!user) throw notFound('Brukeren');
    if (user.role !== 'municipality') throw badRequest('Deling gjelder kommunebrukere', [{ path: 'userId', message: 'Ikke en kommunebruker' }]);
    const [before] = await tx.select().from(sdPortalSharing).where(eq(sdPortalSharing.userId, options.userId));
    await tx.insert(sdPortalSharing).values(options)
      .onConflictDoUpdate({ target: sdPortalSharing.userId, set: { seesMunicipality: options.seesMunicipality } });
    await recordUpsertAudit(tx, actor, { entity: 'sd_portal_sharing', entityId: options.userId, before, after: options });
    return options;
  });
}
