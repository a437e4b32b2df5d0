// Writes the generated service-desk history (generate.ts) inside the demo loader's transaction: tickets
// with their SLA cache computed from their events, the events, the surveys and the daily phone
// statistics. Rows go in as one JSON document per batch (jsonb_to_recordset), which is several times
// faster than bound parameters per value, on PGlite above all. Timings in demo/README.md.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/db/client.js';
import { slaCacheColumns } from '../../src/modules/servicedesk/imports/import.service.js';
import { syncKpiSummaries } from '../../src/modules/servicedesk/kpi/kpi-summary.js';
import { compilePolicy, DEMO_POLICY } from '../../src/modules/servicedesk/desk-rules.js';
import { savePolicy } from '../../src/modules/servicedesk/desk-rules.service.js';
import { systemActor } from '../../src/server/context.js';
import { sdPhoneStats, sdSurveys } from '../../src/modules/servicedesk/schema.js';
import type { TDemoMunicipalityKey } from './data.js';
import { generateServiceDesk, type TGenerateOptions } from './generate.js';
import { linkPortalRequesters } from './portal-user.js';

export type TServiceDeskDemoRefs = { cooperationId: string; municipality: (key: TDemoMunicipalityKey) => string };

/**
 * How much history the demo gets. `full` (the default) is the volume the seeds describe: ~13 000 tickets
 * a year for 2021–2024, ~52 000 tickets (~22 s to load on PGlite on an idle machine). `small` keeps the
 * three years the yearly charts need at a quarter of the volume, for tests and slow machines.
 * SAMRAD_DEMO_SERVICEDESK chooses: full | small | off.
 */
export function demoVolume(env = process.env.SAMRAD_DEMO_SERVICEDESK): TGenerateOptions | null {
  if (env === 'off') return null;
  if (env === 'small') return { years: [2022, 2023, 2024], perYear: 3_250 };
  return { years: [2021, 2022, 2023, 2024], perYear: 13_000 };
}

const BATCH = 5000;
const TICKET_COLUMNS = sql.raw(`id uuid, cooperation_id uuid, municipality_id uuid, requester_name text, type sd_ticket_type, category text,
  channel sd_channel, priority sd_priority, status sd_status, title text, description text, created_at timestamptz, updated_at timestamptz,
  solved_at timestamptz, closed_at timestamptz, sla_resolution_due_at timestamptz, sla_warn_at timestamptz, sla_resolution_breached_at timestamptz,
  sla_resolution_met boolean, sla_resolution_elapsed_ms bigint, sla_first_response_due_at timestamptz, sla_first_response_met boolean,
  sla_computed_at timestamptz`);
const TICKET_NAMES = sql.raw(`id, cooperation_id, municipality_id, requester_name, type, category, channel, priority, status, title, description,
  created_at, updated_at, solved_at, closed_at, sla_resolution_due_at, sla_warn_at, sla_resolution_breached_at, sla_resolution_met,
  sla_resolution_elapsed_ms, sla_first_response_due_at, sla_first_response_met, sla_computed_at`);

export async function loadServiceDeskDemo(db: DbOrTx, refs: TServiceDeskDemoRefs, options: TGenerateOptions | null = demoVolume()) {
  // ROR-IKT's own rules, stored as any cooperation's are (a new one runs on the neutral default).
  await savePolicy(db, systemActor, { cooperationId: refs.cooperationId, document: DEMO_POLICY });
  if (!options) return { tickets: 0, events: 0, surveys: 0, phoneDays: 0 };
  const { tickets, phone, horizon } = generateServiceDesk(options);
  const policy = compilePolicy(DEMO_POLICY);
  const muni = new Map<TDemoMunicipalityKey, string>();
  const idOf = (k: TDemoMunicipalityKey) => muni.get(k) ?? (muni.set(k, refs.municipality(k)), muni.get(k)!);
  // Inserted in creation order, so the running ticket numbers follow the dates.
  for (let i = 0; i < tickets.length; i += BATCH) {
    const rows = tickets.slice(i, i + BATCH).map((t) => {
      const s = slaCacheColumns(t.events, policy, horizon);
      return {
        id: t.id, cooperation_id: refs.cooperationId, municipality_id: idOf(t.municipality), requester_name: t.requesterName,
        type: t.type, category: t.category, channel: t.channel, priority: t.priority, status: t.status, title: t.title, description: t.description,
        created_at: t.createdAt, updated_at: t.events[t.events.length - 1]!.at, solved_at: t.solvedAt, closed_at: t.closedAt,
        sla_resolution_due_at: s.slaResolutionDueAt, sla_warn_at: s.slaWarnAt, sla_resolution_breached_at: s.slaResolutionBreachedAt,
        sla_resolution_met: s.slaResolutionMet, sla_resolution_elapsed_ms: s.slaResolutionElapsedMs, sla_first_response_due_at: s.slaFirstResponseDueAt,
        sla_first_response_met: s.slaFirstResponseMet, sla_computed_at: s.slaComputedAt,
      };
    });
    await db.execute(sql`insert into sd_tickets (${TICKET_NAMES})
      select ${TICKET_NAMES} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${TICKET_COLUMNS}) order by created_at`);
  }
  // The KPI pack's summaries and monthly counts, as refreshSla keeps them for tickets made one by one.
  await syncKpiSummaries(db, { cooperationId: refs.cooperationId });
  let events = 0;
  for (let i = 0; i < tickets.length; i += BATCH / 5) {
    // seq keeps a ticket's events in the generator's order when two share a time (a case created and
    // taken in the same second): the history is read in id order and must begin with 'created'.
    const rows = tickets.slice(i, i + BATCH / 5).flatMap((t) => t.events.map((e, seq) => ({
      ticket_id: t.id, at: e.at, seq, actor_name: e.actorName, by_desk: e.byDesk, kind: e.kind, internal: e.internal, data: e.data,
    })));
    events += rows.length;
    await db.execute(sql`insert into sd_ticket_events (ticket_id, at, actor_name, by_desk, kind, internal, data)
      select ticket_id, at, actor_name, by_desk, kind, internal, data from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(ticket_id uuid, at timestamptz, seq int, actor_name text, by_desk boolean, kind text, internal boolean, data jsonb) order by at, seq`);
  }
  const surveys = tickets.filter((t) => t.survey).map((t) => ({ ticketId: t.id, userId: null, score: t.survey!.score, comment: t.survey!.comment, answeredAt: t.survey!.at }));
  for (let i = 0; i < surveys.length; i += 2000) await db.insert(sdSurveys).values(surveys.slice(i, i + 2000));
  // The demo portal user's own cases (requester_user_id), so "Mine saker" shows them.
  await linkPortalRequesters(db, tickets);
  for (let i = 0; i < phone.length; i += 2000) {
    await db.insert(sdPhoneStats).values(phone.slice(i, i + 2000).map(({ municipality, ...p }) => ({
      cooperationId: refs.cooperationId, municipalityId: idOf(municipality), ...p, importedAt: horizon,
    })));
  }
  // The rows arrived in bulk; fresh planner statistics keep the KPI queries on good plans.
  await db.execute(sql`analyze sd_tickets`);
  await db.execute(sql`analyze sd_ticket_summaries`);
  return { tickets: tickets.length, events, surveys: surveys.length, phoneDays: phone.length };
}
