// Reports: created from the previous report of their kind (its sections, owners, narrative and blocks
// carried forward as a draft) within the structure of the kind's template; the header (title, as-of date,
// meeting, leader); the read model with its access rule (policy.ts). Sections: sections.service.ts;
// review and approval: workflow.service.ts.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import type { TRichText } from '../../lib/rich-text.js';
import { emptyRichText } from '../../lib/rich-text-markup.js';
import { actorOf, type SessionUser } from '../../server/context.js';
import { badRequest, conflict, forbidden, notFound, stale } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { listLegalBases } from '../governance/reference-data.js';
import { getMeetingHeader } from '../governance/views.service.js';
import { narrativeChanges } from './changes.js';
import { listMembersInYear } from '../org/memberships.service.js';
import type { TCreateReportRequest, TRedactedReportSection, TReport, TReportAcceptance, TReportSection, TReportSummary, TUpdateReportRequest } from './model.js';
import { numberSections } from './numbering.js';
import { assertOwners, loadUserNames } from './owners.js';
import { leadsReport, mayEditSection, mayReadReport, reportAudienceOf, seesExemptSections } from './policy.js';
import { reportAcceptances, reportBlocks, reportComments, reports, reportSectionOwners, reportSections } from './schema.js';
import { findTemplate } from './templates.service.js';
import { REPORT_KIND_LABELS, type TReportKind } from './vocabulary.js';
import { yearOf } from '../../lib/date-schemas.js';

export type TReportRow = typeof reports.$inferSelect;

/** "1.12.2023", as the papers write the date in a title. */
export function shortDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d}.${m}.${y}`;
}

export function defaultReportTitle(kind: TReportKind, asOf: string): string {
  return kind === 'arsrapport' ? `Årsrapport ${asOf.slice(0, 4)}` : `Aktivitetsrapport per ${shortDate(asOf)}`;
}

export function toSummary(r: TReportRow): TReportSummary {
  return {
    id: r.id, kind: r.kind, title: r.title, asOf: r.asOf, year: r.year, meetingId: r.meetingId, version: r.version, status: r.status,
    approvedAt: r.approvedAt, approvedByName: r.approvedByName, published: r.published, archived: r.archived, updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listReports(db: DbOrTx, viewer: SessionUser | null, options: { cooperationId: string; kind?: TReportKind }): Promise<TReportSummary[]> {
  const audience = reportAudienceOf(viewer);
  const where = [eq(reports.cooperationId, options.cooperationId)];
  if (options.kind) where.push(eq(reports.kind, options.kind));
  const rows = await db.select().from(reports).where(and(...where)).orderBy(desc(reports.asOf), desc(reports.version));
  return rows.filter((r) => mayReadReport(audience, r)).map(toSummary);
}

/** The report row, or 404 for one that does not exist in this cooperation. */
export async function loadReport(db: DbOrTx, options: { id: string; cooperationId: string; forUpdate?: boolean }): Promise<TReportRow> {
  const query = db.select().from(reports).where(and(eq(reports.id, options.id), eq(reports.cooperationId, options.cooperationId)));
  const [r] = options.forUpdate ? await query.for('update') : await query;
  if (!r) throw notFound('Rapporten');
  return r;
}

export async function legalBasisTexts(db: DbOrTx): Promise<Map<string, string>> {
  return new Map((await listLegalBases(db, { includeInactive: true })).map((b) => [b.id, `Unntatt offentlighet, ${b.citation}`]));
}

/** The report as this viewer may read it: 404 when they may not read it at all. */
export async function getReport(db: DbOrTx, viewer: SessionUser | null, options: { id: string; cooperationId: string }): Promise<TReport> {
  const r = await loadReport(db, options);
  const audience = reportAudienceOf(viewer);
  if (!mayReadReport(audience, r)) throw notFound('Rapporten');
  const sectionRows = await db.select().from(reportSections).where(eq(reportSections.reportId, r.id));
  const ids = sectionRows.map((s) => s.id);
  const ownerRows = ids.length ? await db.select().from(reportSectionOwners).where(inArray(reportSectionOwners.sectionId, ids)) : [];
  const blockRows = ids.length ? await db.select().from(reportBlocks).where(inArray(reportBlocks.sectionId, ids)).orderBy(asc(reportBlocks.position)) : [];
  // Review comments are the staff's working notes: never read by the council or the public.
  const commentRows = ids.length && audience === 'staff'
    ? await db.select().from(reportComments).where(inArray(reportComments.sectionId, ids)).orderBy(asc(reportComments.createdAt), asc(reportComments.id)) : [];
  const names = await loadUserNames(db);
  const bases = await legalBasisTexts(db);
  const open = r.status !== 'godkjent' && !r.archived;
  const sections = numberSections(sectionRows).map((s): TReportSection | TRedactedReportSection => {
    const legalBasis = s.legalBasisId ? bases.get(s.legalBasisId) ?? 'Unntatt offentlighet' : null;
    if (s.access === 'unntatt' && !seesExemptSections(audience)) {
      return { id: s.id, parentId: s.parentId, number: s.number, depth: s.depth, access: 'unntatt', legalBasis: legalBasis ?? 'Unntatt offentlighet' };
    }
    const ownerIds = ownerRows.filter((o) => o.sectionId === s.id).map((o) => o.userId);
    return {
      id: s.id, parentId: s.parentId, position: s.position, number: s.number, depth: s.depth, title: s.title,
      access: s.access, legalBasisId: s.legalBasisId, legalBasis,
      narrative: s.narrative,
      owners: audience === 'staff' ? ownerIds.map((userId) => ({ userId, name: names.get(userId)?.name ?? '' })) : [],
      revision: s.revision, updatedAt: s.updatedAt.toISOString(), updatedByName: audience === 'staff' ? s.updatedByName : null,
      mayEdit: open && viewer !== null && mayEditSection(viewer, r, ownerIds),
      changes: audience === 'staff' && s.carriedNarrative ? narrativeChanges(s.carriedNarrative, s.narrative) : null,
      blocks: blockRows.filter((b) => b.sectionId === s.id).map((b) => ({
        id: b.id, position: b.position, type: b.type, params: b.params, frozenAt: b.frozenAt ? b.frozenAt.toISOString() : null, revision: b.revision,
      })),
      comments: commentRows.filter((c) => c.sectionId === s.id).map((c) => ({
        id: c.id, authorName: c.authorName, text: c.text, createdAt: c.createdAt.toISOString(),
        resolvedAt: c.resolvedAt ? c.resolvedAt.toISOString() : null, resolvedByName: c.resolvedByName,
        mayResolve: open && c.resolvedAt === null && viewer !== null && mayEditSection(viewer, r, ownerIds),
      })),
    };
  });
  return {
    ...toSummary(r), cooperationId: r.cooperationId, previousReportId: r.previousReportId,
    leaderUserId: audience === 'staff' ? r.leaderUserId : null,
    leaderName: audience === 'staff' && r.leaderUserId ? names.get(r.leaderUserId)?.name ?? null : null,
    revision: r.revision, mayLead: open && viewer !== null && leadsReport(viewer, r), sections,
    acceptances: await acceptancesOf(db, r),
  };
}

/** Each member municipality of the report's year with its acceptance (null fields while pending); [] unless annual. */
export async function acceptancesOf(db: DbOrTx, report: Pick<TReportRow, 'id' | 'kind' | 'cooperationId' | 'year'>): Promise<TReportAcceptance[]> {
  if (report.kind !== 'arsrapport') return [];
  const members = await listMembersInYear(db, report.cooperationId, report.year);
  const rows = await db.select().from(reportAcceptances).where(eq(reportAcceptances.reportId, report.id));
  return members.map((m) => {
    const a = rows.find((r) => r.municipalityId === m.municipalityId);
    return { municipalityId: m.municipalityId, municipalityName: m.name, acceptedBy: a?.acceptedBy ?? null, acceptedOn: a?.acceptedOn ?? null, recordedByName: a?.recordedByName ?? null };
  });
}

type TCarriedSection = {
  key: string; parentKey: string | null; templateSectionId: string | null; title: string; narrative: TRichText; carried: TRichText | null;
  access: 'offentlig' | 'unntatt'; legalBasisId: string | null; ownerUserIds: string[]; blocks: { type: string; params: Record<string, unknown> }[];
};

/** The sections of `source` with their owners and blocks, in reading order, as the start of a new report. */
async function sectionsOf(db: DbOrTx, reportId: string): Promise<TCarriedSection[]> {
  const rows = numberSections(await db.select().from(reportSections).where(eq(reportSections.reportId, reportId)));
  const ids = rows.map((s) => s.id);
  const owners = ids.length ? await db.select().from(reportSectionOwners).where(inArray(reportSectionOwners.sectionId, ids)) : [];
  const blocks = ids.length ? await db.select().from(reportBlocks).where(inArray(reportBlocks.sectionId, ids)).orderBy(asc(reportBlocks.position)) : [];
  return rows.map((s) => ({
    key: s.id, parentKey: s.parentId, templateSectionId: s.templateSectionId, title: s.title, narrative: s.narrative, carried: s.narrative,
    access: s.access, legalBasisId: s.legalBasisId,
    ownerUserIds: owners.filter((o) => o.sectionId === s.id).map((o) => o.userId),
    blocks: blocks.filter((b) => b.sectionId === s.id).map((b) => ({ type: b.type, params: b.params })),
  }));
}

/**
 * The new report's sections: the template's tree (so an admin's changes to it take effect), each section
 * carrying what the previous report's section made from the same template section held. Without a
 * template, the previous report's tree as it was.
 */
async function startingSections(db: DbOrTx, cooperationId: string, kind: TReportKind, previousId: string | null): Promise<TCarriedSection[]> {
  const template = await findTemplate(db, { cooperationId, kind });
  const previous = previousId ? await sectionsOf(db, previousId) : [];
  if (!template) {
    if (!previousId) throw conflict(`Samarbeidet har ingen mal for ${REPORT_KIND_LABELS[kind].nb.toLowerCase()}; en administrator må lage den først`);
    return previous;
  }
  const byTemplate = new Map(previous.filter((s) => s.templateSectionId).map((s) => [s.templateSectionId!, s]));
  return template.sections.map((t) => {
    const before = byTemplate.get(t.id);
    return {
      key: t.id, parentKey: t.parentId, templateSectionId: t.id, title: t.title,
      narrative: before?.narrative ?? emptyRichText(), carried: before?.carried ?? null,
      access: before?.access ?? 'offentlig', legalBasisId: before?.legalBasisId ?? null,
      ownerUserIds: before?.ownerUserIds ?? t.ownerUserIds, blocks: before?.blocks ?? [],
    };
  });
}

async function insertSections(tx: Tx, reportId: string, sections: readonly TCarriedSection[]) {
  const idOf = new Map<string, string>();
  const counters = new Map<string | null, number>();
  for (const s of sections) {
    const parentId = s.parentKey === null ? null : idOf.get(s.parentKey) ?? null;
    const position = (counters.get(parentId) ?? 0) + 1;
    counters.set(parentId, position);
    const [row] = await tx.insert(reportSections).values({
      reportId, templateSectionId: s.templateSectionId, parentId, position, title: s.title, narrative: s.narrative, carriedNarrative: s.carried,
      access: s.access, legalBasisId: s.legalBasisId,
    }).returning({ id: reportSections.id });
    idOf.set(s.key, row!.id);
    if (s.ownerUserIds.length) await tx.insert(reportSectionOwners).values(s.ownerUserIds.map((userId) => ({ sectionId: row!.id, userId })));
    if (s.blocks.length) await tx.insert(reportBlocks).values(s.blocks.map((b, i) => ({ sectionId: row!.id, position: i + 1, type: b.type, params: b.params })));
  }
}

async function checkMeeting(db: DbOrTx, user: SessionUser, meetingId: string | null | undefined) {
  if (!meetingId) return;
  try {
    await getMeetingHeader(db, meetingId, user);
  } catch {
    throw badRequest('Møtet finnes ikke', [{ path: 'meetingId', message: 'Møtet finnes ikke' }]);
  }
}

export async function createReport(db: Db, user: SessionUser, options: TCreateReportRequest & { cooperationId: string }): Promise<TReport> {
  await checkMeeting(db, user, options.meetingId);
  const id = await db.transaction(async (tx) => {
    // The previous report of the kind: the latest current version by its as-of date.
    const [previous] = await tx.select().from(reports)
      .where(and(eq(reports.cooperationId, options.cooperationId), eq(reports.kind, options.kind), eq(reports.archived, false)))
      .orderBy(desc(reports.asOf), desc(reports.createdAt)).limit(1);
    const sections = await startingSections(tx, options.cooperationId, options.kind, previous?.id ?? null);
    const [r] = await tx.insert(reports).values({
      cooperationId: options.cooperationId, kind: options.kind, asOf: options.asOf, year: yearOf(options.asOf),
      title: options.title ?? defaultReportTitle(options.kind, options.asOf), meetingId: options.meetingId ?? null,
      previousReportId: previous?.id ?? null, leaderUserId: user.id,
    }).returning();
    await insertSections(tx, r!.id, sections);
    await recordAudit(tx, actorOf(user), { action: 'create', entity: 'report', entityId: r!.id, after: { ...toSummary(r!), previousReportId: previous?.id ?? null } });
    return r!.id;
  });
  return getReport(db, user, { id, cooperationId: options.cooperationId });
}

/** A reopened approved report: a new version carried forward from it, which stays in the archive. */
export async function copyAsNewVersion(tx: Tx, user: SessionUser, approved: TReportRow): Promise<string> {
  const sections = await sectionsOf(tx, approved.id);
  const [r] = await tx.insert(reports).values({
    cooperationId: approved.cooperationId, kind: approved.kind, asOf: approved.asOf, year: approved.year, title: approved.title,
    meetingId: approved.meetingId, previousReportId: approved.id, version: approved.version + 1, leaderUserId: approved.leaderUserId ?? user.id,
  }).returning();
  await insertSections(tx, r!.id, sections);
  return r!.id;
}

export function assertOpen(r: TReportRow) {
  if (r.archived) throw conflict('Rapporten er erstattet av en nyere versjon og kan ikke endres');
  if (r.status === 'godkjent') throw conflict('Rapporten er godkjent og kan ikke endres; gjenåpne den for å lage en ny versjon');
}

export function staleReport(current: number) {
  return stale(`Rapporten er endret av noen andre siden du hentet den (nå versjon ${current}); last inn på nytt`, { revision: current });
}

export async function updateReport(db: Db, user: SessionUser, options: TUpdateReportRequest & { id: string; cooperationId: string }): Promise<TReport> {
  await checkMeeting(db, user, options.meetingId);
  if (options.leaderUserId) assertOwners(await loadUserNames(db), [options.leaderUserId], 'leaderUserId');
  await db.transaction(async (tx) => {
    const r = await loadReport(tx, { ...options, forUpdate: true });
    if (!leadsReport(user, r)) throw forbidden('Bare rapportens leder kan endre rapporten');
    if (r.revision !== options.revision) throw staleReport(r.revision);
    const contentChange = options.title !== undefined || options.asOf !== undefined || options.meetingId !== undefined || options.leaderUserId !== undefined;
    if (contentChange) assertOpen(r);
    if (options.published !== undefined && options.published && (r.status !== 'godkjent' || r.archived)) {
      throw conflict('Bare en godkjent, gjeldende rapport kan publiseres');
    }
    const [after] = await tx.update(reports).set({
      title: options.title ?? r.title,
      asOf: options.asOf ?? r.asOf,
      year: options.asOf ? yearOf(options.asOf) : r.year,
      meetingId: options.meetingId === undefined ? r.meetingId : options.meetingId,
      leaderUserId: options.leaderUserId ?? r.leaderUserId,
      published: options.published ?? r.published,
      revision: r.revision + 1, updatedAt: new Date(),
    }).where(eq(reports.id, r.id)).returning();
    await recordAudit(tx, actorOf(user), { action: 'update', entity: 'report', entityId: r.id, before: toSummary(r), after: toSummary(after!) });
  });
  return getReport(db, user, options);
}
