// Daily phone-queue statistics from a phone system's CSV export (calls offered, answered, mean wait,
// mean talk time per day; per municipality when the export has a municipality column). Preview reads
// and checks the file and writes nothing; commit writes it in one transaction, replacing the days the
// file covers, so importing the same export twice changes nothing. A file with any row or column error is refused whole, in preview and commit alike: both read
// it through parsePhoneTable and refuse with the same capped issue list (src/lib/table-file).
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../server/context.js';
import { notFound } from '../../../server/errors.js';
import { resolveCooperationId } from '../../org/cooperations.service.js';
import { listMunicipalitiesEverMembers } from '../../org/memberships.service.js';
import { municipalityNames } from '../../org/municipalities.service.js';
import { sqlRows } from '../../../lib/sql.js';
import { recordAudit } from '../../audit/service.js';
import {
  MAX_INTEGER_COLUMN, readTableFile, refuseFile, RowIssues, type TRowIssueSummary, type TTable, type TTableFileLimits,
} from '../../../lib/table-file/index.js';
import { locateColumns, parseCount, parseDurationSeconds, parseNorwegianDay } from '../imports/import-mapping.js';
import { sdPhoneStats } from '../schema.js';
import { nextMonth, percent } from '../kpi/kpi.js';

const FIELDS = ['day', 'offered', 'answered', 'meanWait', 'meanTalk'] as const;
/** The export's optional column: the municipality a row's calls were for (a queue or number per municipality). */
const COLUMNS = [...FIELDS, 'municipality'] as const;
type TField = (typeof COLUMNS)[number];
/** What phone systems (Puzzel, Telia Smart Connect, Teams queues) call the columns, lower-case. */
const NAMES: Record<TField, string[]> = {
  day: ['dato', 'dag', 'date'],
  offered: ['anrop', 'tilbudt', 'innkommende', 'antall anrop', 'offered', 'calls offered', 'calls'],
  answered: ['besvart', 'besvarte', 'besvarte anrop', 'answered', 'calls answered'],
  meanWait: ['snitt ventetid', 'gj.snitt ventetid', 'gjennomsnittlig ventetid', 'ventetid', 'avg wait', 'average wait time', 'mean wait'],
  meanTalk: ['snitt samtaletid', 'gj.snitt samtaletid', 'gjennomsnittlig samtaletid', 'samtaletid', 'avg talk', 'average talk time', 'mean talk'],
  municipality: ['kommune', 'kommunenavn', 'kommunenummer', 'municipality', 'organisasjon', 'organization'],
};

/** One row of the export: a day of the whole queue, or, with a municipality column, of one municipality. */
export type TPhoneDay = {
  day: string; offered: number; answered: number; meanWaitSeconds: number; meanTalkSeconds: number;
  /** Only when the export names municipalities. */
  municipalityId?: string; municipality?: string;
};
export type TPhoneParse = { days: TPhoneDay[] } & TRowIssueSummary;
export type TPhoneMunicipality = { id: string; name: string; number: string | null };
export type TPhoneParseOptions = {
  /** Who a municipality cell may name (the cooperation's members, ever): by name, «X kommune» or number. */
  municipalities?: readonly TPhoneMunicipality[];
  /** The header of the municipality column when the export calls it something else («Kø», «Kunde»). */
  municipalityColumn?: string;
};

/** The table to days; pure. Row numbers are as the file shows them (the header is row 1). */
export function parsePhoneTable(table: TTable, options: TPhoneParseOptions = {}): TPhoneParse {
  const mapping = options.municipalityColumn ? { municipality: options.municipalityColumn } : {};
  const located = locateColumns(table[0] ?? [], COLUMNS, NAMES, mapping);
  const { index } = located;
  const issues = new RowIssues();
  for (const i of located.issues) issues.add(i);
  for (const f of FIELDS) {
    if (index[f] === undefined) issues.add({ row: 1, column: f, message: `Kolonnen for ${f} mangler (f.eks. «${NAMES[f][0]}»)` });
  }
  if (issues.count) return { days: [], ...issues.summary() };
  const byMunicipality = index.municipality !== undefined;
  const members = options.municipalities ?? [];
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
    // A file that names municipalities names one on every row: a row without one would be counted for
    // nobody, and a «Totalt» row would count the calls twice.
    let municipality: TPhoneMunicipality | undefined;
    if (byMunicipality) {
      const named = cell('municipality').toLowerCase();
      municipality = members.find((m) => m.name.toLowerCase() === named || m.number === named || `${m.name.toLowerCase()} kommune` === named);
      if (!named) add('municipality', 'mangler kommune');
      else if (!municipality) add('municipality', `ukjent kommune «${cell('municipality')}»`);
    }
    const day = parseNorwegianDay(cell('day'));
    const key = `${day}|${municipality?.id ?? ''}`;
    if (!day) add('day', `ugyldig dato «${cell('day')}» (bruk 13.12.2023)`);
    else if (seen.has(key)) {
      add('day', municipality ? `datoen ${cell('day')} for ${municipality.name} står også på rad ${seen.get(key)}` : `datoen ${cell('day')} står også på rad ${seen.get(key)}`);
    }
    const offered = whole('offered', parseCount(cell('offered')), 'antall anrop');
    const answered = whole('answered', parseCount(cell('answered')), 'antall besvart');
    if (parseCount(cell('offered')) === null) add('offered', `ugyldig antall anrop «${cell('offered')}»`);
    if (parseCount(cell('answered')) === null) add('answered', `ugyldig antall besvart «${cell('answered')}»`);
    else if (offered !== null && answered !== null && answered > offered) add('answered', `flere besvart (${answered}) enn anrop (${offered})`);
    const wait = whole('meanWait', parseDurationSeconds(cell('meanWait')), 'ventetiden');
    const talk = whole('meanTalk', parseDurationSeconds(cell('meanTalk')), 'samtaletiden');
    if (parseDurationSeconds(cell('meanWait')) === null) add('meanWait', `ugyldig ventetid «${cell('meanWait')}» (sekunder eller m:ss)`);
    if (parseDurationSeconds(cell('meanTalk')) === null) add('meanTalk', `ugyldig samtaletid «${cell('meanTalk')}» (sekunder eller m:ss)`);
    if (day && (!byMunicipality || municipality)) seen.set(key, row);
    if (bad) continue;
    days.push({
      day: day!, offered: offered!, answered: answered!, meanWaitSeconds: wait!, meanTalkSeconds: talk!,
      ...(municipality ? { municipalityId: municipality.id, municipality: municipality.name } : {}),
    });
  }
  if (!days.length && !issues.count) issues.add({ row: null, column: null, message: 'Filen har ingen rader' });
  return { days: days.sort((a, b) => a.day.localeCompare(b.day) || (a.municipality ?? '').localeCompare(b.municipality ?? '', 'nb')), ...issues.summary() };
}

export type TPhoneFileOptions = {
  cooperationId: string; filename: string; bytes: Uint8Array; limits?: Partial<TTableFileLimits>;
  /** The header of the municipality column, when the export does not call it «Kommune». */
  municipalityColumn?: string;
};
type TRated<T> = T & { answerRate: number | null };
export type TPhoneTotals = TRated<{ offered: number; answered: number }>;
/** A row as the API answers it: the municipality null for a row of the whole queue. */
export type TPhoneRow = TRated<Omit<TPhoneDay, 'municipalityId' | 'municipality'> & { municipalityId: string | null; municipality: string | null }>;
/** The calls of one municipality in the rows, or (municipalityId null) those the export did not attribute. */
export type TPhoneMunicipalityTotals = TPhoneTotals & { municipalityId: string | null; municipality: string | null };
export type TPhonePreview = { days: TPhoneRow[]; replacesDays: string[]; totals: TPhoneTotals; byMunicipality: TPhoneMunicipalityTotals[] };

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

/**
 * The rows' calls per municipality (by name), the unattributed ones last; empty when no row names a
 * municipality, since the totals then say it all.
 */
function byMunicipalityOf(rows: readonly { municipalityId?: string | null; municipality?: string | null; offered: number; answered: number }[]): TPhoneMunicipalityTotals[] {
  if (!rows.some((r) => r.municipalityId)) return [];
  const groups = new Map<string | null, { municipality: string | null; rows: { offered: number; answered: number }[] }>();
  for (const r of rows) {
    const id = r.municipalityId ?? null;
    const group = groups.get(id) ?? { municipality: r.municipality ?? null, rows: [] };
    group.rows.push(r);
    groups.set(id, group);
  }
  return [...groups].map(([municipalityId, g]) => ({ municipalityId, municipality: g.municipality, ...totalsOf(g.rows) }))
    .sort((a, b) => (a.municipality === null ? 1 : b.municipality === null ? -1 : a.municipality.localeCompare(b.municipality, 'nb')));
}

const rowOf = (d: TPhoneDay): TPhoneRow => rated({
  day: d.day, offered: d.offered, answered: d.answered, meanWaitSeconds: d.meanWaitSeconds, meanTalkSeconds: d.meanTalkSeconds,
  municipalityId: d.municipalityId ?? null, municipality: d.municipality ?? null,
});

/** The file's rows; a file with any issue is refused (400) with the capped list, whatever the caller. */
async function readPhoneFile(db: DbOrTx, options: TPhoneFileOptions): Promise<TPhoneDay[]> {
  const municipalities = await listMunicipalitiesEverMembers(db, options.cooperationId);
  const parsed = parsePhoneTable(await readTableFile(options), { municipalities, municipalityColumn: options.municipalityColumn });
  if (parsed.issueCount) throw refuseFile(parsed);
  return parsed.days;
}

const fileDays = (days: readonly TPhoneDay[]) => [...new Set(days.map((d) => d.day))];

async function summarise(db: DbOrTx, cooperationId: string, days: TPhoneDay[]): Promise<TPhonePreview> {
  const existing = days.length
    ? await db.selectDistinct({ day: sdPhoneStats.day }).from(sdPhoneStats)
      .where(and(eq(sdPhoneStats.cooperationId, cooperationId), inArray(sdPhoneStats.day, fileDays(days))))
    : [];
  return { days: days.map(rowOf), replacesDays: existing.map((e) => e.day).sort(), totals: totalsOf(days), byMunicipality: byMunicipalityOf(days) };
}

export async function previewPhoneStats(db: DbOrTx, options: TPhoneFileOptions): Promise<TPhonePreview> {
  return summarise(db, options.cooperationId, await readPhoneFile(db, options));
}

/**
 * Writes the file's rows, replacing every row of the days it covers (whether those were per
 * municipality or for the whole queue); refuses a file with any issue, writing nothing. A row the file
 * has again is updated in place, so importing the same file twice changes nothing.
 */
export async function importPhoneStats(db: Db, actor: Actor, options: TPhoneFileOptions & { now?: Date }): Promise<TPhonePreview> {
  const days = await readPhoneFile(db, options);
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const preview = await summarise(tx, options.cooperationId, days);
    const wanted = new Set(days.map((d) => `${d.day}|${d.municipalityId ?? ''}`));
    const stored = await tx.select({ id: sdPhoneStats.id, day: sdPhoneStats.day, municipalityId: sdPhoneStats.municipalityId }).from(sdPhoneStats)
      .where(and(eq(sdPhoneStats.cooperationId, options.cooperationId), inArray(sdPhoneStats.day, fileDays(days))));
    const gone = stored.filter((r) => !wanted.has(`${r.day}|${r.municipalityId ?? ''}`)).map((r) => r.id);
    if (gone.length) await tx.delete(sdPhoneStats).where(inArray(sdPhoneStats.id, gone));
    for (const d of days) {
      const values = { offered: d.offered, answered: d.answered, meanWaitSeconds: d.meanWaitSeconds, meanTalkSeconds: d.meanTalkSeconds, importedAt: now };
      const insert = tx.insert(sdPhoneStats).values({ cooperationId: options.cooperationId, day: d.day, municipalityId: d.municipalityId ?? null, ...values });
      await (d.municipalityId
        ? insert.onConflictDoUpdate({ target: [sdPhoneStats.cooperationId, sdPhoneStats.day, sdPhoneStats.municipalityId], targetWhere: sql`municipality_id is not null`, set: values })
        : insert.onConflictDoUpdate({ target: [sdPhoneStats.cooperationId, sdPhoneStats.day], targetWhere: sql`municipality_id is null`, set: values }));
    }
    const dayList = fileDays(days);
    await recordAudit(tx, actor, {
      action: 'import', entity: 'sd_phone_stats', entityId: options.cooperationId,
      after: {
        filename: options.filename, first: dayList[0]!, last: dayList.at(-1)!, days: dayList.length, rows: days.length,
        byMunicipality: days.some((d) => d.municipalityId), replacedDays: preview.replacesDays.length, ...preview.totals,
      },
    });
    return preview;
  });
}

export type TPhoneListOptions = { cooperationId: string; from: string; to: string; /** One municipality's rows; omitted: all, per day. */ municipalityId?: string };

/**
 * The stored days from..to with their answer rates, and the totals of the period. For one
 * municipality its own rows; for all, one row per day with the calls summed over the rows and the means
 * weighted by calls (wait by offered, talk by answered), and the period's calls per municipality.
 */
export async function listPhoneStats(db: DbOrTx, options: TPhoneListOptions) {
  if (options.municipalityId && !(await municipalityNames(db, [options.municipalityId])).size) throw notFound('Kommunen');
  const rows = await db.select({
    day: sdPhoneStats.day, municipalityId: sdPhoneStats.municipalityId, offered: sdPhoneStats.offered, answered: sdPhoneStats.answered,
    meanWaitSeconds: sdPhoneStats.meanWaitSeconds, meanTalkSeconds: sdPhoneStats.meanTalkSeconds,
  }).from(sdPhoneStats)
    .where(and(
      eq(sdPhoneStats.cooperationId, options.cooperationId), gte(sdPhoneStats.day, options.from), lte(sdPhoneStats.day, options.to),
      options.municipalityId ? eq(sdPhoneStats.municipalityId, options.municipalityId) : undefined,
    ))
    .orderBy(asc(sdPhoneStats.day));
  const names = await municipalityNames(db, [...new Set(rows.flatMap((r) => (r.municipalityId ? [r.municipalityId] : [])))]);
  const named = rows.map((r) => ({ ...r, municipality: r.municipalityId ? names.get(r.municipalityId) ?? null : null }));
  const perDay = new Map<string, typeof named>();
  for (const r of named) perDay.set(r.day, [...(perDay.get(r.day) ?? []), r]);
  const days = [...perDay].map(([day, of]) => rated({
    day, offered: sum(of, 'offered'), answered: sum(of, 'answered'),
    meanWaitSeconds: weighted(of, 'meanWaitSeconds', 'offered'), meanTalkSeconds: weighted(of, 'meanTalkSeconds', 'answered'),
  }));
  return { days, totals: totalsOf(rows), byMunicipality: options.municipalityId ? [] : byMunicipalityOf(named) };
}

const sum = <K extends string>(rows: readonly Record<K, number>[], key: K) => rows.reduce((s, r) => s + r[key], 0);

/** A mean over rows weighted by a count, in whole seconds; the plain mean of the rows when none has a call. */
function weighted<K extends string, W extends string>(rows: readonly (Record<K, number> & Record<W, number>)[], key: K, by: W): number {
  const n = sum(rows, by);
  if (!n) return Math.round(sum(rows, key) / rows.length);
  return Math.round(rows.reduce((s, r) => s + r[key] * r[by], 0) / n);
}

/** Phone calls per month as the KPI pack reads them: sums, and means weighted by calls. */
export type TPhoneMonth = { m: string; offered: number; answered: number; wait: number | null; talk: number | null };

/**
 * The phone queue per month from..to (YYYY-MM) for one municipality (its rows) or all (every row), and,
 * for one municipality, the months that have calls the export did not attribute to any: those are in
 * no municipality's figures, and the page and the paper say so.
 */
export async function readPhoneMonths(db: DbOrTx, options: { cooperationId: string; municipalityId: string | null; from: string; to: string }) {
  const range = sql`cooperation_id = ${options.cooperationId} and day >= ${`${options.from}-01`} and day < ${`${nextMonth(options.to)}-01`}`;
  const months = await sqlRows<TPhoneMonth>(db, sql`
    select substr(day, 1, 7) as m, sum(offered)::int as offered, sum(answered)::int as answered,
      (sum(mean_wait_seconds::float8 * offered) / nullif(sum(offered), 0))::float8 as wait,
      (sum(mean_talk_seconds::float8 * answered) / nullif(sum(answered), 0))::float8 as talk
    from sd_phone_stats where ${range}${options.municipalityId ? sql` and municipality_id = ${options.municipalityId}` : sql``}
    group by 1`);
  const unattributed = options.municipalityId
    ? (await sqlRows<{ m: string }>(db, sql`
        select distinct substr(day, 1, 7) as m from sd_phone_stats where ${range} and municipality_id is null order by 1`)).map((r) => r.m)
    : [];
  return { months, unattributed };
}

/** The pack's phone rows for `months` from the monthly reads. */
export function phoneRowsOf(months: readonly string[], read: readonly TPhoneMonth[]) {
  return months.map((month) => {
    const r = read.find((p) => p.m === month);
    return {
      month, offered: r?.offered ?? 0, answered: r?.answered ?? 0, answerRate: r ? percent(r.answered, r.offered) : null,
      meanWaitSeconds: r?.wait === null || r?.wait === undefined ? null : Math.round(r.wait),
      meanTalkSeconds: r?.talk === null || r?.talk === undefined ? null : Math.round(r.talk),
    };
  });
}

/** The cooperation an import or listing is for: the one named, or the install's (org decides). */
export const resolveCooperation = resolveCooperationId;
