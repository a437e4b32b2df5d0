// Every environment variable samrad reads, checked once at start so a wrong value stops the server
// with a clear message instead of failing later in a request.
import { z } from 'zod';

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  SAMRAD_DATA_DIR: z.string().min(1).default('./data'),
  /** 'auto': the demo goes into an empty embedded database only; 'on' also into a DATABASE_URL database (src/server/install.ts). */
  SAMRAD_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  /** How much service-desk history the demo generates (read by demo/servicedesk/load.ts). */
  SAMRAD_DEMO_SERVICEDESK: z.enum(['small', 'full', 'off']).default('full'),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().default('samrad <noreply@samrad.local>'),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  /** Data rows one import file (tickets, phone statistics, ledger) may have; a bigger file is refused (413). */
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(200_000),
  /** Per kind of file, each also bounded by MAX_UPLOAD_BYTES (src/modules/uploads). */
  MAX_TICKET_ATTACHMENT_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  MAX_MEETING_ATTACHMENT_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  MAX_IMPORT_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  /** Per user: bytes of attachments a day and attachments a minute; past either the answer is 429. */
  UPLOAD_QUOTA_BYTES_PER_DAY: z.coerce.number().int().positive().default(200 * 1024 * 1024),
  UPLOAD_RATE_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** Where file bytes live: 'disk' under SAMRAD_DATA_DIR/files, or 's3' (the S3_* variables). */
  SAMRAD_FILES: z.enum(['disk', 's3']).default('disk'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /**
   * Admission control (src/server/admission.ts, decision 0019): requests doing their work at once (0: no
   * gate; default 4 on the embedded database, 16 on a server), how many may wait, and how long.
   */
  MAX_ACTIVE_REQUESTS: z.coerce.number().int().min(0).max(1000).optional(),
  MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(500),
  MAX_QUEUE_WAIT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /**
   * PDF rendering (src/documents/render-pool.ts, decision 0014): worker threads (default: 2, or 1 on a
   * machine of 2 cores or fewer) and how many PDFs may wait for one before the answer is 503.
   */
  SAMRAD_RENDER_WORKERS: z.coerce.number().int().min(1).max(16).optional(),
  SAMRAD_RENDER_QUEUE: z.coerce.number().int().min(0).max(10_000).default(32),
  /** Reverse proxies in front of samrad whose X-Forwarded-For entries are believed (0: none). */
  TRUST_PROXY: z.string().regex(/^(10|[0-9])$/, 'must be a whole number of proxies from 0 to 10').default('0').transform(Number),
  /** For end-to-end tests only: 'on' lets a request set the service desk's clock with the x-samrad-now header. */
  SAMRAD_TEST_CLOCK: z.enum(['on', 'off']).default('off'),
});

export type TEnv = z.infer<typeof ZEnv>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    // One line, so a process supervisor's log shows the whole reason where it shows the exit.
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`samrad cannot start: the environment is wrong: ${issues.join('; ')}`);
  }
  const env = parsed.data;
  if (env.OIDC_ISSUER && !(env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET)) {
    throw new Error('samrad cannot start: OIDC_ISSUER is set but OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is missing');
  }
  if (env.SAMRAD_FILES === 's3' && !env.S3_BUCKET) {
    throw new Error('samrad cannot start: SAMRAD_FILES=s3 needs S3_BUCKET (and S3_ENDPOINT for a bucket outside AWS)');
  }
  if (env.SAMRAD_FILES === 's3' && Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    throw new Error('samrad cannot start: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the AWS default credentials)');
  }
  return env;
}
