// Loads the demo's reports through the reports services, as the leader would make them: the templates
// (an admin's work), the glossary, the activity report per 1.12.2023 written, submitted, approved (its
// blocks frozen, the PDF/A archived and attached to 2023/M6-003, before the notice goes out), published;
// the draft per 1.3.2024 carried forward from it with one section rewritten; and the annual report 2023
// with the figures entered for the years samrad holds no data for, approved and accepted by two members.
//
// The narrative and the blocks of a new report are written straight into its sections (checked as the
// services check them: the rich text schema, each block type's parameter schema): through the section
// and block services every one of ~90 saves would read the whole report back, which would add seconds
// to the demo's load for nothing a user could see.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import type { FileStore } from '../../src/lib/files/store.js';
import { richTextFromMarkup } from '../../src/lib/rich-text-markup.js';
import { ZRichText } from '../../src/lib/rich-text.js';
import type { Actor, SessionUser } from '../../src/server/context.js';
import { users } from '../../src/modules/org/schema.js';
import { blockDefinition } from '../../src/modules/reports/blocks/registry.js';
import { freezeReportBlocks } from '../../src/modules/reports/blocks.service.js';
import { archiveApprovedReport } from '../../src/modules/reports/documents.service.js';
import { getEnteredFigures, setEnteredFigures } from '../../src/modules/reports/figures.service.js';
import { setGlossary } from '../../src/modules/reports/glossary.service.js';
import type { TReport, TReportSection } from '../../src/modules/reports/model.js';
import { createReport, updateReport } from '../../src/modules/reports/reports.service.js';
import { reportBlocks, reports, reportSections } from '../../src/modules/reports/schema.js';
import { updateSection } from '../../src/modules/reports/sections.service.js';
import { createTemplate } from '../../src/modules/reports/templates.service.js';
import { approveReport, submitReport } from '../../src/modules/reports/workflow.service.js';
import type { TReportKind } from '../../src/modules/reports/vocabulary.js';
import { registerReportBlocks } from '../../src/server/report-blocks.js';
import {
  ACTIVITY_REPORT_APPROVED, ACTIVITY_REPORT_AS_OF, ACTIVITY_REPORT_TITLE, activityReport2023, glossary2023,
} from '../data/report-2023-12.js';
import {
  acceptances2023, ANNUAL_REPORT_APPROVED, ANNUAL_REPORT_AS_OF, ANNUAL_REPORT_TITLE, annualReport2023, enteredFigures,
} from '../data/annual-report-2023.js';
import { recordAcceptance } from '../../src/modules/reports/acceptances.service.js';
import type { TDemoReportSection } from '../data/types.js';

const LEADER_EMAIL = 'leder@demo.samrad.no';
export const DRAFT_REPORT_AS_OF = '2024-03-01';

/** The leader's account as a signed-in session: reports are written and approved by a person. */
async function leaderSession(db: Db): Promise<SessionUser> {
  const [u] = await db.select().from(users).where(eq(users.email, LEADER_EMAIL));
  if (!u) throw new Error(`demo: no account ${LEADER_EMAIL}`);
  return { id: u.id, email: u.email, name: u.name, role: u.role, municipalityId: u.municipalityId, personId: u.personId };
}

async function makeTemplate(db: Db, actor: Actor, cooperationId: string, kind: TReportKind, name: string, tree: TDemoReportSection[]) {
  await createTemplate(db, actor, {
    cooperationId, kind, name,
    sections: tree.map((s) => ({ key: s.key, parentKey: s.parent ?? null, title: s.title, ownerUserIds: [] })),
  });
}

/** Writes the tree's narrative and blocks into the report's sections (same reading order as the template). */
async function writeContent(db: Db, report: TReport, tree: TDemoReportSection[], leaderName: string) {
  const sections = report.sections as TReportSection[];
  if (sections.length !== tree.length) throw new Error(`demo: ${report.title} has ${sections.length} sections, the data ${tree.length}`);
  const blocks: (typeof reportBlocks.$inferInsert)[] = [];
  for (const [i, s] of sections.entries()) {
    const data = tree[i]!;
    if (s.title !== data.title) throw new Error(`demo: section ${s.number} is "${s.title}", the data says "${data.title}"`);
    if (data.narrative) {
      const narrative = ZRichText.parse(richTextFromMarkup(data.narrative));
      await db.update(reportSections).set({ narrative, updatedByName: leaderName }).where(eq(reportSections.id, s.id));
    }
    for (const [position, b] of (data.blocks ?? []).entries()) {
      const definition = blockDefinition(b.type);
      if (!definition) throw new Error(`demo: unknown block type ${b.type}`);
      blocks.push({ sectionId: s.id, position: position + 1, type: b.type, params: definition.params.parse(b.params) as Record<string, unknown> });
    }
  }
  if (blocks.length) await db.insert(reportBlocks).values(blocks);
}

async function existing(db: Db, cooperationId: string, kind: TReportKind, asOf: string) {
  const [row] = await db.select({ id: reports.id }).from(reports)
    .where(and(eq(reports.cooperationId, cooperationId), eq(reports.kind, kind), eq(reports.asOf, asOf)));
  return row?.id ?? null;
}

export type TReportsDemoRefs = { cooperationId: string; municipality: (key: 'molde' | 'aukra') => string };

/**
 * The templates, the glossary and the activity report per 1.12.2023, approved and attached to the
 * meeting's "Økonomi- og aktivitetsrapport" case. Runs before the meeting's notice goes out, so the notice
 * lists the report as seed 000 does. Does nothing when the report is there already.
 */
export async function loadActivityReport(db: Db, actor: Actor, refs: TReportsDemoRefs, meetingId: string, files: FileStore): Promise<string> {
  registerReportBlocks();
  const { cooperationId } = refs;
  const already = await existing(db, cooperationId, 'aktivitetsrapport', ACTIVITY_REPORT_AS_OF);
  if (already) return already;
  const leader = await leaderSession(db);
  await setGlossary(db, actor, { cooperationId, terms: glossary2023 });
  await makeTemplate(db, actor, cooperationId, 'aktivitetsrapport', 'Økonomi- og aktivitetsrapport', activityReport2023);
  await makeTemplate(db, actor, cooperationId, 'arsrapport', 'Årsrapport', annualReport2023);

  const created = await createReport(db, leader, { cooperationId, kind: 'aktivitetsrapport', asOf: ACTIVITY_REPORT_AS_OF, title: ACTIVITY_REPORT_TITLE, meetingId });
  await writeContent(db, created, activityReport2023, leader.name);
  const ids = { id: created.id, cooperationId };
  const submitted = await submitReport(db, leader, { ...ids, revision: created.revision });
  const approved = await approveReport(db, leader, { ...ids, revision: submitted.revision }, { freeze: freezeReportBlocks, today: ACTIVITY_REPORT_APPROVED });
  await archiveApprovedReport(db, files, leader, ids);
  await updateReport(db, leader, { ...ids, revision: approved.revision, published: true });
  return created.id;
}

/**
 * The draft per 1.3.2024 (for 2024 M2), carried forward from the approved report with section 1.1
 * rewritten, and the annual report 2023 with its entered figures, approved, archived and accepted by two
 * of the member municipalities so far. Does nothing for a report that is there already.
 */
export async function loadLaterReports(db: Db, actor: Actor, refs: TReportsDemoRefs, draftMeetingId: string, files: FileStore): Promise<void> {
  registerReportBlocks();
  const { cooperationId } = refs;
  const leader = await leaderSession(db);

  if (!(await existing(db, cooperationId, 'aktivitetsrapport', DRAFT_REPORT_AS_OF))) {
    const draft = await createReport(db, leader, { cooperationId, kind: 'aktivitetsrapport', asOf: DRAFT_REPORT_AS_OF, meetingId: draftMeetingId });
    const drift = (draft.sections as TReportSection[]).find((s) => s.number === '1.1');
    if (!drift) throw new Error('demo: the draft has no section 1.1');
    // The leader has started on 1.1: the first paragraph is new, the rest is still last report's text.
    const carried = activityReport2023.find((s) => s.key === 'drift')!.narrative!.split('\n\n').slice(1);
    const opening = 'Regnskapet for 2023 er ikke avsluttet ennå. Tallene for 2024 per 1.3.2024 viser et forbruk i tråd med budsjettet; det endelige resultatet for 2023 legges fram i årsrapporten.';
    await updateSection(db, leader, { id: drift.id, cooperationId, revision: drift.revision, narrative: ZRichText.parse(richTextFromMarkup([opening, ...carried].join('\n\n'))) });
  }

  if (!(await existing(db, cooperationId, 'arsrapport', ANNUAL_REPORT_AS_OF))) {
    for (const [year, figures] of Object.entries(enteredFigures)) {
      const { version } = await getEnteredFigures(db, { cooperationId, year: Number(year) });
      await setEnteredFigures(db, actor, {
        cooperationId, year: Number(year), version,
        figures: figures.map((f) => ({ metric: f.metric as never, dimension: f.dimension ?? '', value: f.value })),
      });
    }
    const annual = await createReport(db, leader, { cooperationId, kind: 'arsrapport', asOf: ANNUAL_REPORT_AS_OF, title: ANNUAL_REPORT_TITLE });
    await writeContent(db, annual, annualReport2023, leader.name);
    const ids = { id: annual.id, cooperationId };
    const submitted = await submitReport(db, leader, { ...ids, revision: annual.revision });
    await approveReport(db, leader, { ...ids, revision: submitted.revision }, { freeze: freezeReportBlocks, today: ANNUAL_REPORT_APPROVED });
    await archiveApprovedReport(db, files, leader, ids);
    for (const a of acceptances2023) {
      await recordAcceptance(db, leader, { ...ids, municipalityId: refs.municipality(a.municipality), acceptedBy: a.acceptedBy, acceptedOn: a.acceptedOn });
    }
  }
}
