// The background jobs this server runs. Each module's periodic work is listed here with its own lock key.
import { deliverOutbox } from '../modules/mail/service.js';
import { approvalReminderJob, userReminderJob } from '../modules/equipment/replacement-reminders.service.js';
import { serviceDeskJobs } from '../modules/servicedesk/jobs.js';
import type { TEnv } from './env.js';
import { sweepIdempotencyKeys } from './idempotency/middleware.js';
import type { TJob } from './jobs.js';
import { ADVISORY_LOCKS } from '../lib/sql.js';

export function backgroundJobs(env: TEnv): TJob[] {
  const jobs: TJob[] = [];
  if (env.SMTP_URL) {
    jobs.push({
      name: 'mail-delivery', lockKey: ADVISORY_LOCKS.mailDelivery, everyMs: 30_000,
      run: (tx) => deliverOutbox(tx, { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }),
    });
  }
  jobs.push(...serviceDeskJobs(env.PUBLIC_URL));
  jobs.push({ ...approvalReminderJob(env.PUBLIC_URL), lockKey: ADVISORY_LOCKS.equipmentApprovalReminders });
  jobs.push({ ...userReminderJob(env.PUBLIC_URL), lockKey: ADVISORY_LOCKS.equipmentUserReminders });
  jobs.push({ name: 'idempotency-sweep', lockKey: ADVISORY_LOCKS.idempotencySweep, everyMs: 60 * 60_000, run: (tx, now) => sweepIdempotencyKeys(tx, now) });
  return jobs;
}
