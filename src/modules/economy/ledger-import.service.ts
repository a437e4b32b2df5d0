// Ledger import: read the file, put each row on a line through the cooperation's account mapping, show
// the totals (preview), and commit. A commit replaces every imported row of the periods the file covers,
// in one transaction, so importing the same period twice never counts it twice. A file with any problem
// (unknown account, bad number, wrong columns) is refused whole, with each problem's row and column,
// by preview and commit alike (one check, parseLedgerTable). Commits of one cooperation and year run
// one at a time (an advisory lock), so two imports of the same file replace each other, never add up.
import { and, count, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { readTableFile, refuseFile, type TTableFileLimits } from '../../lib/table-file/index.js';
import { recordAudit } from '../audit/service.js';
import type { TImportPreview } from './model.js';
import { parseLedgerTable, type TLedgerRow } from './ledger-file.js';
import { listAccountMappings } from './actuals.service.js';
import { listLines } from './lines.service.js';
import { actuals, ledgerImports } from './schema.js';
import { ADVISORY_LOCKS, lockForTransaction } from '../../lib/sql.js';

export type TLedgerFileOptions = { cooperationId: string; year: number; filename: string; bytes: Uint8Array; limits?: Partial<TTableFileLimits> };
type TMappedRow = TLedgerRow & { lineId: string };

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
  return parsed.rows;
}

async function summarise(db: DbOrTx, options: TLedgerFileOptions, rows: TMappedRow[]): Promise<TImportPreview> {
  const lines = await listLines(db, { cooperationId: options.cooperationId });
  const periods = [...new Set(rows.map((r) => r.period))].sort((a, b) => a - b);
  const totals = new Map<string, { rows: number; totalOre: number }>();
  for (const r of rows) {
    const t = totals.get(r.lineId) ?? { rows: 0, totalOre: 0 };
    t.rows += 1;
    t.totalOre += r.amountOre;
    totals.set(r.lineId, t);
  }
  const [existing] = await db.select({ n: count() }).from(actuals).where(and(
    eq(actuals.cooperationId, options.cooperationId), eq(actuals.year, options.year),
    eq(actuals.source, 'import'), inArray(actuals.period, periods),
  ));
  return {
    filename: options.filename,
    year: options.year,
    periods,
    rowCount: rows.length,
    totalOre: rows.reduce((s, r) => s + r.amountOre, 0),
    lines: lines.filter((l) => totals.has(l.id)).map((l) => ({ lineId: l.id, name: l.name, kind: l.kind, ...totals.get(l.id)! })),
    replacesRows: Number(existing?.n ?? 0),
  };
}

/** What a commit would do, without doing it. */
export async function previewLedgerImport(db: DbOrTx, options: TLedgerFileOptions): Promise<TImportPreview> {
  return summarise(db, options, await mapLedgerFile(db, options));
}

const INSERT_BATCH = 1000;

export async function commitLedgerImport(db: Db, actor: Actor, options: TLedgerFileOptions): Promise<TImportPreview & { importId: string }> {
  const rows = await mapLedgerFile(db, options);
  return db.transaction(async (tx) => {
    // First in the transaction, before anything is read: a second import of this cooperation and year
    // waits here until the first has committed, then replaces its rows like any later import would.
    await lockForTransaction(tx, ADVISORY_LOCKS.ledgerImport, `${options.cooperationId}:${options.year}`);
    const preview = await summarise(tx, options, rows);
    const replaced = await tx.delete(actuals).where(and(
      eq(actuals.cooperationId, options.cooperationId), eq(actuals.year, options.year),
      eq(actuals.source, 'import'), inArray(actuals.period, preview.periods),
    )).returning({ id: actuals.id });
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
      after: { filename: options.filename, year: options.year, periods: preview.periods, rowCount: preview.rowCount, totalOre: preview.totalOre, replacedRows: replaced.length },
    });
    return { ...preview, replacesRows: replaced.length, importId: record!.id };
  });
}

export async function listLedgerImports(db: DbOrTx, options: { cooperationId: string; year: number }) {
  return db.select().from(ledgerImports)
    .where(and(eq(ledgerImports.cooperationId, options.cooperationId), eq(ledgerImports.year, options.year)))
    .orderBy(sql`${ledgerImports.importedAt} desc`);
}
