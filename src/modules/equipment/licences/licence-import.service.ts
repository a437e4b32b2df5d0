// Importing a month of a licensed product's usage (issue 13, seed 003 2024/M2-007: «ROR-IKT henter ut
// tallene for aktive P360 brukere hver måned»), CSV or XLSX, through a saved column mapping per source:
// the user (UPN), their municipality, and a last sign-in date or the month's sign-in count or both.
// Rows of one user are merged (a sign-in log lists a user once per sign-in). A user counts as active in
// the month with a count above zero or a last sign-in inside it; without either column every row is an
// active user (the export then lists only those). Preview writes nothing; a file with any row error is
// refused whole (src/lib/table-file); the month imported again replaces that product's month whole.
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.js';
import {
  dataRows, locateColumns, MAX_INTEGER_COLUMN, parseCount, readTableFile, refuseFile, RowIssues, textProblem,
  type TRowIssueSummary, type TTable, type TTableFileLimits,
} from '../../../lib/table-file/index.js';
import { osloDate } from '../../../lib/oslo-time.js';
import type { Actor } from '../../../server/context.js';
import { badRequest, notFound } from '../../../server/errors.js';
import { recordAudit, recordUpsertAudit } from '../../audit/service.js';
import { listMunicipalitiesEverMembers } from '../../org/memberships.service.js';
import { parseSignInTime } from '../device-import.service.js';
import { eqLicenceImportMappings, eqLicenceImports, eqLicenceProducts } from '../schema.js';
import { LICENCE_IMPORT_FIELDS, type TLicenceImportField } from '../vocabulary.js';
import { ZLicenceImportMapping, type TLicenceImportMapping, type TLicenceImportPreview } from './model.js';

/** Header names of the sign-in reports (Entra ID, P360's own), and Norwegian ones; a saved mapping overrides them. */
const NAMES: Partial<Record<TLicenceImportField, string[]>> = {
  user: ['upn', 'user principal name', 'userprincipalname', 'brukernavn', 'bruker', 'username', 'user name', 'e-post', 'email', 'login'],
  municipality: ['kommune', 'organisasjon', 'company', 'company name', 'firma'],
  lastSignIn: ['last sign-in', 'last sign in', 'last login', 'last logon', 'lastlogondate', 'last activity', 'siste pålogging', 'sist pålogget', 'sist innlogget'],
  signIns: ['sign-ins', 'sign ins', 'logins', 'pålogginger', 'antall pålogginger', 'innlogginger', 'antall innlogginger'],
};

export type TLicenceRow = {
  row: number; user: string; municipalityId: string; municipality: string; signIns: number | null; lastSignInOn: string | null; active: boolean;
};
export type TLicenceParseContext = { municipalities: { id: string; name: string; number: string | null }[]; month: string };

/** The month's last day, "2024-11" → "2024-11-30". */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The table to one row per user under a mapping; pure. Row numbers as the file shows them (header = row 1). */
export function parseLicenceTable(table: TTable, mapping: TLicenceImportMapping, ctx: TLicenceParseContext): { rows: TLicenceRow[]; read: number } & TRowIssueSummary {
  const located = locateColumns(table[0] ?? [], LICENCE_IMPORT_FIELDS, NAMES, mapping.columns);
  const { index } = located;
  const issues = new RowIssues();
  for (const i of located.issues) issues.add(i);
  const required: TLicenceImportField[] = ['user', ...(mapping.municipalityId ? [] : ['municipality' as const])];
  for (const f of required) {
    if (index[f] === undefined && !located.issues.some((i) => i.column === f)) issues.add({ row: 1, column: f, message: `Kolonnen for ${f} mangler; velg den i kolonnekoblingen` });
  }
  if (issues.count) return { rows: [], read: 0, ...issues.summary() };
  const fixed = mapping.municipalityId ? ctx.municipalities.find((m) => m.id === mapping.municipalityId) : undefined;
  if (mapping.municipalityId && !fixed) {
    issues.add({ row: null, column: 'municipality', message: 'Kommunen i kolonnekoblingen er ikke medlem av samarbeidet' });
    return { rows: [], read: 0, ...issues.summary() };
  }
  const first = `${ctx.month}-01`;
  const last = lastDayOf(ctx.month);
  // Without a sign-in column the export is the month's list of active users.
  const everyRowActive = index.lastSignIn === undefined && index.signIns === undefined;
  const users = new Map<string, TLicenceRow>();
  let read = 0;
  for (const { row, cells } of dataRows(table)) {
    read += 1;
    let bad = 0;
    const add = (column: TLicenceImportField, message: string) => {
      bad += 1;
      issues.add({ row, column, message: `Rad ${row}, ${column}: ${message}` });
    };
    const cell = (f: TLicenceImportField) => (index[f] === undefined ? '' : (cells[index[f]!] ?? '').trim());

    const rawUser = cell('user');
    const userProblem = textProblem(rawUser) ?? (rawUser.length > 200 ? 'er lengre enn 200 tegn' : null);
    if (!rawUser) add('user', 'mangler');
    else if (userProblem) add('user', userProblem);
    const rawMunicipality = cell('municipality');
    const m = rawMunicipality.toLowerCase();
    const municipality = fixed ?? ctx.municipalities.find((x) => x.name.toLowerCase() === m || x.number === m || `${x.name.toLowerCase()} kommune` === m);
    if (!municipality) add('municipality', m ? `ukjent kommune «${rawMunicipality}»` : 'mangler');
    const rawLast = cell('lastSignIn');
    const lastAt = rawLast ? parseSignInTime(rawLast) : null;
    const lastSignInOn = lastAt ? osloDate(lastAt) : null;
    if (rawLast && !lastSignInOn) add('lastSignIn', `ugyldig dato «${rawLast}» (bruk f.eks. 28.11.2024 08:15)`);
    // A later sign-in belongs to a later month's export: counting it here would make the month's
    // active users depend on the day the report was taken (decision 0041).
    else if (lastSignInOn && lastSignInOn > last) add('lastSignIn', `«${rawLast}» er etter måneden importen gjelder; ta ut rapporten for måneden`);
    const rawCount = cell('signIns');
    const signIns = rawCount ? parseCount(rawCount) : null;
    if (rawCount && signIns === null) add('signIns', `«${rawCount}» er ikke et helt tall`);
    else if (signIns !== null && signIns > MAX_INTEGER_COLUMN) add('signIns', 'tallet er for stort');
    if (bad) continue;

    const user = rawUser.toLowerCase();
    const active = everyRowActive || (signIns ?? 0) > 0 || (lastSignInOn !== null && lastSignInOn >= first);
    const seen = users.get(user);
    if (!seen) {
      users.set(user, { row, user, municipalityId: municipality!.id, municipality: municipality!.name, signIns, lastSignInOn, active });
      continue;
    }
    if (seen.municipalityId !== municipality!.id) {
      add('municipality', `«${rawUser}» står under ${seen.municipality} på rad ${seen.row}`);
      continue;
    }
    seen.signIns = seen.signIns === null && signIns === null ? null : Math.min(MAX_INTEGER_COLUMN, (seen.signIns ?? 0) + (signIns ?? 0));
    if (lastSignInOn && (!seen.lastSignInOn || lastSignInOn > seen.lastSignInOn)) seen.lastSignInOn = lastSignInOn;
    seen.active ||= active;
  }
  const rows = [...users.values()];
  if (!rows.length && !issues.count) issues.add({ row: null, column: null, message: 'Filen har ingen rader' });
  return { rows, read, ...issues.summary() };
}

// ---- mappings --------------------------------------------------------------------------------------

const mappingOf = (r: typeof eqLicenceImportMappings.$inferSelect) => ({ source: r.source, mapping: ZLicenceImportMapping.parse(r.mapping), updatedAt: r.updatedAt.toISOString() });
const mappingWhere = (cooperationId: string, source?: string) =>
  and(eq(eqLicenceImportMappings.cooperationId, cooperationId), source === undefined ? undefined : eq(eqLicenceImportMappings.source, source));

export async function listLicenceImportMappings(db: DbOrTx, cooperationId: string) {
  return (await db.select().from(eqLicenceImportMappings).where(mappingWhere(cooperationId)).orderBy(eqLicenceImportMappings.source)).map(mappingOf);
}

export async function saveLicenceImportMapping(db: Db, actor: Actor, { cooperationId, source, mapping }: { cooperationId: string; source: string; mapping: TLicenceImportMapping }) {
  return db.transaction(async (tx) => {
    if (mapping.municipalityId && !(await listMunicipalitiesEverMembers(tx, cooperationId)).some((m) => m.id === mapping.municipalityId)) {
      throw badRequest('Kommunen er ikke medlem av samarbeidet', [{ path: 'municipalityId', message: 'Ukjent kommune' }]);
    }
    const [before] = await tx.select().from(eqLicenceImportMappings).where(mappingWhere(cooperationId, source));
    const values = { mapping, updatedAt: new Date() };
    const [row] = await tx.insert(eqLicenceImportMappings).values({ cooperationId, source, ...values })
      .onConflictDoUpdate({ target: [eqLicenceImportMappings.cooperationId, eqLicenceImportMappings.source], set: values }).returning();
    await recordUpsertAudit(tx, actor, { entity: 'eq_licence_import_mapping', entityId: row!.id, before: before && { ...mappingOf(before) }, after: { source, ...mapping } });
    return mappingOf(row!);
  });
}

// ---- preview and import ----------------------------------------------------------------------------

export type TLicenceImportOptions = {
  cooperationId: string; productId: string; month: string; source?: string; filename: string; bytes: Uint8Array; now?: Date;
  limits?: Partial<TTableFileLimits>;
};

async function prepare(db: DbOrTx, options: TLicenceImportOptions, table: TTable, lock: boolean) {
  const query = db.select({ id: eqLicenceProducts.id, name: eqLicenceProducts.name }).from(eqLicenceProducts)
    .where(and(eq(eqLicenceProducts.id, options.productId), eq(eqLicenceProducts.cooperationId, options.cooperationId)));
  // The import locks its product: two imports of one month wait for each other instead of colliding.
  const [product] = lock ? await query.for('update') : await query;
  if (!product) throw notFound('Lisensproduktet');
  const thisMonth = osloDate(options.now ?? new Date()).slice(0, 7);
  if (options.month > thisMonth) throw badRequest('Måneden ligger fram i tid', [{ path: 'month', message: 'Måneden ligger fram i tid' }]);
  let mapping = ZLicenceImportMapping.parse({});
  if (options.source) {
    const [saved] = await db.select().from(eqLicenceImportMappings).where(mappingWhere(options.cooperationId, options.source));
    if (!saved) throw notFound(`Kolonnekoblingen «${options.source}»`);
    mapping = ZLicenceImportMapping.parse(saved.mapping);
  }
  const municipalities = await listMunicipalitiesEverMembers(db, options.cooperationId);
  const parsed = parseLicenceTable(table, mapping, { municipalities, month: options.month });
  if (parsed.issueCount) throw refuseFile(parsed);
  const [earlier] = await db.select().from(eqLicenceImports)
    .where(and(eq(eqLicenceImports.productId, product.id), eq(eqLicenceImports.month, `${options.month}-01`)));
  return { product, parsed, earlier };
}

function previewOf(options: TLicenceImportOptions, p: Awaited<ReturnType<typeof prepare>>): TLicenceImportPreview {
  const rows = p.parsed.rows;
  const byMunicipality = new Map<string, { municipalityId: string; municipality: string; users: number; active: number }>();
  for (const r of rows) {
    const m = byMunicipality.get(r.municipalityId) ?? { municipalityId: r.municipalityId, municipality: r.municipality, users: 0, active: 0 };
    m.users += 1;
    if (r.active) m.active += 1;
    byMunicipality.set(r.municipalityId, m);
  }
  const active = rows.filter((r) => r.active).length;
  return {
    productId: p.product.id, product: p.product.name, month: options.month, rows: p.parsed.read, users: rows.length, active, inactive: rows.length - active,
    replaces: p.earlier ? {
      filename: p.earlier.filename, users: p.earlier.users, active: p.earlier.active, importedByName: p.earlier.actorName, importedAt: p.earlier.recordedAt.toISOString(),
    } : null,
    municipalities: [...byMunicipality.values()].sort((a, b) => a.municipality.localeCompare(b.municipality, 'nb')),
    sample: rows.slice(0, 20).map((r) => ({
      row: r.row, user: r.user, municipality: r.municipality, signIns: r.signIns, lastSignInOn: r.lastSignInOn, active: r.active,
    })),
  };
}

export async function previewLicenceImport(db: DbOrTx, options: TLicenceImportOptions): Promise<TLicenceImportPreview> {
  return previewOf(options, await prepare(db, options, await readTableFile(options), false));
}

const BATCH = 5000;
const USAGE_COLUMNS = sql.raw('user_key text, municipality_id uuid, sign_ins int, last_sign_in_on date, active boolean');

export async function importLicenceUsage(db: Db, actor: Actor, options: TLicenceImportOptions): Promise<TLicenceImportPreview> {
  // Read first: a transaction held open while a large file is read would hold PGlite's one connection.
  const table = await readTableFile(options);
  return db.transaction(async (tx) => {
    const p = await prepare(tx, options, table, true);
    const preview = previewOf(options, p);
    const month = `${options.month}-01`;
    // The month again replaces the month: its users go with the import they came in (cascade).
    if (p.earlier) await tx.delete(eqLicenceImports).where(eq(eqLicenceImports.id, p.earlier.id));
    const [record] = await tx.insert(eqLicenceImports).values({
      cooperationId: options.cooperationId, productId: p.product.id, month, source: options.source ?? null, filename: options.filename,
      rows: preview.rows, users: preview.users, active: preview.active, actorUserId: actor.userId, actorName: actor.name,
    }).returning({ id: eqLicenceImports.id });
    for (let i = 0; i < p.parsed.rows.length; i += BATCH) {
      const batch = p.parsed.rows.slice(i, i + BATCH).map((r) => ({
        user_key: r.user, municipality_id: r.municipalityId, sign_ins: r.signIns, last_sign_in_on: r.lastSignInOn, active: r.active,
      }));
      await tx.execute(sql`
        insert into eq_licence_usage (import_id, product_id, month, user_key, municipality_id, sign_ins, last_sign_in_on, active)
        select ${record!.id}::uuid, ${p.product.id}::uuid, ${month}::date, user_key, municipality_id, sign_ins, last_sign_in_on, active
        from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(${USAGE_COLUMNS})`);
    }
    await recordAudit(tx, actor, {
      action: 'import', entity: 'eq_licence_import', entityId: record!.id,
      after: {
        product: p.product.name, month: options.month, filename: options.filename, source: options.source ?? null, users: preview.users, active: preview.active,
        replaced: p.earlier ? { id: p.earlier.id, filename: p.earlier.filename, users: p.earlier.users, active: p.earlier.active } : null,
      },
    });
    return preview;
  });
}
