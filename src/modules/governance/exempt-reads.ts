// Reads of exempt content (unntatt offentlighet) go to the audit log: the full case as staff and the
// council read it, and the unredacted papers (notice, minutes, saksframlegg) when they hold an exempt
// case. Reads of public content are not logged: only what the law lets few people see is worth the row.
// Each record is one insert; for papers the insert itself looks for the exempt cases, so a read of a
// meeting without any costs one statement that writes nothing.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { actorOf, type SessionUser } from '../../server/context.js';
import { recordAudit, recordAuditIf } from '../audit/service.js';
import { cases } from './schema.js';
import { canReadAll } from './policy.js';

export type TExemptPaper = 'notice.pdf' | 'notice-bundle.pdf' | 'minutes.pdf' | 'presentation.pdf';

/** After GET /api/cases/{id} answered a reader with the full view of an exempt case. */
export async function recordExemptCaseRead(db: DbOrTx, viewer: SessionUser, view: { id: string; number: string; access: string }): Promise<void> {
  if (!canReadAll(viewer) || view.access !== 'unntatt') return;
  await recordAudit(db, actorOf(viewer), { action: 'read_exempt', entity: 'case', entityId: view.id, after: { read: 'case', number: view.number } });
}

export type TRecordExemptPaperReadOptions = { viewer: SessionUser | null; paper: TExemptPaper } & ({ meetingId: string } | { caseId: string });

/** After an unredacted paper was sent: recorded when the paper holds an exempt case. */
export async function recordExemptPaperRead(db: DbOrTx, options: TRecordExemptPaperReadOptions): Promise<void> {
  const viewer = options.viewer;
  if (!viewer || !canReadAll(viewer)) return;
  const inPaper = 'meetingId' in options ? sql`${cases.meetingId} = ${options.meetingId}` : sql`${cases.id} = ${options.caseId}`;
  const exemptCases = sql`(select jsonb_build_object('read', ${options.paper}::text, 'exemptCases', jsonb_agg(${cases.number} order by ${cases.position}))
    from ${cases} where ${inPaper} and ${cases.access} = 'unntatt' having count(*) > 0)`;
  await recordAuditIf(db, actorOf(viewer), {
    action: 'read_exempt',
    entity: 'meetingId' in options ? 'meeting' : 'case',
    entityId: 'meetingId' in options ? options.meetingId : options.caseId,
  }, exemptCases);
}
