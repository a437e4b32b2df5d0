// Ledger import: read the file, put each row on a line through the cooperation's account mapping, show
// the totals (preview), and commit. A commit replaces the rows the file owns, in one transaction, so
// importing the same file twice never counts it twice: in the periods it covers, the imported rows on
// lines of the kinds it covers (operating, investment) booked on the accounts or projects it maps
// (issue 12: an investment file for May deleted May's operating rows when an import owned every imported
// row of its periods). The preview lists those rows, grouped by the file they came from, account and line.
// A file with any problem (unknown account, bad number, wrong columns) is refused whole, with each
// problem's row and column, by preview and commit alike (one check, parseLedgerTable). Commits of one
// cooperation and year run one at a time (an advisory lock), so two imports of the same file replace
// each other, never add up.
import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { readTableFile, refuseFile, type TTableFileLimits } from '../../lib/table-file/index.js';
import { recordAudit } from '../audit/service.js';
import type { TImportPreview } from './model.js';
import { parseLedgerTable, type TLedgerRow } from './ledger-file.js';
import { listAccountMappings } from './actuals.service.js';
import { listLines } from './lines.service.js';
import { actuals, economyLines, ledgerImports } from './schema.js';
import { ADVISORY_LOCKS, lockForTransaction } from '../../lib/sql.js';

export type TLedgerFileOptions = { cooperationId: string; year: number; filename: string; bytes: Uint8Array; limits?: Partial<TTableFileLimits> };
type TMappedRow = TLedgerRow & { lineId: string; mappedBy: string };
type TMappings = Awaited<ReturnType<typeof listAccountMappings>>;

/**
 * The mapping entry a row goes through, as one key: `p:<project>` when its project is mapped (a project
 * mapping wins), otherwise `a:<account>`. A file owns the stored rows whose key it uses too.
 */
function mappingKey(row: { account: string | null; project: string | null }, projects: ReadonlySet<string>) {
  return row.project && projects.has(row.project) ? `p:${row.project}` : `a:${row.account ?? ''}`;
}
const mappedProjects = (mappings: TMappings) => new Set(mappings.flatMap((m) => (m.project ? [m.project] : [])));

async function mapLedgerFile(db: DbOrTx, options: TLedgerFileOptions): Promise<TMappedRow[]> {
  const table = await readTableFile(options);
  const mappings = await listAccountMappings(db, options.cooperationId);
  const byAccount = new Map(mappings.filter((m) => m.account).map((m) => [m.account!, m.lineId]));
  const byProject = new Map(mappings.filter((m) => m.project).map((m) => [m.project!, m.lineId]));
  const parsed = parseLedgerTable(table, options.year, (row) => {
    // A project mapping wins (investments are booked on ordinary accounts with a project code).
    const lineId = (row.project && byProject.get(row.project)) || byAccount.get(row.account);
    return lineId ? { lineId } : {
      problem: `ukjent konto «${row.account}»${row.project ? ` (prosjekt «${row.project}» er heller ikke koblet)` : ''}; legg den inn i kontokoblingen først`,
    };
  });
  if (parsed.issueCount) throw refuseFile(parsed);
  const projects = mappedProjects(mappings);
  return parsed.rows.map((r) => ({ ...r, mappedBy: mappingKey(r, projects) }));
}

type TOwnedRows = { ids: string[]; replaces: TImportPreview['replaces']; keepsRows: number };

/**
 * The imported rows of the file's periods that the file owns (and a commit deletes): on lines of a kind
 * the file's rows go to, through a mapping entry the file uses. The rest of those periods' imported rows
 * are counted as kept.
 */
async function ownedRows(db: DbOrTx, options: TLedgerFileOptions, rows: TMappedRow[], lineKinds: Map<string, string>): Promise<TOwnedRows> {
  const periods = [...new Set(rows.map((r) => r.period))];
  const kinds = new Set(rows.map((r) => lineKinds.get(r.lineId)));
  const keys = new Set(rows.map((r) => r.mappedBy));
  const projects = mappedProjects(await listAccountMappings(db, options.cooperationId));
  const stored = await db.select({
    id: actuals.id, importId: actuals.importId, filename: ledgerImports.filename, period: actuals.period,
    account: actuals.account, project: actuals.project, lineId: actuals.lineId, lineName: economyLines.name,
    kind: economyLines.kind, amountOre: actuals.amountOre,
  }).from(actuals)
    .innerJoin(economyLines, eq(economyLines.id, actuals.lineId))
    .innerJoin(ledgerImports, eq(ledgerImports.id, actuals.importId))
    .where(and(
      eq(actuals.cooperationId, options.cooperationId), eq(actuals.year, options.year),
      eq(actuals.source, 'import'), inArray(actuals.period, periods),
    ));
  const owned = stored.filter((r) => kinds.has(r.kind) && keys.has(mappingKey(r, projects)));
  const groups = new Map<string, TImportPreview['replaces'][number]>();
  for (const r of owned) {
    const key = [r.importId, r.period, r.account, r.project, r.lineId].join('|');
    const group = groups.get(key) ?? {
      importId: r.importId!, filename: r.filename, period: r.period, account: r.account, project: r.project,
      lineId: r.lineId, lineName: r.lineName, rows: 0, totalOre: 0,
    };
    group.rows += 1;
    group.totalOre += r.amountOre;
    groups.set(key, group);
  }
  const replaces = [...groups.values()].sort((a, b) => a.period - b.period || a.filename.localeCompare(b.filename, 'nb')
    || (a.account ?? '').localeCompare(b.account ?? '') || (a.project ?? '').localeCompare(b.project ?? ''));
  return { ids: owned.map((r) => r.id), replaces, keepsRows: stored.length - owned.length };
}

async function summarise(db: DbOrTx, options: TLedgerFileOptions, rows: TMappedRow[]): Promise<TImportPreview & { replacedIds: string[] }> {
  const lines = await listLines(db, { cooperationId: options.cooperationId });
  const periods = [...new Set(rows.map((r) => r.period))].sort((a, b) => a - b);
  const totals = new Map<string, { rows: number; totalOre: number }>();
  for (const r of rows) {
    const t = totals.get(r.lineId) ?? { rows: 0, totalOre: 0 };
    t.rows += 1;
    t.totalOre += r.amountOre;
    totals.set(r.lineId, t);
  }
  const owned = await ownedRows(db, options, rows, new Map(lines.map((l) => [l.id, l.kind])));
  return {
    filename: options.filename,
    year: options.year,
    periods,
    rowCount: rows.length,
    totalOre: rows.reduce((s, r) => s + r.amountOre, 0),
    lines: lines.filter((l) => totals.has(l.id)).map((l) => ({ lineId: l.id, name: l.name, kind: l.kind, ...totals.get(l.id)! })),
    replacesRows: owned.ids.length,
    replaces: owned.replaces,
    keepsRows: owned.keepsRows,
    replacedIds: owned.ids,
  };
}

/** What a commit would do, without doing it. */
export async function previewLedgerImport(db: DbOrTx, options: TLedgerFileOptions): Promise<TImportPreview> {
  const { replacedIds: _ids, ...preview } = await summarise(db, options, await mapLedgerFile(db, options));
  return preview;
}

const INSERT_BATCH = 1000;

export async function commitLedgerImport(db: Db, actor: Actor, options: TLedgerFileOptions): Promise<TImportPreview & { importId: string }> {
  const rows = await mapLedgerFile(db, options);
  return db.transaction(async (tx) => {
    // First in the transaction, before anything is read: a second import of this cooperation and year
    // waits here until the first has committed, then replaces its rows like any later import would.
    await lockForTransaction(tx, ADVISORY_LOCKS.ledgerImport, `${options.cooperationId}:${options.year}`);
    const { replacedIds, ...preview } = await summarise(tx, options, rows);
    let replaced = 0;
    for (let i = 0; i < replacedIds.length; i += INSERT_BATCH) {
      replaced += (await tx.delete(actuals).where(inArray(actuals.id, replacedIds.slice(i, i + INSERT_BATCH))).returning({ id: actuals.id })).length;
    }
    // An earlier import whose every row was replaced has nothing left to show for it.
    await tx.delete(ledgerImports).where(and(
      eq(ledgerImports.cooperationId, options.cooperationId), eq(ledgerImports.year, options.year),
      notExists(tx.select({ one: sql`1` }).from(actuals).where(eq(actuals.importId, ledgerImports.id))),
    ));
    const [record] = await tx.insert(ledgerImports).values({
      cooperationId: options.cooperationId, year: options.year, periods: preview.periods, filename: options.filename,
      rowCount: preview.rowCount, totalOre: preview.totalOre, importedBy: actor.userId,
    }).returning();
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await tx.insert(actuals).values(rows.slice(i, i + INSERT_BATCH).map((r) => ({
        cooperationId: options.cooperationId, lineId: r.lineId, year: options.year, period: r.period,
        amountOre: r.amountOre, source: 'import' as const, importId: record!.id, account: r.account, project: r.project,
      })));
    }
    await recordAudit(tx, actor, {
      action: 'import', entity: 'economy_ledger_import', entityId: record!.id,
      after: { filename: options.filename, year: options.year, periods: preview.periods, rowCount: preview.rowCount, totalOre: preview.totalOre, replacedRows: replaced },
    });
    return { ...preview, replacesRows: replaced, importId: record!.id };
  });
}

export async function listLedgerImports(db: DbOrTx, options: { cooperationId: string; year: number }) {
  return db.select().from(ledgerImports)
    .where(and(eq(ledgerImports.cooperationId, options.cooperationId), eq(ledgerImports.year, options.year)))
    .orderBy(sql`${ledgerImports.importedAt} desc`);
}
