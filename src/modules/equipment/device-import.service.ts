// Importing the monthly device export from endpoint management (Intune, Workspace ONE …), CSV or XLSX.
// A saved column mapping per source names the headers and translates the export's ownership or
// enrolment-profile labels to our categories. Import is idempotent by serial number within the
// cooperation: a known serial is updated (the newest export's values win; an empty cell keeps what is
// known), a new one is added, and every row signed in during the export's month is recorded as seen in
// that month, once. Preview writes nothing; a file with any row error is refused whole, with the same
// row issues as every other import (src/lib/table-file).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import {
  dataRows, locateColumns, mapLabel, parseNorwegianDay, readTableFile, refuseFile, RowIssues, textProblem,
  type TRowIssueSummary, type TTable, type TTableFileLimits,
} from '../../lib/table-file/index.js';
import { osloDate, osloOffset } from '../../lib/oslo-time.js';
import type { Actor } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { recordAudit, recordUpsertAudit } from '../audit/service.js';
import { listMunicipalitiesEverMembers } from '../org/memberships.service.js';
import { ZDeviceImportMapping, type TDeviceImportMapping, type TDeviceImportPreview } from './model.js';
import { eqDeviceImports, eqDevices, eqImportMappings } from './schema.js';
import { refreshExpiry } from './expiry.js';
import { DEVICE_CATEGORIES, DEVICE_IMPORT_FIELDS, type TDeviceCategory, type TDeviceImportField } from './vocabulary.js';

/** Header names Intune's and Workspace ONE's exports use, and Norwegian ones; a saved mapping overrides them. */
const NAMES: Partial<Record<TDeviceImportField, string[]>> = {
  serial: ['serial number', 'serialnumber', 'serienummer', 'serienr'],
  name: ['device name', 'devicename', 'friendly name', 'enhetsnavn', 'navn'],
  model: ['modell'],
  manufacturer: ['produsent', 'make'],
  primaryUser: ['primary user upn', 'user principal name', 'upn', 'primary user', 'primær bruker', 'bruker', 'username'],
  category: ['ownership', 'eierskap', 'enrollment profile', 'enrollment profile name', 'kategori'],
  municipality: ['kommune', 'organisasjon', 'organization group'],
  enrolledOn: ['enrolled date', 'enrollment date', 'enrolled', 'registrert'],
  lastSignInAt: ['last check-in', 'last check in', 'last sync date time', 'last sync', 'last seen', 'sist pålogget', 'sist synkronisert'],
  purchasedOn: ['purchase date', 'kjøpsdato', 'innkjøpsdato', 'kjøpt'],
};

/** What the exports call our categories; a saved mapping adds its own labels. */
const CATEGORY_ALIASES: Record<string, TDeviceCategory> = {
  corporate: 'ansatt', employee: 'ansatt', ansatte: 'ansatt', personal: 'ansatt', pupil: 'elev', student: 'elev', elever: 'elev', skole: 'elev', school: 'elev',
};

export type TDeviceRow = {
  row: number; serial: string; name: string | null; model: string | null; manufacturer: string | null; primaryUser: string | null;
  category: TDeviceCategory; municipalityId: string; municipality: string; enrolledOn: string | null; lastSignInAt: Date | null;
  purchasedOn: string | null; signedIn: boolean;
};
export type TDeviceParseContext = { municipalities: { id: string; name: string; number: string | null }[]; month: string; today: string };

/**
 * A last sign-in as the exports print it: an ISO time with Z or an offset as that instant; a
 * Norwegian or ISO wall-clock time ("28.11.2023 08:15") as Oslo time. Null when it is not a real date.
 */
export function parseSignInTime(text: string): Date | null {
  const s = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T.*([zZ]|[+-]\d{2}:?\d{2})$/.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const day = parseNorwegianDay(s);
  if (!day) return null;
  const time = /[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(s);
  const [h, m, sec] = time ? [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)] : [0, 0, 0];
  if (h > 23 || m > 59 || sec > 59) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return new Date(`${day}T${p(h)}:${p(m)}:${p(sec)}${osloOffset(day)}`);
}

/** The table to device rows under a mapping; pure. Row numbers as the file shows them (header = row 1). */
export function parseDeviceTable(table: TTable, mapping: TDeviceImportMapping, ctx: TDeviceParseContext): { rows: TDeviceRow[] } & TRowIssueSummary {
  const located = locateColumns(table[0] ?? [], DEVICE_IMPORT_FIELDS, NAMES, mapping.columns);
  const { index } = located;
  const issues = new RowIssues();
  for (const i of located.issues) issues.add(i);
  const required: TDeviceImportField[] = ['serial', ...(mapping.municipalityId ? [] : ['municipality' as const]), ...(mapping.defaultCategory ? [] : ['category' as const])];
  for (const f of required) {
    if (index[f] === undefined && !located.issues.some((i) => i.column === f)) issues.add({ row: 1, column: f, message: `Kolonnen for ${f} mangler; velg den i kolonnekoblingen` });
  }
  if (issues.count) return { rows: [], ...issues.summary() };
  const fixed = mapping.municipalityId ? ctx.municipalities.find((m) => m.id === mapping.municipalityId) : undefined;
  if (mapping.municipalityId && !fixed) {
    issues.add({ row: null, column: 'municipality', message: 'Kommunen i kolonnekoblingen er ikke medlem av samarbeidet' });
    return { rows: [], ...issues.summary() };
  }
  const monthStart = `${ctx.month}-01`;
  const rows: TDeviceRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of dataRows(table)) {
    let bad = 0;
    const add = (column: TDeviceImportField, message: string) => {
      bad += 1;
      issues.add({ row, column, message: `Rad ${row}, ${column}: ${message}` });
    };
    const cell = (f: TDeviceImportField) => (index[f] === undefined ? '' : (cells[index[f]!] ?? '').trim());
    const text = (f: TDeviceImportField) => {
      const value = cell(f);
      const problem = textProblem(value) ?? (value.length > 200 ? 'er lengre enn 200 tegn' : null);
      if (problem) { add(f, problem); return null; }
      return value || null;
    };
    const day = (f: 'enrolledOn' | 'purchasedOn') => {
      const value = cell(f);
      if (!value) return null;
      const d = parseNorwegianDay(value);
      if (!d) add(f, `ugyldig dato «${value}» (bruk f.eks. 28.11.2023)`);
      else if (d > ctx.today) add(f, `«${value}» ligger fram i tid`);
      return d;
    };

    const serial = text('serial');
    if (!serial) { if (serial === null && !cell('serial')) add('serial', 'mangler'); }
    else if (seen.has(serial.toUpperCase())) add('serial', `«${serial}» står også på rad ${seen.get(serial.toUpperCase())}`);
    if (serial) seen.set(serial.toUpperCase(), row);
    const rawMunicipality = cell('municipality');
    const m = rawMunicipality.toLowerCase();
    const municipality = fixed ?? ctx.municipalities.find((x) => x.name.toLowerCase() === m || x.number === m || `${x.name.toLowerCase()} kommune` === m);
    if (!municipality) add('municipality', m ? `ukjent kommune «${rawMunicipality}»` : 'mangler');
    const rawCategory = cell('category');
    const category = rawCategory
      ? mapLabel(rawCategory, DEVICE_CATEGORIES, { ...CATEGORY_ALIASES, ...mapping.categories })
      : mapping.defaultCategory;
    if (!category) add('category', rawCategory ? `ukjent kategori «${rawCategory}»; legg den til i kolonnekoblingen` : 'mangler');
    const lastText = cell('lastSignInAt');
    const lastSignInAt = lastText ? parseSignInTime(lastText) : null;
    if (lastText && !lastSignInAt) add('lastSignInAt', `ugyldig tidspunkt «${lastText}» (bruk f.eks. 28.11.2023 08:15)`);
    const values = {
      name: text('name'), model: text('model'), manufacturer: text('manufacturer'), primaryUser: text('primaryUser'),
      enrolledOn: day('enrolledOn'), purchasedOn: day('purchasedOn'),
    };
    if (bad) continue;
    // Without a sign-in column the export is the month's extract: every row was signed in during it.
    const lastDay = lastSignInAt ? osloDate(lastSignInAt) : null;
    const signedIn = index.lastSignInAt === undefined || (lastDay !== null && lastDay.slice(0, 7) === monthStart.slice(0, 7));
    // Serials are compared in capitals: two tools that print one serial in different case name one PC.
    rows.push({ row, serial: serial!.toUpperCase(), ...values, category: category!, municipalityId: municipality!.id, municipality: municipality!.name, lastSignInAt, signedIn });
  }
  if (!rows.length && !issues.count) issues.add({ row: null, column: null, message: 'Filen har ingen rader' });
  return { rows, ...issues.summary() };
}

// ---- mappings --------------------------------------------------------------------------------------

const mappingOf = (r: typeof eqImportMappings.$inferSelect) => ({ source: r.source, mapping: ZDeviceImportMapping.parse(r.mapping), updatedAt: r.updatedAt.toISOString() });
const mappingWhere = (cooperationId: string, source?: string) =>
  and(eq(eqImportMappings.cooperationId, cooperationId), source === undefined ? undefined : eq(eqImportMappings.source, source));

export async function listDeviceImportMappings(db: DbOrTx, cooperationId: string) {
  return (await db.select().from(eqImportMappings).where(mappingWhere(cooperationId)).orderBy(eqImportMappings.source)).map(mappingOf);
}

export async function saveDeviceImportMapping(db: Db, actor: Actor, { cooperationId, source, mapping }: { cooperationId: string; source: string; mapping: TDeviceImportMapping }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(eqImportMappings).where(mappingWhere(cooperationId, source));
    const values = { mapping, updatedAt: new Date() };
    const [row] = await tx.insert(eqImportMappings).values({ cooperationId, source, ...values })
      .onConflictDoUpdate({ target: [eqImportMappings.cooperationId, eqImportMappings.source], set: values }).returning();
    await recordUpsertAudit(tx, actor, { entity: 'eq_import_mapping', entityId: row!.id, before: before && { ...mappingOf(before) }, after: { source, ...mapping } });
    return mappingOf(row!);
  });
}

// ---- preview and import ----------------------------------------------------------------------------

export type TDeviceImportOptions = {
  cooperationId: string; month: string; source?: string; filename: string; bytes: Uint8Array; now?: Date; limits?: Partial<TTableFileLimits>;
};

async function prepare(db: DbOrTx, options: TDeviceImportOptions, table: TTable) {
  let mapping = ZDeviceImportMapping.parse({});
  if (options.source) {
    const [saved] = await db.select().from(eqImportMappings).where(mappingWhere(options.cooperationId, options.source));
    if (!saved) throw notFound(`Kolonnekoblingen «${options.source}»`);
    mapping = ZDeviceImportMapping.parse(saved.mapping);
  }
  const municipalities = await listMunicipalitiesEverMembers(db, options.cooperationId);
  const parsed = parseDeviceTable(table, mapping, { municipalities, month: options.month, today: osloDate(options.now ?? new Date()) });
  if (parsed.issueCount) throw refuseFile(parsed);
  const known = new Set<string>();
  for (let i = 0; i < parsed.rows.length; i += 5000) {
    const serials = parsed.rows.slice(i, i + 5000).map((r) => r.serial);
    for (const k of await db.select({ serial: eqDevices.serial }).from(eqDevices)
      .where(and(eq(eqDevices.cooperationId, options.cooperationId), inArray(eqDevices.serial, serials)))) known.add(k.serial);
  }
  return { parsed, known };
}

function previewOf(options: TDeviceImportOptions, p: Awaited<ReturnType<typeof prepare>>): TDeviceImportPreview {
  const rows = p.parsed.rows;
  return {
    month: options.month, rows: rows.length, newDevices: rows.filter((r) => !p.known.has(r.serial)).length,
    updatedDevices: rows.filter((r) => p.known.has(r.serial)).length, signedIn: rows.filter((r) => r.signedIn).length,
    withoutPrimaryUser: rows.filter((r) => !r.primaryUser).length, withoutPurchaseDate: rows.filter((r) => !r.purchasedOn).length,
    sample: rows.slice(0, 20).map((r) => ({
      row: r.row, serial: r.serial, municipality: r.municipality, category: r.category, model: r.model, primaryUser: r.primaryUser,
      signedIn: r.signedIn, isNew: !p.known.has(r.serial),
    })),
  };
}

export async function previewDeviceImport(db: DbOrTx, options: TDeviceImportOptions): Promise<TDeviceImportPreview> {
  return previewOf(options, await prepare(db, options, await readTableFile(options)));
}

const BATCH = 2000;
const DEVICE_COLUMNS = sql.raw(`serial text, municipality_id uuid, category eq_device_category, name text, model text, manufacturer text,
  primary_user text, enrolled_on date, last_sign_in_at timestamptz, purchased_on date, signed_in boolean`);

export async function importDevices(db: Db, actor: Actor, options: TDeviceImportOptions): Promise<TDeviceImportPreview> {
  // Read first: a transaction held open while a large file is read would hold PGlite's one connection.
  const table = await readTableFile(options);
  return db.transaction(async (tx) => {
    const p = await prepare(tx, options, table);
    const preview = previewOf(options, p);
    const month = `${options.month}-01`;
    const [record] = await tx.insert(eqDeviceImports).values({
      cooperationId: options.cooperationId, month, source: options.source ?? null, filename: options.filename, rows: preview.rows,
      newDevices: preview.newDevices, signedIn: preview.signedIn, actorUserId: actor.userId, actorName: actor.name,
    }).returning({ id: eqDeviceImports.id });
    for (let i = 0; i < p.parsed.rows.length; i += BATCH) {
      const batch = p.parsed.rows.slice(i, i + BATCH).map((r) => ({
        serial: r.serial, municipality_id: r.municipalityId, category: r.category, name: r.name, model: r.model, manufacturer: r.manufacturer,
        primary_user: r.primaryUser, enrolled_on: r.enrolledOn, last_sign_in_at: r.lastSignInAt?.toISOString() ?? null, purchased_on: r.purchasedOn,
        signed_in: r.signedIn,
      }));
      // One statement per batch: the upsert by serial, then the month's sign-ins of the rows signed in.
      await tx.execute(sql`
        with x as (select * from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(${DEVICE_COLUMNS})),
        up as (
          insert into eq_devices (cooperation_id, serial, municipality_id, category, name, model, manufacturer, primary_user, enrolled_on,
            last_sign_in_at, purchased_on, first_seen_month)
          select ${options.cooperationId}, serial, municipality_id, category, name, model, manufacturer, primary_user, enrolled_on,
            last_sign_in_at, purchased_on, ${month}::date from x
          on conflict (cooperation_id, serial) do update set
            municipality_id = excluded.municipality_id, category = excluded.category,
            name = coalesce(excluded.name, eq_devices.name), model = coalesce(excluded.model, eq_devices.model),
            manufacturer = coalesce(excluded.manufacturer, eq_devices.manufacturer),
            primary_user = coalesce(excluded.primary_user, eq_devices.primary_user),
            enrolled_on = coalesce(excluded.enrolled_on, eq_devices.enrolled_on),
            last_sign_in_at = greatest(excluded.last_sign_in_at, eq_devices.last_sign_in_at),
            purchased_on = coalesce(excluded.purchased_on, eq_devices.purchased_on),
            first_seen_month = least(excluded.first_seen_month, eq_devices.first_seen_month),
            updated_at = now()
          returning id, serial
        )
        insert into eq_device_sign_ins (month, device_id, import_id)
        select ${month}::date, up.id, ${record!.id}::uuid from up join x on x.serial = up.serial where x.signed_in
        on conflict do nothing`);
    }
    // The rows this import wrote (inserted or updated in this transaction: updated_at is its start).
    await refreshExpiry(tx, options.cooperationId, sql`x.updated_at = now()`);
    await recordAudit(tx, actor, {
      action: 'import', entity: 'eq_device_import', entityId: record!.id,
      after: { filename: options.filename, source: options.source ?? null, month: options.month, rows: preview.rows, newDevices: preview.newDevices, signedIn: preview.signedIn },
    });
    return preview;
  });
}
