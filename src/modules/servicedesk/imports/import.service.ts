// Importing historical tickets from CSV/XLSX exports of other help-desk tools (TOPdesk, Jira Service
// Management, Zendesk, Easit …). A saved column mapping per source says which header holds which field
// and how the tool's labels translate to ours. Import is idempotent by the tool's ticket id: a row
// whose external id is already here is left alone. Preview writes nothing; a file with any row error
// is refused whole, so nothing is ever half-imported. Preview and commit check a file with the same
// function (parseTicketTable), whose rules are the API's for a new ticket (text lengths from model.ts,
// a valid e-mail, no control characters) plus what history needs (no dates in the future, solved and
// closed not before created), so what a preview accepts the commit stores.
//
// Each imported ticket gets the events that make its SLA computable (created; solved and closed at the
// export's times), marked `imported`, and its SLA cache computed now under its municipality's policy
// (the cooperation's where the municipality has none of its own). Its category is checked against the
// same policy: a municipality with its own category list accepts only those.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import type { Db, DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../server/context.js';
import { notFound } from '../../../server/errors.js';
import { recordAudit, recordUpsertAudit } from '../../audit/service.js';
import { listMunicipalitiesEverMembers } from '../../org/memberships.service.js';
import { addBusinessTime } from '../sla/calendar.js';
import {
  CHANNELS, DONE_STATUSES, IMPORT_FIELDS, PRIORITIES, STATUSES, TICKET_TYPES, type TChannel, type TImportField, type TPriority, type TStatus, type TTicketType,
} from '../vocabulary.js';
import { readTableFile, refuseFile, RowIssues, textProblem, type TRowIssueSummary, type TTable, type TTableFileLimits } from '../../../lib/table-file/index.js';
import { locateColumns, mapLabel, parseNorwegianDateTime } from './import-mapping.js';
import { ZCreateTicketRequest, type TTicketEventBody } from '../model.js';
import { syncKpiSummaries } from '../kpi/kpi-summary.js';
import type { TCompiledPolicy } from '../desk-rules.js';
import { loadPolicy } from '../desk-rules.service.js';
import { sdImportMappings, sdTicketEvents, sdTickets } from '../schema.js';
import { computeSlaState, type TSlaEvent } from '../sla/sla.js';

const REQUIRED: TImportField[] = ['externalId', 'createdAt', 'title', 'category', 'municipality'];

/** Header names the common tools export, lower-case; a saved mapping overrides them. */
const NAMES: Partial<Record<TImportField, string[]>> = {
  externalId: ['id', 'saksnummer', 'saksnr', 'sak', 'ticket id', 'issue key', 'key', 'nummer', 'number'],
  createdAt: ['opprettet', 'registrert', 'innmeldt', 'created', 'created at', 'dato'],
  title: ['tittel', 'emne', 'kort beskrivelse', 'summary', 'subject'],
  description: ['beskrivelse', 'detaljer', 'description'],
  type: ['type', 'sakstype', 'issue type', 'ticket type'],
  category: ['kategori', 'category'],
  channel: ['kanal', 'innmeldingskanal', 'channel', 'source', 'via'],
  priority: ['prioritet', 'priority'],
  status: ['status', 'state'],
  municipality: ['kommune', 'organisasjon', 'organization', 'municipality', 'customer'],
  requesterName: ['innmelder', 'melder', 'bruker', 'requester', 'reporter'],
  requesterEmail: ['e-post', 'epost', 'innmelder e-post', 'email', 'requester email'],
  solvedAt: ['løst', 'løst dato', 'resolved', 'resolved at', 'solved at'],
  closedAt: ['lukket', 'lukket dato', 'closed', 'closed at'],
};

/** What other tools call our values; a saved mapping adds its own. */
const VALUE_ALIASES = {
  type: { feil: 'feilmelding', incident: 'feilmelding', hendelse: 'feilmelding', problem: 'feilmelding', 'tjenesteforespørsel': 'tjenesteforesporsel', 'forespørsel': 'tjenesteforesporsel', 'service request': 'tjenesteforesporsel', request: 'tjenesteforesporsel', bestilling: 'tjenesteforesporsel', other: 'annet' },
  priority: { low: 'lav', normal: 'medium', middels: 'medium', 'høy': 'hoy', high: 'hoy', critical: 'kritisk', urgent: 'kritisk', highest: 'kritisk', lowest: 'lav' },
  status: { new: 'ny', open: 'ny', 'åpen': 'ny', 'in progress': 'under_arbeid', 'pågår': 'under_arbeid', 'under arbeid': 'under_arbeid', 'venter på bruker': 'venter_bruker', pending: 'venter_bruker', 'venter på leverandør': 'venter_leverandor', 'on hold': 'venter_leverandor', 'løst': 'lost', resolved: 'lost', solved: 'lost', closed: 'lukket', done: 'lukket' },
  channel: { 'e-post': 'epost', email: 'epost', 'e-mail': 'epost', phone: 'telefon', web: 'portal', selvbetjening: 'portal', 'selvbetjeningsportal': 'portal', 'oppmøte': 'oppmote', 'walk-in': 'oppmote', chatbot: 'chat', 'live chat': 'chat', andre: 'annet', other: 'annet' },
} as const;

export const ZImportMapping = z.object({
  /** Our field → the header in the source tool's export. */
  columns: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().trim().min(1).max(200)).default({}),
  /** Source label → our value, per field (type, priority, status, channel, category). */
  values: z.object({
    type: z.record(z.string(), z.enum(TICKET_TYPES)).optional(),
    priority: z.record(z.string(), z.enum(PRIORITIES)).optional(),
    status: z.record(z.string(), z.enum(STATUSES)).optional(),
    channel: z.record(z.string(), z.enum(CHANNELS)).optional(),
    category: z.record(z.string(), z.string().min(1).max(100)).optional(),
  }).default({}),
  /** Used when the export has no such column or the cell is empty. */
  defaults: z.object({
    type: z.enum(TICKET_TYPES).default('feilmelding'),
    priority: z.enum(PRIORITIES).default('medium'),
    channel: z.enum(CHANNELS).default('annet'),
  }).default({ type: 'feilmelding', priority: 'medium', channel: 'annet' }),
}).openapi('TicketImportMapping');
export type TImportMapping = z.output<typeof ZImportMapping>;

export type TImportRow = {
  row: number; externalId: string; createdAt: Date; title: string; description: string; type: TTicketType; category: string;
  channel: TChannel; priority: TPriority; status: TStatus; municipalityId: string; requesterName: string; requesterEmail: string | null;
  solvedAt: Date | null; closedAt: Date | null;
};
export type TParseContext = {
  /** The cooperation's categories; `categoriesOf` a municipality's own list, where it has one. */
  categories: readonly string[];
  categoriesOf?: ReadonlyMap<string, readonly string[]>;
  municipalities: { id: string; name: string; number: string | null }[];
  now: Date;
};

/** A new ticket's fields as the API takes them: the import holds rows to the same rules. */
const API = ZCreateTicketRequest.shape;
const TITLE_MAX = API.title.maxLength ?? 200;

/** The table to ticket rows under a mapping; pure. Row numbers as the file shows them (header = row 1). */
export function parseTicketTable(table: TTable, mapping: TImportMapping, ctx: TParseContext): { rows: TImportRow[] } & TRowIssueSummary {
  const located = locateColumns(table[0] ?? [], IMPORT_FIELDS, NAMES, mapping.columns);
  const { index } = located;
  const issues = new RowIssues();
  for (const i of located.issues) issues.add(i);
  for (const f of REQUIRED) {
    if (index[f] === undefined && !located.issues.some((i) => i.column === f)) issues.add({ row: 1, column: f, message: `Kolonnen for ${f} mangler; velg den i kolonnekoblingen` });
  }
  if (issues.count) return { rows: [], ...issues.summary() };
  const rows: TImportRow[] = [];
  const seen = new Map<string, number>();
  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    if (cells.every((c) => !c.trim())) continue;
    const row = r + 1;
    // Counted per row, not read off the capped list: a row past the cap is as invalid as the first.
    let bad = 0;
    const add = (column: TImportField, message: string) => {
      bad += 1;
      issues.add({ row, column, message: `Rad ${row}, ${column}: ${message}` });
    };
    const cell = (f: TImportField) => (index[f] === undefined ? '' : (cells[index[f]!] ?? '').trim());
    /** A text cell, or null when it cannot be stored (the issue is added). */
    const text = (f: TImportField, options: { multiline?: boolean } = {}) => {
      const value = cell(f);
      const problem = textProblem(value, options);
      if (problem) { add(f, problem); return null; }
      return value;
    };
    const label = <T extends string>(f: 'type' | 'priority' | 'status' | 'channel', ours: readonly T[], fallback: T | null): T | null => {
      const value = cell(f);
      if (!value) {
        if (fallback === null) add(f, 'mangler');
        return fallback;
      }
      const hit = mapLabel(value, ours, { ...(VALUE_ALIASES[f] as unknown as Record<string, T>), ...(mapping.values[f] as Record<string, T> | undefined) });
      if (!hit) add(f, `ukjent verdi «${value}»; legg den til i kolonnekoblingen`);
      return hit;
    };
    const date = (f: 'createdAt' | 'solvedAt' | 'closedAt', required: boolean) => {
      const value = cell(f);
      if (!value) {
        if (required) add(f, 'mangler');
        return null;
      }
      const d = parseNorwegianDateTime(value);
      if (!d) add(f, `ugyldig dato «${value}» (bruk f.eks. 13.12.2023 08:15)`);
      else if (d > ctx.now) add(f, `«${value}» ligger fram i tid`);
      return d;
    };

    const externalId = text('externalId');
    if (externalId === '') add('externalId', 'mangler');
    else if (externalId && seen.has(externalId)) add('externalId', `«${externalId}» står også på rad ${seen.get(externalId)}`);
    else if (externalId && externalId.length > 200) add('externalId', 'for lang');
    if (externalId) seen.set(externalId, row);
    const createdAt = date('createdAt', true);
    const solvedAt = date('solvedAt', false);
    const closedAt = date('closedAt', false);
    for (const [f, d] of [['solvedAt', solvedAt], ['closedAt', closedAt]] as const) {
      if (createdAt && d && d < createdAt) add(f, 'er før saken ble opprettet');
    }
    const title = text('title');
    if (title === '') add('title', 'mangler');
    const description = text('description', { multiline: true });
    if (description && !API.description.safeParse(description).success) {
      add('description', `er ${description.length.toLocaleString('nb-NO')} tegn; høyst ${(API.description.maxLength ?? 0).toLocaleString('nb-NO')} tegn`);
    }
    const requesterName = text('requesterName');
    if (requesterName && !API.requesterName.safeParse(requesterName).success) add('requesterName', `er lengre enn ${API.requesterName.unwrap().maxLength} tegn`);
    const requesterEmail = text('requesterEmail');
    if (requesterEmail && !API.requesterEmail.safeParse(requesterEmail).success) add('requesterEmail', `ugyldig e-postadresse «${requesterEmail}»`);
    const type = label('type', TICKET_TYPES, mapping.defaults.type);
    const priority = label('priority', PRIORITIES, mapping.defaults.priority);
    const channel = label('channel', CHANNELS, mapping.defaults.channel);
    const status = label('status', STATUSES, solvedAt || closedAt ? (closedAt ? 'lukket' : 'lost') : 'ny');
    if (status && DONE_STATUSES.includes(status) && !solvedAt && !closedAt) add('status', 'løste og lukkede saker trenger løst- eller lukket-dato');
    const m = cell('municipality').toLowerCase();
    const municipality = ctx.municipalities.find((x) => x.name.toLowerCase() === m || x.number === m || `${x.name.toLowerCase()} kommune` === m);
    // The row's municipality decides which categories are valid (its own policy's, else the cooperation's).
    const own = municipality ? ctx.categoriesOf?.get(municipality.id) : undefined;
    const allowed = own ?? ctx.categories;
    const rawCategory = cell('category');
    const wanted = mapping.values.category?.[rawCategory] ?? rawCategory;
    const category = allowed.find((c) => c.toLowerCase() === wanted.toLowerCase()) ?? null;
    if (!category) {
      add('category', !rawCategory ? 'mangler'
        : own && ctx.categories.some((c) => c.toLowerCase() === wanted.toLowerCase()) ? `kategorien «${wanted}» brukes ikke for ${municipality!.name}`
          : `ukjent kategori «${wanted}»`);
    }
    if (!municipality) add('municipality', m ? `ukjent kommune «${cell('municipality')}»` : 'mangler');
    if (bad) continue;
    rows.push({
      row, externalId: externalId!, createdAt: createdAt!, title: title!.slice(0, TITLE_MAX), description: description || title!, type: type!, category: category!,
      channel: channel!, priority: priority!, status: status!, municipalityId: municipality!.id,
      requesterName: requesterName || 'Ukjent (importert)', requesterEmail: requesterEmail || null,
      solvedAt: DONE_STATUSES.includes(status!) ? (solvedAt ?? closedAt) : null, closedAt: status === 'lukket' ? (closedAt ?? solvedAt) : null,
    });
  }
  if (!rows.length && !issues.count) issues.add({ row: null, column: null, message: 'Filen har ingen rader' });
  return { rows, ...issues.summary() };
}

type TImportedEvent = TTicketEventBody & { at: Date };

/** The events that make an imported ticket's SLA computable. */
export function importedEvents(t: Pick<TImportRow, 'createdAt' | 'priority' | 'channel' | 'status' | 'solvedAt' | 'closedAt'>) {
  const events: TImportedEvent[] = [{
    at: t.createdAt, kind: 'created',
    data: { priority: t.priority, status: 'ny', channel: t.channel, respondedAtCreation: t.channel === 'telefon' || t.channel === 'oppmote', imported: true },
  }];
  if (t.solvedAt) events.push({ at: t.solvedAt, kind: 'status', data: { from: 'ny', to: 'lost', imported: true } });
  if (t.status === 'lukket' && t.closedAt) events.push({ at: t.closedAt, kind: 'status', data: { from: 'lost', to: 'lukket', imported: true } });
  if (!DONE_STATUSES.includes(t.status) && t.status !== 'ny') events.push({ at: t.createdAt, kind: 'status', data: { from: 'ny', to: t.status, imported: true } });
  return events;
}


/**
 * The ticket's SLA cache columns from its events, as history.refreshSla stores them, without a round
 * trip per ticket; for bulk writes (imports, the demo) where the events are in hand.
 */
export function slaCacheColumns(events: readonly TImportedEvent[], policy: TCompiledPolicy, now: Date) {
  // Only the kinds the clock reads (as history.slaEventsOf): a survey or a note is not a status change.
  const sla = events.flatMap((e): TSlaEvent[] => {
    if (e.kind === 'created') return [{ kind: 'created', at: e.at, priority: e.data.priority, status: e.data.status, respondedAtCreation: e.data.respondedAtCreation === true }];
    if (e.kind === 'priority') return [{ kind: 'priority', at: e.at, priority: e.data.to }];
    if (e.kind === 'reply') return [{ kind: 'response', at: e.at }];
    if (e.kind === 'status') return [{ kind: 'status', at: e.at, status: e.data.to }];
    return [];
  });
  const state = computeSlaState(sla, policy.sla, now);
  const r = state.resolution;
  const target = policy.sla.targets[state.priority];
  const warnShare = policy.sla.warnShare ?? 0.25;
  const warnAt = r.breached ? r.breachedAt
    : r.running ? addBusinessTime(target.calendar, now, Math.max(0, r.remainingMillis - r.targetMillis * warnShare)) : null;
  return {
    slaResolutionDueAt: r.dueAt, slaWarnAt: r.stoppedAt || r.paused ? null : warnAt, slaResolutionBreachedAt: r.breachedAt,
    slaResolutionMet: r.met, slaResolutionElapsedMs: Math.round(r.elapsedMillis), slaFirstResponseDueAt: state.firstResponse.dueAt,
    slaFirstResponseMet: state.firstResponse.met, slaComputedAt: now,
  };
}

// ---- mappings --------------------------------------------------------------------------------------

export async function listImportMappings(db: DbOrTx, cooperationId: string) {
  const rows = await db.select().from(sdImportMappings).where(eq(sdImportMappings.cooperationId, cooperationId)).orderBy(sdImportMappings.source);
  return rows.map((r) => ({ source: r.source, mapping: ZImportMapping.parse(r.mapping), updatedAt: r.updatedAt.toISOString() }));
}

export async function saveImportMapping(db: Db, actor: Actor, options: { cooperationId: string; source: string; mapping: TImportMapping }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(sdImportMappings)
      .where(and(eq(sdImportMappings.cooperationId, options.cooperationId), eq(sdImportMappings.source, options.source)));
    const now = new Date();
    const [row] = await tx.insert(sdImportMappings).values({ cooperationId: options.cooperationId, source: options.source, mapping: options.mapping, updatedAt: now })
      .onConflictDoUpdate({ target: [sdImportMappings.cooperationId, sdImportMappings.source], set: { mapping: options.mapping, updatedAt: now } })
      .returning();
    await recordUpsertAudit(tx, actor, { entity: 'sd_import_mapping', entityId: row!.id, before: before?.mapping, after: { source: options.source, ...options.mapping } });
    return { source: row!.source, mapping: options.mapping, updatedAt: row!.updatedAt.toISOString() };
  });
}

// ---- preview and import ------------------------------------------------------------------------------

export type TTicketImportOptions = {
  cooperationId: string; source?: string; filename: string; bytes: Uint8Array; now?: Date; limits?: Partial<TTableFileLimits>;
};
export type TTicketImportPreview = {
  rows: number; newTickets: number; alreadyImported: number;
  sample: { row: number; externalId: string; createdAt: string; title: string; type: string; priority: string; status: string; category: string }[];
};

/** The file read and checked against the cooperation; `table` is read before any transaction opens. */
async function prepare(db: DbOrTx, options: TTicketImportOptions, table: TTable) {
  const now = options.now ?? new Date();
  let mapping: TImportMapping = ZImportMapping.parse({});
  if (options.source) {
    const [saved] = await db.select().from(sdImportMappings)
      .where(and(eq(sdImportMappings.cooperationId, options.cooperationId), eq(sdImportMappings.source, options.source)));
    if (!saved) throw notFound(`Kolonnekoblingen «${options.source}»`);
    mapping = ZImportMapping.parse(saved.mapping);
  }
  const policy = await loadPolicy(db, options.cooperationId, null);
  const members = await listMunicipalitiesEverMembers(db, options.cooperationId);
  // Each member's policy (its own, or the cooperation's): categories to check, SLA to compute.
  const policies = new Map<string, TCompiledPolicy>();
  for (const m of members) policies.set(m.id, await loadPolicy(db, options.cooperationId, m.id));
  const categoriesOf = new Map([...policies].map(([id, p]) => [id, p.document.categories]));
  const parsed = parseTicketTable(table, mapping, { categories: policy.document.categories, categoriesOf, municipalities: members, now });
  // Preview and commit alike: a file with any issue is refused whole, with the same capped list.
  if (parsed.issueCount) throw refuseFile(parsed);
  const existing = new Set<string>();
  for (let i = 0; i < parsed.rows.length; i += 1000) {
    const ids = parsed.rows.slice(i, i + 1000).map((r) => r.externalId);
    for (const e of await db.select({ externalId: sdTickets.externalId }).from(sdTickets)
      .where(and(eq(sdTickets.cooperationId, options.cooperationId), inArray(sdTickets.externalId, ids)))) existing.add(e.externalId!);
  }
  return { now, parsed, policies, fresh: parsed.rows.filter((r) => !existing.has(r.externalId)), existing: existing.size };
}

function previewOf(p: Awaited<ReturnType<typeof prepare>>): TTicketImportPreview {
  return {
    rows: p.parsed.rows.length, newTickets: p.fresh.length, alreadyImported: p.existing,
    sample: p.fresh.slice(0, 20).map((r) => ({
      row: r.row, externalId: r.externalId, createdAt: r.createdAt.toISOString(), title: r.title, type: r.type, priority: r.priority, status: r.status, category: r.category,
    })),
  };
}

export async function previewTicketImport(db: DbOrTx, options: TTicketImportOptions): Promise<TTicketImportPreview> {
  return previewOf(await prepare(db, options, await readTableFile(options)));
}

const BATCH = 500;

export async function importTickets(db: Db, actor: Actor, options: TTicketImportOptions): Promise<TTicketImportPreview> {
  // Read first: a transaction held open while a large file is read would hold PGlite's one connection.
  const table = await readTableFile(options);
  return db.transaction(async (tx) => {
    const p = await prepare(tx, options, table);
    const ticketIds: string[] = [];
    for (let i = 0; i < p.fresh.length; i += BATCH) {
      const batch = p.fresh.slice(i, i + BATCH);
      const events = batch.map(importedEvents);
      const inserted = await tx.insert(sdTickets).values(batch.map((r, j) => ({
        cooperationId: options.cooperationId, municipalityId: r.municipalityId, requesterName: r.requesterName, requesterEmail: r.requesterEmail,
        type: r.type, category: r.category, channel: r.channel, priority: r.priority, status: r.status, title: r.title, description: r.description,
        externalId: r.externalId, createdAt: r.createdAt, updatedAt: r.closedAt ?? r.solvedAt ?? r.createdAt, solvedAt: r.solvedAt, closedAt: r.closedAt,
        ...slaCacheColumns(events[j]!, p.policies.get(r.municipalityId)!, p.now),
      }))).returning({ id: sdTickets.id });
      await tx.insert(sdTicketEvents).values(inserted.flatMap((t, j) => events[j]!.map((e) => ({
        ticketId: t.id, at: e.at, actorUserId: null, actorName: 'import', byDesk: true, kind: e.kind, internal: false, data: e.data,
      }))));
      ticketIds.push(...inserted.map((t) => t.id));
    }
    // Once for the whole file, at the end: the monthly counts are locked from here to the commit
    // (kpi-summary.ts, KPI_COUNTS_LOCK), not while the rows are being written.
    await syncKpiSummaries(tx, { ticketIds });
    await recordAudit(tx, actor, {
      action: 'import', entity: 'sd_ticket_import', entityId: options.cooperationId,
      after: { filename: options.filename, source: options.source ?? null, imported: p.fresh.length, alreadyImported: p.existing },
    });
    return previewOf(p);
  });
}
