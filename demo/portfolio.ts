// Loads the demo's portfolio through the portfolio services: the project kinds, seed 000's building
// projects with their week-48 2023 status, and one investment project per investment line of the
// economy demo (the figures stay the economy's; the project only points at its line), the two
// procurements the seeds name at their stage on 1 December 2023, and one proposal for the innovation
// pipeline in the spirit of seed 003's 2024/M2-006. A few dozen
// rows, so the demo (which the e2e server loads on every start) stays fast. `loadPipelineDemo` then takes
// a second proposal through the pipeline, once the council's meetings are there (load.ts).
import { eq } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import type { Actor } from '../src/server/context.js';
import { listLines } from '../src/modules/economy/lines.service.js';
import { createProject, createProjectKind } from '../src/modules/portfolio/projects.service.js';
import { setWeekStatus } from '../src/modules/portfolio/statuses.service.js';
import { awardProcurement, createProcurement, linkProcurementCase, listProcurements } from '../src/modules/portfolio/procurements.service.js';
import { createProposal, sendProposal } from '../src/modules/portfolio/proposals.service.js';
import { addCostEvent, decideProposal, setPopulations } from '../src/modules/portfolio/cost-split.service.js';
import { PIPELINE_STEPS } from '../src/modules/portfolio/vocabulary.js';
import { createBody } from '../src/modules/org/bodies.service.js';
import { createBodyMember } from '../src/modules/org/body-members.service.js';
import { createMeeting } from '../src/modules/governance/meetings.service.js';
import { recordDecision } from '../src/modules/governance/minutes.service.js';
import { sendNotice } from '../src/modules/governance/notice.service.js';
import { cases } from '../src/modules/governance/schema.js';
import { demoPipeline, demoProcurementCases, demoProjectKinds, demoProposal, SEED_000_WEEK, seed000BuildingProjects, seedProcurements } from './data/portfolio.js';
import type { TDemoRefs } from './loader/organisation.js';

export type TPortfolioDemoRefs = Pick<TDemoRefs, 'cooperationId' | 'municipality'>;

/** The demo's status and procurements were written on Friday afternoon of week 48, the day the activity report is dated. */
const WRITTEN = new Date('2023-12-01T16:00:00+01:00');

export async function loadPortfolioDemo(db: Db, actor: Actor, refs: TPortfolioDemoRefs): Promise<void> {
  const { cooperationId } = refs;
  const kinds = new Map<string, string>();
  for (const [i, k] of demoProjectKinds.entries()) {
    kinds.set(k.name, (await createProjectKind(db, actor, { cooperationId, name: k.name, weeklyStatus: k.weeklyStatus, sortOrder: i })).id);
  }
  for (const [i, p] of seed000BuildingProjects.entries()) {
    const project = await createProject(db, actor, {
      cooperationId, kindId: kinds.get('Byggprosjekt')!, title: p.title, municipalityId: p.municipality ? refs.municipality(p.municipality) : null,
      owner: 'ROR-IKT Drift', phase: p.status === 'ferdig' ? 'avslutning' : 'gjennomforing', sortOrder: i,
    });
    await setWeekStatus(db, actor, { projectId: project.id, week: SEED_000_WEEK, status: p.status, comment: p.comment, revision: null, now: WRITTEN });
  }
  for (const [i, line] of (await listLines(db, { cooperationId, kind: 'investering' })).entries()) {
    await createProject(db, actor, {
      cooperationId, kindId: kinds.get('Investeringsprosjekt')!, title: line.name, municipalityId: line.municipalityId ?? null,
      owner: line.owner ?? null, phase: 'gjennomforing', economyLineId: line.id, sortOrder: i,
    });
  }
  for (const p of seedProcurements) {
    const { award, ...request } = p;
    const created = await createProcurement(db, actor, { cooperationId, ...request, now: WRITTEN });
    if (award) await awardProcurement(db, actor, { id: created.id, revision: created.revision, ...award, now: WRITTEN });
  }
  const { costEstimateKroner, municipalities, ...proposal } = demoProposal;
  await createProposal(db, actor, {
    cooperationId, ...proposal, costEstimateOre: costEstimateKroner * 100, municipalityIds: municipalities.map((m) => refs.municipality(m)),
  });
}

/**
 * The proposal that has gone faggruppe → porteføljeråd → samarbeidsråd (demoPipeline): the two bodies and
 * a meeting of each, the council's meeting after 2024 M3, each step a case on its meeting through the
 * pipeline's own service, the notice sent (the numbers locked, as every demo case's), each body's
 * conclusion recorded, the council's decision with its split, and a late joiner. Runs after the council's
 * meetings are loaded, so the council's meeting is 2024 M4.
 */
export async function loadPipelineDemo(db: Db, actor: Actor, refs: TPortfolioDemoRefs & Pick<TDemoRefs, 'body' | 'person'>): Promise<void> {
  const { cooperationId } = refs;
  const d = demoPipeline;
  const bodyIds = {
    faggruppe: (await createBody(db, actor, { cooperationId, ...d.bodies.faggruppe, caseNumbering: 'meeting' })).id,
    portefoljerad: (await createBody(db, actor, { cooperationId, ...d.bodies.portefoljerad, caseNumbering: 'meeting' })).id,
    samarbeidsrad: refs.body('samarbeidsradet'),
  };
  // Their members get the notices (a notice needs someone to go to).
  for (const m of d.members) {
    await createBodyMember(db, actor, { bodyId: bodyIds[m.body], personId: refs.person(m.person), role: m.role, municipalityId: refs.municipality('molde'), fromDate: '2024-01-01', toDate: null });
  }
  await setPopulations(db, actor, {
    cooperationId, year: 2024,
    rows: Object.entries(d.populations2024).map(([key, inhabitants]) => ({ municipalityId: refs.municipality(key as keyof typeof d.populations2024), inhabitants })),
  });
  const { costEstimateKroner, municipalities, ...fields } = d.proposal;
  let proposal = await createProposal(db, actor, {
    cooperationId, ...fields, costEstimateOre: costEstimateKroner * 100, municipalityIds: municipalities.map((m) => refs.municipality(m)),
  });
  for (const step of PIPELINE_STEPS) {
    const m = d.meetings[step];
    const meeting = await createMeeting(db, actor, { bodyId: bodyIds[step], date: m.date, startTime: m.startTime, place: m.place });
    proposal = await sendProposal(db, actor, {
      id: proposal.id, revision: proposal.revision, step, meetingId: meeting.id,
      proposal: step === 'samarbeidsrad' ? d.conclusions.samarbeidsrad.text : '',
    });
    // A week before the meeting, 09:00 Oslo time, as the other demo notices.
    await sendNotice(db, actor, { meetingId: meeting.id, mailFrom: 'ROR-IKT (demo) <noreply@demo.samrad.no>', now: new Date(new Date(`${m.date}T07:00:00Z`).getTime() - 7 * 86_400_000) });
    const caseId = proposal.cases.find((c) => c.meetingId === meeting.id)!.caseId;
    const [{ revision }] = await db.select({ revision: cases.revision }).from(cases).where(eq(cases.id, caseId)) as [{ revision: number }];
    const conclusion = d.conclusions[step];
    await recordDecision(db, actor, { caseId, revision, decisionKind: conclusion.kind, decisionText: conclusion.text, treatment: null });
  }
  const councilCase = proposal.cases.find((c) => c.step === 'samarbeidsrad')!.caseId;
  const { totalKroner, ...terms } = d.decision;
  await decideProposal(db, actor, {
    id: proposal.id, revision: proposal.revision, caseId: councilCase, outcome: 'go', ...terms, totalOre: totalKroner * 100,
    municipalityIds: municipalities.map((m) => refs.municipality(m)),
  });
  await addCostEvent(db, actor, { id: proposal.id, kind: 'join', municipalityId: refs.municipality(d.join.municipality), date: d.join.date });
}

/** Ties the seeds' procurements to the council cases that report on them; after the meetings are loaded. */
export async function linkDemoProcurementCases(db: Db, actor: Actor, refs: TPortfolioDemoRefs, caseId: (number: string) => string): Promise<void> {
  const procurements = await listProcurements(db, { cooperationId: refs.cooperationId, now: WRITTEN });
  for (const [title, numbers] of Object.entries(demoProcurementCases)) {
    const procurement = procurements.find((p) => p.title === title);
    if (!procurement) throw new Error(`demo data: no procurement "${title}"`);
    for (const number of numbers) await linkProcurementCase(db, actor, { id: procurement.id, caseId: caseId(number), now: WRITTEN });
  }
}
