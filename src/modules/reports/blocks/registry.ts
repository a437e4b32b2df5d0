// The data-block registry: every module that feeds the papers adds its blocks here at start
// (src/server/report-blocks.ts), without touching the reports module. A block has a type, a parameter
// schema and a loader that turns (cooperation, as-of date, parameters) into block data: tables and
// charts in one plain shape that every format renders (web, Typst, DOCX). On approval the data is
// frozen as the block's snapshot, so an approved report never changes when data is corrected later.
import { z } from '@hono/zod-openapi';
import type { DbOrTx } from '../../../db/client.js';
import type { TEnteredMetric } from '../vocabulary.js';
import { yearOf } from '../../../lib/date-schemas.js';

export type TBlockColumn = { label: string; align: 'left' | 'right' };
export type TBlockRow = { cells: string[]; /** A sum row, printed bold. */ sum?: boolean };
export type TBlockTable = { caption: string; unit: string | null; columns: TBlockColumn[]; rows: TBlockRow[] };
export type TBlockChart = {
  kind: 'bar' | 'line';
  title: string;
  /** What the values count ("saker", "timer"). */
  unit: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
};
export type TBlockData = {
  title: string;
  /** The date the figures are as of. */
  asOf: string;
  tables: TBlockTable[];
  charts: TBlockChart[];
  notes: string[];
  /** `live`: from the module's data now; `entered`: from figures entered for years before samrad held them. */
  source: 'live' | 'entered' | 'mixed';
};

export type TEnteredFigure = { year: number; metric: TEnteredMetric; dimension: string; value: number };

export type TBlockContext = {
  db: DbOrTx;
  cooperationId: string;
  asOf: string;
  /**
   * Figures entered for the annual report (reports' figures.service.ts): staffing, sick leave, and
   * historical figures for years before samrad held the data. A comparison block uses its live figure
   * where it has one and the entered one otherwise, and says which (`source`, and a note).
   */
  entered: (metrics: readonly TEnteredMetric[], years: readonly number[]) => Promise<TEnteredFigure[]>;
  /**
   * Work the blocks of one report share while they are loaded together: the first block to ask for a
   * key loads it, the others get the same promise (the service desk's KPI pack for the same months).
   * Nothing outlives the one load, so a block never sees another report's or an older load's data.
   */
  shared: <T>(key: string, load: () => Promise<T>) => Promise<T>;
};

/** A `shared` for one load of blocks: a memo that lives as long as the caller keeps it. */
export function sharedWithin(memo = new Map<string, Promise<unknown>>()): TBlockContext['shared'] {
  return <T>(key: string, load: () => Promise<T>) => {
    let p = memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load();
      memo.set(key, p);
    }
    return p;
  };
}

/** The report's year and the `previous` years before it, oldest first. */
export function comparisonYears(asOf: string, previous = 2): number[] {
  const last = yearOf(asOf);
  return Array.from({ length: previous + 1 }, (_, i) => last - previous + i);
}

/** `live` when no year used an entered figure, `entered` when every year did, `mixed` otherwise. */
export function sourceOf(enteredYears: readonly number[], years: readonly number[]): TBlockData['source'] {
  if (!enteredYears.length) return 'live';
  return enteredYears.length >= years.length ? 'entered' : 'mixed';
}

/** "Tallene for 2021 er registrert for året før samrad hadde dataene." */
export function enteredNote(enteredYears: readonly number[]): string[] {
  if (!enteredYears.length) return [];
  const list = enteredYears.length === 1 ? String(enteredYears[0]) : `${enteredYears.slice(0, -1).join(', ')} og ${enteredYears.at(-1)}`;
  return [`Tallene for ${list} er registrerte tall fra før samrad hadde dataene.`];
}

export type TBlockDefinition<P extends z.ZodType = z.ZodType> = {
  /** Stable key, "<module>.<name>": stored with every block. */
  type: string;
  module: string;
  label: { nb: string; en: string };
  description: string;
  params: P;
  load: (ctx: TBlockContext, params: z.infer<P>) => Promise<TBlockData>;
};

const definitions = new Map<string, TBlockDefinition>();

/** Adds a block type; registering the same type twice keeps the last (a module re-registered in tests). */
export function registerReportBlock<P extends z.ZodType>(definition: TBlockDefinition<P>) {
  definitions.set(definition.type, definition as unknown as TBlockDefinition);
}

export function blockDefinition(type: string): TBlockDefinition | undefined {
  return definitions.get(type);
}

export function listBlockDefinitions(): TBlockDefinition[] {
  return [...definitions.values()].sort((a, b) => a.type.localeCompare(b.type));
}

/** The zod shapes of the block data for the API (model.ts builds on them). */
export const ZBlockTable = z.object({
  caption: z.string(),
  unit: z.string().nullable(),
  columns: z.array(z.object({ label: z.string(), align: z.enum(['left', 'right']) })),
  rows: z.array(z.object({ cells: z.array(z.string()), sum: z.boolean().optional() })),
}).openapi('ReportBlockTable');

export const ZBlockChart = z.object({
  kind: z.enum(['bar', 'line']),
  title: z.string(),
  unit: z.string(),
  categories: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })),
}).openapi('ReportBlockChart');

export const ZBlockData = z.object({
  title: z.string(),
  asOf: z.string(),
  tables: z.array(ZBlockTable),
  charts: z.array(ZBlockChart),
  notes: z.array(z.string()),
  source: z.enum(['live', 'entered', 'mixed']),
}).openapi('ReportBlockData');
