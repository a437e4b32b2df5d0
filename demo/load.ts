// Loads the demo cooperation ROR-IKT (demo/data, transcribed from the seeds) into an empty database,
// through the org and governance services, in one transaction: either the whole demo is there or
// nothing is. Creates the demo accounts (password "samrad-demo"): never run it against production data.
import type { Db } from '../src/db/client.js';
import type { FileStore } from '../src/lib/files/store.js';
import { readEnv } from '../src/server/env.js';
import { fileStoreFromEnv } from '../src/server/files.js';
import type { Actor } from '../src/server/context.js';
import { approveMinutes } from '../src/modules/governance/minutes.service.js';
import { meeting2023M6, meeting2024M2, meetings } from './data/index.js';
import { loadMeeting, type TLoadedCase } from './loader/governance.js';
import { loadOrganisation } from './loader/organisation.js';
import { loadActivityReport, loadLaterReports } from './loader/reports.js';
import { loadEconomyDemo } from './economy.js';
import { linkDemoProcurementCases, loadPipelineDemo, loadPortfolioDemo } from './portfolio.js';
import { demoVolume, loadServiceDeskDemo } from './servicedesk/load.js';
import { loadEquipmentDemo } from './equipment.js';
import type { TGenerateOptions } from './servicedesk/generate.js';
import { allowingRenderInTransaction } from '../src/db/transaction-scope.js';

/** The audit log shows the demo's rows as made by the demo loader, not by a person. */
export const demoActor: Actor = { userId: null, name: 'demo' };

/**
 * serviceDesk: the volume of service-desk history (default from SAMRAD_DEMO_SERVICEDESK, see demoVolume);
 * files: where the attachments and the approved minutes' PDFs go (default: the store the environment
 * configures, as the server would open it).
 */
export type TDemoOptions = { serviceDesk?: TGenerateOptions | null; files?: FileStore };

export async function loadDemo(db: Db, options: TDemoOptions = {}): Promise<void> {
  const files = options.files ?? fileStoreFromEnv(readEnv());
  const serviceDesk = options.serviceDesk === undefined ? demoVolume() : options.serviceDesk;
  // A transaction has the database's whole surface; the services open savepoints inside it. The demo
  // loads before the server takes requests, so its papers may be rendered inside it (nobody waits).
  await allowingRenderInTransaction(() => db.transaction(async (tx) => {
    const refs = await loadOrganisation(tx, demoActor);
    // The economy and the service desk first: the activity report per 1.12.2023 prints their figures and
    // is approved and attached to 2023/M6-003 before that meeting's notice goes out.
    await loadEconomyDemo(tx, demoActor, refs);
    await loadServiceDeskDemo(tx, refs, serviceDesk);
    await loadEquipmentDemo(tx, demoActor, refs);
    await loadPortfolioDemo(tx, demoActor, refs);
    const casesByNumber = new Map<string, TLoadedCase>();
    const meetingIds = new Map<(typeof meetings)[number], string>();
    for (const m of meetings) {
      const beforeNotice = m === meeting2023M6 ? (meetingId: string) => loadActivityReport(tx, demoActor, refs, meetingId, files) : undefined;
      for (const [number, c] of await loadMeeting(tx, demoActor, refs, m, files, beforeNotice)) {
        casesByNumber.set(number, c);
        meetingIds.set(m, c.meetingId);
      }
    }
    await loadLaterReports(tx, demoActor, refs, meetingIds.get(meeting2024M2)!, files);
    // After the council's 2024 meetings (its case is then in 2024 M4) and before the approvals, which
    // stay the load's last writes.
    await loadPipelineDemo(tx, demoActor, refs);
    await linkDemoProcurementCases(tx, demoActor, refs, (number) => {
      const loaded = casesByNumber.get(number);
      if (!loaded) throw new Error(`demo data: no case ${number} for a procurement`);
      return loaded.id;
    });
    for (const m of meetings) {
      if (!m.minutesApprovedBy) continue;
      const approving = casesByNumber.get(m.minutesApprovedBy);
      const approved = [...casesByNumber.values()].find((c) => c.number.startsWith(`${m.year}/M${m.number}-`));
      if (!approving || !approved) throw new Error(`demo data: cannot approve the minutes of ${m.year}/M${m.number}`);
      const approvingMeeting = meetings.find((x) => x.cases.some((c) => c.number === m.minutesApprovedBy))!;
      await approveMinutes(tx, demoActor, {
        meetingId: approved.meetingId, approvedByCaseId: approving.id, now: new Date(`${approvingMeeting.date}T10:00:00Z`), files,
      });
    }
  }));
}

export async function loadDemoIfEmpty(db: Db, options: TDemoOptions = {}): Promise<boolean> {
  const existing = await db.query.cooperations.findFirst();
  if (existing) return false;
  await loadDemo(db, options);
  return true;
}
