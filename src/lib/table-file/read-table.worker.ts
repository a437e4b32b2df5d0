// Reads one table file (CSV or the first sheet of an XLSX) in a worker thread and posts its rows back
// in batches, so neither the inflating, the XML parsing nor a copy of a large table holds the server's
// event loop. The workbook is streamed (exceljs WorkbookReader), and reading stops at the first row
// past the cap: a million-row sheet is refused after maxRows + 1 rows, not after all of them. Rows are
// posted only once the whole file is read and within the limits, so a refused file costs the main
// thread nothing (no rows to receive, nothing to collect).
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import { cellText } from './cell-text.js';
import { readCsv, TooManyRows } from './csv.js';

export type TReadRequest = { kind: 'csv' | 'xlsx'; bytes: Uint8Array; maxRows: number; maxColumns: number };
export type TReadMessage =
  | { type: 'rows'; rows: string[][] }
  | { type: 'done' }
  | { type: 'too-many-rows' }
  | { type: 'too-many-columns'; row: number; columns: number }
  | { type: 'unreadable'; detail: string };

const BATCH = 2_000;

class TooManyColumns extends Error {
  constructor(readonly row: number, readonly columns: number) {
    super('too many columns');
  }
}

function batcher(maxColumns: number) {
  const batches: string[][][] = [[]];
  let rowNumber = 0;
  return {
    push(cells: string[]) {
      rowNumber += 1;
      if (cells.length > maxColumns) throw new TooManyColumns(rowNumber, cells.length);
      let batch = batches.at(-1)!;
      if (batch.length >= BATCH) batches.push(batch = []);
      batch.push(cells);
    },
    /** Small messages, so the main thread takes the table in short steps between other work. */
    flush(post: (m: TReadMessage) => void) {
      for (const rows of batches) if (rows.length) post({ type: 'rows', rows });
    },
  };
}

async function readXlsx(request: TReadRequest, push: (cells: string[]) => void) {
  // Loaded here, not at the top: a CSV read does not pay for exceljs.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(request.bytes)]), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  });
  let next = 1;
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      // The reader skips empty rows; the gaps are kept so row numbers stay as the sheet shows them.
      if (row.number - 1 > request.maxRows) throw new TooManyRows(request.maxRows);
      while (next < row.number) { push([]); next += 1; }
      const values = row.values as ExcelJS.CellValue[];
      if (values.length - 1 > request.maxColumns) throw new TooManyColumns(row.number, values.length - 1);
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
      push(cells);
      next = row.number + 1;
    }
    break; // the first sheet only
  }
}

async function main() {
  const request = workerData as TReadRequest;
  const post = (m: TReadMessage) => parentPort!.postMessage(m);
  const rows = batcher(request.maxColumns);
  try {
    if (request.kind === 'xlsx') await readXlsx(request, rows.push);
    else readCsv(new TextDecoder('utf-8').decode(request.bytes), { maxRows: request.maxRows, onRow: rows.push });
    rows.flush(post);
    post({ type: 'done' });
  } catch (error) {
    if (error instanceof TooManyRows) post({ type: 'too-many-rows' });
    else if (error instanceof TooManyColumns) post({ type: 'too-many-columns', row: error.row, columns: error.columns });
    else post({ type: 'unreadable', detail: error instanceof Error ? error.message : String(error) });
  }
}

void main();
