// Organisation use cases: the cooperation, members with membership periods, bodies and their members,
// people and user accounts. Every change writes the audit log in the same transaction.
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor, Role } from '../../server/context.js';
import { conflict } from '../../server/errors.js';
import { hashPassword } from '../../server/auth/password.js';
import { recordAudit } from '../audit/service.js';
import { users } from './schema.js';

export type TCreateUserOptions = {
  email: string;
  name: string;
  role: Role;
  password?: string;
  municipalityId?: string | null;
  personId?: string | null;
};

/** The account without secrets, as the API and the audit log show it. */
export function publicUser(u: typeof users.$inferSelect) {
  const { passwordHash: _p, ...rest } = u;
  return { ...rest, hasPassword: Boolean(_p) };
}

export async function createUser(db: Db, actor: Actor, options: TCreateUserOptions) {
  const passwordHash = options.password ? await hashPassword(options.password) : null;
  return db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, options.email);
    if (existing) throw conflict(`Det finnes allerede en bruker med e-post ${options.email}`);
    const [user] = await tx.insert(users).values({
      email: options.email.trim(),
      name: options.name,
      role: options.role,
      municipalityId: options.municipalityId ?? null,
      personId: options.personId ?? null,
      passwordHash,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'user', entityId: user!.id, after: publicUser(user!) });
    return publicUser(user!);
  });
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  return db.query.users.findFirst({ where: sql`lower(${users.email}) = ${email.trim().toLowerCase()}` });
}

export async function getUser(db: DbOrTx, id: string) {
  return db.query.users.findFirst({ where: eq(users.id, id) });
}
