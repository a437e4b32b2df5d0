// Loads the demo's portfolio through the portfolio services: the project kinds, seed 000's building
// projects with their week-48 2023 status, and one investment project per investment line of the
// economy demo (the figures stay the economy's; the project only points at its line), the two
// procurements the seeds name at their stage on 1 December 2023, and one proposal for the innovation
// pipeline in the spirit of seed 003's 2024/M2-006. A few dozen
// rows, so the demo (which the e2e server loads on every start) stays fast.
import type { Db } from '../src/db/client.js';
import type { Actor } from '../src/server/context.js';
import { listLines } from '../src/modules/economy/lines.service.js';
import { createProject, createProjectKind } from '../src/modules/portfolio/projects.service.js';
import { setWeekStatus } from '../src/modules/portfolio/statuses.service.js';
import { awardProcurement, createProcurement } from '../src/modules/portfolio/procurements.service.js';
import { createProposal } from '../src/modules/portfolio/proposals.service.js';
import { demoProjectKinds, demoProposal, SEED_000_WEEK, seed000BuildingProjects, seedProcurements } from './data/portfolio.js';
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
