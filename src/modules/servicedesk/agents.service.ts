// The desk's agents: the people a ticket can be assigned to (active staff and admin accounts) with the
// teams they belong to. The user list itself is the admin's; this answers only what assigning needs, so
// a staff member can hand a ticket to a colleague without seeing anyone's account settings.
import type { TAgent } from './model.js';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { listEnabledUsersWithRoles } from '../org/users.service.js';
import { DESK_ROLES } from './policy.js';
import { sdTeamMembers } from './schema.js';


/** Active staff and admins by name; a disabled account is left out, since it can no longer work a ticket. */
export async function listAgents(db: DbOrTx): Promise<TAgent[]> {
  const rows = (await listEnabledUsersWithRoles(db, DESK_ROLES)).map((u) => ({ id: u.id, name: u.name, email: u.email }));
  if (rows.length === 0) return [];
  const memberships = await db.select().from(sdTeamMembers).where(inArray(sdTeamMembers.userId, rows.map((r) => r.id)));
  return rows.map((r) => ({ ...r, teamIds: memberships.filter((m) => m.userId === r.id).map((m) => m.teamId).sort() }));
}
