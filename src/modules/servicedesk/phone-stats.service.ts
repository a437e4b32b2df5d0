// Daily phone-queue statistics from a phone system's CSV export (calls offered, answered, mean wait,
// mean talk time per day). Preview reads and checks the file and writes nothing; commit writes it in
// one transaction, replacing the days the file covers, so importing the same export twice changes
// nothing. A file with any row or column error is refused whole.
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, notFound } from '../../server/errors.js';
import { cooperations } from '../org/schema.js';
import { resolveCooperationId } from '../org/service.js';
import { recordAudit } from '../audit/service.js';
import {
  locateColumns, MAX_ISSUES, parseCount, parseDurationSeconds, parseNorwegianDay, readTable, type TRowIssue, type TTable,
} from './import-mapping.js';
import { sdPhoneStats } from './schema.js';

const FIELDS = ['day', 'offered', 'answered', 'meanWait', 'meanTalk'] as const;
type TField = (typeof FIELDS)[number];
/** What phone systems (Puzzel, Telia Smart Connect, Teams queues) call the columns, lower-case. */
const NAMES: Record<TField, string[]> = {
  day: ['dato', 'dag', 'date'],
  offered: ['anrop', 'tilbudt', 'innkommende', 'antall anrop', 'offered', 'calls offered', 'calls'],
  answered: ['besvart', 'besvarte', 'besvarte anrop', 'answered', 'calls answered'],
  meanWait: ['snitt ventetid', 'gj.snitt ventetid', 'gjennomsnittlig ventetid', 'ventetid', 'avg wait', 'average wait time', 'mean wait'],
  meanTalk: ['snitt samtaletid', 'gj.snitt samtaletid', 'gjennomsnittlig samtaletid', 'samtaletid', 'avg talk', 'average talk time', 'mean talk'],
};

export type TPhoneDay = { day: string; offered: number; answered: number; meanWaitSeconds: number; meanTalkSeconds: number };
export type TPhoneParse = { days: TPhoneDay[]; issues: TRowIssue[] };

/** The table to days; pure. Row numbers are as the file shows them (the header is row 1). */
export function parsePhoneTable(table: TTable): TPhoneParse {
  const { index, issues } = locateColumns(table[0] ?? [], FIELDS, NAMES);
  for (const f of FIELDS) {
    if (index[f] === undefined) issues.push({ row: 1, column: f, message: `Kolonnen for ${f} mangler (f.eks. «${NAMES[f][0]}»)` });
  }
  if (issues.length) return { days: [], issues };
  const days: TPhoneDay[] = [];
  const seen = new Map<string, number>();
  const add = (issue: TRowIssue) => { if (issues.length < MAX_ISSUES) issues.push(issue); };
  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    if (cells.every((c) => !c.trim())) continue;
    const row = r + 1;
    const cell = (f: TField) => (cells[index[f]!] ?? '').trim();
    const before = issues.length;
    const day = parseNorwegianDay(cell('day'));
    if (!day) add({ row, column: 'day', message: `Rad ${row}: ugyldig dato «${cell('day')}» (bruk 13.12.2023)` });
    else if (seen.has(day)) add({ row, column: 'day', message: `Rad ${row}: datoen ${cell('day')} står også på rad ${seen.get(day)}` });
    const offered = parseCount(cell('offered'));
    const answered = parseCount(cell('answered'));
    if (offered === null) add({ row, column: 'offered', message: `Rad ${row}: ugyldig antall anrop «${cell('offered')}»` });
    if (answered === null) add({ row, column: 'answered', message: `Rad ${row}: ugyldig antall besvart «${cell('answered')}»` });
    else if (offered !== null && answered > offered) add({ row, column: 'answered', message: `Rad ${row}: flere besvart (${answered}) enn anrop (${offered})` });
    const wait = parseDurationSeconds(cell('meanWait'));
    const talk = parseDurationSeconds(cell('meanTalk'));
    if (wait === null) add({ row, column: 'meanWait', message: `Rad ${row}: ugyldig ventetid «${cell('meanWait')}» (sekunder eller m:ss)` });
    if (talk === null) add({ row, column: 'meanTalk', message: `Rad ${row}: ugyldig samtaletid «${cell('meanTalk')}» (sekunder eller m:ss)` });
    if (day) seen.set(day, row);
    if (issues.length === before) days.push({ day: day!, offered: offered!, answered: answered!, meanWaitSeconds: wait!, meanTalkSeconds: talk! });
  }
  if (!days.length && !issues.length) issues.push({ row: null, column: null, message: 'Filen har ingen rader' });
  return { days: days.sort((a, b) => a.day.localeCompare(b.day)), issues };
}

export type TPhoneFileOptions = { cooperationId: string; filename: string; bytes: Uint8Array };
export type TPhonePreview = {
  days: TPhoneDay[]; issues: TRowIssue[]; replacesDays: string[];
  totals: { offered: number; answered: number; answerRate: number | null };
};

async function readPhoneFile(options: TPhoneFileOptions): Promise<TPhoneParse> {
  const table = await readTable(options.filename, options.bytes);
  if (!table) return { days: [], issues: [{ row: null, column: null, message: 'Filen kan ikke leses som CSV eller XLSX' }] };
  return parsePhoneTable(table);
}

async function summarise(db: DbOrTx, cooperationId: string, parsed: TPhoneParse): Promise<TPhonePreview> {
  const existing = parsed.days.length
    ? await db.select({ day: sdPhoneStats.day }).from(sdPhoneStats)
      .where(and(eq(sdPhoneStats.cooperationId, cooperationId), inArray(sdPhoneStats.day, parsed.days.map((d) => d.day))))
    : [];
  const offered = parsed.days.reduce((s, d) => s + d.offered, 0);
  const answered = parsed.days.reduce((s, d) => s + d.answered, 0);
  return {
    days: parsed.days, issues: parsed.issues, replacesDays: existing.map((e) => e.day).sort(),
    totals: { offered, answered, answerRate: offered ? Math.round((answered * 1000) / offered) / 10 : null },
  };
}

export async function previewPhoneStats(db: DbOrTx, options: TPhoneFileOptions): Promise<TPhonePreview> {
  return summarise(db, options.cooperationId, await readPhoneFile(options));
}

/** Writes the file's days (replacing those already there); refuses a file with any issue, writing nothing. */
export async function importPhoneStats(db: Db, actor: Actor, options: TPhoneFileOptions & { now?: Date }): Promise<TPhonePreview> {
  const parsed = await readPhoneFile(options);
  if (parsed.issues.length) {
    throw badRequest('Filen har feil; ingenting er lagret', parsed.issues.map((i) => ({ path: i.column ?? 'file', message: i.message })));
  }
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const preview = await summarise(tx, options.cooperationId, parsed);
    for (const d of parsed.days) {
      const values = { offered: d.offered, answered: d.answered, meanWaitSeconds: d.meanWaitSeconds, meanTalkSeconds: d.meanTalkSeconds, importedAt: now };
      await tx.insert(sdPhoneStats).values({ cooperationId: options.cooperationId, day: d.day, ...values })
        .onConflictDoUpdate({ target: [sdPhoneStats.cooperationId, sdPhoneStats.day], set: values });
    }
    await recordAudit(tx, actor, {
      action: 'import', entity: 'sd_phone_stats', entityId: options.cooperationId,
      after: { filename: options.filename, first: parsed.days[0]!.day, last: parsed.days.at(-1)!.day, days: parsed.days.length, replacedDays: preview.replacesDays.length, ...preview.totals },
    });
    return preview;
  });
}

export async function listPhoneStats(db: DbOrTx, options: { cooperationId: string; from: string; to: string }) {
  return db.select({
    day: sdPhoneStats.day, offered: sdPhoneStats.offered, answered: sdPhoneStats.answered,
    meanWaitSeconds: sdPhoneStats.meanWaitSeconds, meanTalkSeconds: sdPhoneStats.meanTalkSeconds,
  }).from(sdPhoneStats)
    .where(and(eq(sdPhoneStats.cooperationId, options.cooperationId), gte(sdPhoneStats.day, options.from), lte(sdPhoneStats.day, options.to)))
    .orderBy(asc(sdPhoneStats.day));
}

/** The cooperation an import or listing is for: the one named, or the install's (org decides). */
export const resolveCooperation = resolveCooperationId;
