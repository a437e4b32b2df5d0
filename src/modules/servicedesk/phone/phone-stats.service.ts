// Daily phone-queue statistics from a phone system's CSV export (calls offered, answered, mean wait,
// mean talk time per day). Preview reads and checks the file and writes nothing; commit writes it in
// one transaction, replacing the days the file covers, so importing the same export twice changes
// nothing. A file with any row or column error is refused whole, in preview and commit alike: both read
// it through parsePhoneTable and refuse with the same capped issue list (src/lib/table-file).
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../server/context.js';
import { resolveCooperationId } from '../../org/cooperations.service.js';
import { recordAudit } from '../../audit/service.js';
import {
  MAX_INTEGER_COLUMN, readTableFile, refuseFile, RowIssues, type TRowIssueSummary, type TTable, type TTableFileLimits,
} from '../../../lib/table-file/index.js';
import { locateColumns, parseCount, parseDurationSeconds, parseNorwegianDay } from '../imports/import-mapping.js';
import { sdPhoneStats } from '../schema.js';
import { percent } from '../kpi/kpi.js';

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
export type TPhoneParse = { days: TPhoneDay[] } & TRowIssueSummary;

/** The table to days; pure. Row numbers are as the file shows them (the header is row 1). */
export function parsePhoneTable(table: TTable): TPhoneParse {
  const located = locateColumns(table[0] ?? [], FIELDS, NAMES);
  const { index } = located;
  const issues = new RowIssues();
  for (const i of located.issues) issues.add(i);
  for (const f of FIELDS) {
    if (index[f] === undefined) issues.add({ row: 1, column: f, message: `Kolonnen for ${f} mangler (f.eks. «${NAMES[f][0]}»)` });
  }
  if (issues.count) return { days: [], ...issues.summary() };
  const days: TPhoneDay[] = [];
  const seen = new Map<string, number>();
  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    if (cells.every((c) => !c.trim())) continue;
    const row = r + 1;
    const cell = (f: TField) => (cells[index[f]!] ?? '').trim();
    // Counted per row, not read off the capped list: a row past the cap is as invalid as the first.
    let bad = 0;
    const add = (column: TField, message: string) => { bad += 1; issues.add({ row, column, message: `Rad ${row}: ${message}` }); };
    const whole = (column: TField, value: number | null, what: string) => {
      if (value !== null && value > MAX_INTEGER_COLUMN) { add(column, `${what} ${cell(column)} er for stort`); return null; }
      return value;
    };
    const day = parseNorwegianDay(cell('day'));
    if (!day) add('day', `ugyldig dato «${cell('day')}» (bruk 13.12.2023)`);
    else if (seen.has(day)) add('day', `datoen ${cell('day')} står også på rad ${seen.get(day)}`);
    const offered = whole('offered', parseCount(cell('offered')), 'antall anrop');
    const answered = whole('answered', parseCount(cell('answered')), 'antall besvart');
    if (parseCount(cell('offered')) === null) add('offered', `ugyldig antall anrop «${cell('offered')}»`);
    if (parseCount(cell('answered')) === null) add('answered', `ugyldig antall besvart «${cell('answered')}»`);
    else if (offered !== null && answered !== null && answered > offered) add('answered', `flere besvart (${answered}) enn anrop (${offered})`);
    const wait = whole('meanWait', parseDurationSeconds(cell('meanWait')), 'ventetiden');
    const talk = whole('meanTalk', parseDurationSeconds(cell('meanTalk')), 'samtaletiden');
    if (parseDurationSeconds(cell('meanWait')) === null) add('meanWait', `ugyldig ventetid «${cell('meanWait')}» (sekunder eller m:ss)`);
    if (parseDurationSeconds(cell('meanTalk')) === null) add('meanTalk', `ugyldig samtaletid «${cell('meanTalk')}» (sekunder eller m:ss)`);
    if (day) seen.set(day, row);
    if (!bad) days.push({ day: day!, offered: offered!, answered: answered!, meanWaitSeconds: wait!, meanTalkSeconds: talk! });
  }
  if (!days.length && !issues.count) issues.add({ row: null, column: null, message: 'Filen har ingen rader' });
  return { days: days.sort((a, b) => a.day.localeCompare(b.day)), ...issues.summary() };
}

export type TPhoneFileOptions = { cooperationId: string; filename: string; bytes: Uint8Array; limits?: Partial<TTableFileLimits> };
type TRated<T> = T & { answerRate: number | null };
export type TPhoneTotals = TRated<{ offered: number; answered: number }>;
export type TPhonePreview = { days: TRated<TPhoneDay>[]; replacesDays: string[]; totals: TPhoneTotals };

/**
 * The answer rate (answered of offered, per cent with one decimal, none without calls) of each day and
 * of the days together: the KPI pack's rule (kpi.ts `percent`), computed here so no page computes it.
 */
function rated<T extends { offered: number; answered: number }>(counts: T): TRated<T> {
  return { ...counts, answerRate: percent(counts.answered, counts.offered) };
}

function totalsOf(days: readonly { offered: number; answered: number }[]): TPhoneTotals {
  return rated({ offered: days.reduce((s, d) => s + d.offered, 0), answered: days.reduce((s, d) => s + d.answered, 0) });
}

/** The file's days; a file with any issue is refused (400) with the capped list, whatever the caller. */
async function readPhoneFile(options: TPhoneFileOptions): Promise<TPhoneDay[]> {
  const parsed = parsePhoneTable(await readTableFile(options));
  if (parsed.issueCount) throw refuseFile(parsed);
  return parsed.days;
}

async function summarise(db: DbOrTx, cooperationId: string, days: TPhoneDay[]): Promise<TPhonePreview> {
  const existing = days.length
    ? await db.select({ day: sdPhoneStats.day }).from(sdPhoneStats)
      .where(and(eq(sdPhoneStats.cooperationId, cooperationId), inArray(sdPhoneStats.day, days.map((d) => d.day))))
    : [];
  return { days: days.map(rated), replacesDays: existing.map((e) => e.day).sort(), totals: totalsOf(days) };
}

export async function previewPhoneStats(db: DbOrTx, options: TPhoneFileOptions): Promise<TPhonePreview> {
  return summarise(db, options.cooperationId, await readPhoneFile(options));
}

/** Writes the file's days (replacing those already there); refuses a file with any issue, writing nothing. */
export async function importPhoneStats(db: Db, actor: Actor, options: TPhoneFileOptions & { now?: Date }): Promise<TPhonePreview> {
  const days = await readPhoneFile(options);
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const preview = await summarise(tx, options.cooperationId, days);
    for (const d of days) {
      const values = { offered: d.offered, answered: d.answered, meanWaitSeconds: d.meanWaitSeconds, meanTalkSeconds: d.meanTalkSeconds, importedAt: now };
      await tx.insert(sdPhoneStats).values({ cooperationId: options.cooperationId, day: d.day, ...values })
        .onConflictDoUpdate({ target: [sdPhoneStats.cooperationId, sdPhoneStats.day], set: values });
    }
    await recordAudit(tx, actor, {
      action: 'import', entity: 'sd_phone_stats', entityId: options.cooperationId,
      after: { filename: options.filename, first: days[0]!.day, last: days.at(-1)!.day, days: days.length, replacedDays: preview.replacesDays.length, ...preview.totals },
    });
    return preview;
  });
}

/** The stored days from..to with their answer rates, and the totals of the period. */
export async function listPhoneStats(db: DbOrTx, options: { cooperationId: string; from: string; to: string }) {
  const days = await db.select({
    day: sdPhoneStats.day, offered: sdPhoneStats.offered, answered: sdPhoneStats.answered,
    meanWaitSeconds: sdPhoneStats.meanWaitSeconds, meanTalkSeconds: sdPhoneStats.meanTalkSeconds,
  }).from(sdPhoneStats)
    .where(and(eq(sdPhoneStats.cooperationId, options.cooperationId), gte(sdPhoneStats.day, options.from), lte(sdPhoneStats.day, options.to)))
    .orderBy(asc(sdPhoneStats.day));
  return { days: days.map(rated), totals: totalsOf(days) };
}

/** The cooperation an import or listing is for: the one named, or the install's (org decides). */
export const resolveCooperation = resolveCooperationId;
