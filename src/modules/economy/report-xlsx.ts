// The economy report as a spreadsheet: one sheet with both tables as the paper prints them (whole
// thousands, SUM row, explanation), so the leader can paste or edit further. Numbers stay numbers.
import ExcelJS from 'exceljs';
import type { TEconomyReport, TReportTable } from './model.js';
import { deviationRule, FIGURE_COLUMN_HEADINGS, figureColumns, figureOf, investmentFrameNote, type TFigureColumn } from './report-columns.js';

// Excel's own codes: the thousands separator is "," in the code and shows as a space in a Norwegian Excel.
const THOUSANDS = '#,##0;"\u2212"#,##0;"–"';
const PERCENT = '0.0 %;"\u2212"0.0 %;"–"';

/** A cell's value: thousands as they are, the deviation percent as a fraction Excel shows as per cent. */
function cell(figures: TReportTable['sum'], perMille: number | null, column: TFigureColumn) {
  const value = figureOf(figures, perMille, column);
  return column === 'deviationPercent' && value !== null ? value / 1000 : value;
}

function addTable(sheet: ExcelJS.Worksheet, title: string, firstColumn: string, table: TReportTable, columns: TFigureColumn[]) {
  sheet.addRow([title]).font = { bold: true, size: 12 };
  sheet.addRow(['tall i hele 1000']).font = { italic: true };
  const head = sheet.addRow([firstColumn, ...columns.map((c) => FIGURE_COLUMN_HEADINGS[c]), 'Forklaring']);
  head.font = { bold: true };
  for (const row of table.rows) {
    const r = sheet.addRow([row.name, ...columns.map((c) => cell(row.figures, row.deviationPerMille, c)), row.explanation ?? '']);
    r.getCell(columns.length + 2).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.addRow(['SUM', ...columns.map((c) => cell(table.sum, table.sumDeviationPerMille, c))]).font = { bold: true };
  sheet.addRow([]);
}

export async function economyReportXlsx(report: TEconomyReport, cooperationName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'samrad';
  const sheet = workbook.addWorksheet(`Økonomi ${report.year}`);
  sheet.columns = [{ width: 38 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 70 }];
  const [y, m, d] = report.asOf.split('-');
  sheet.addRow([`${cooperationName}: økonomirapport pr. ${Number(d)}.${Number(m)}.${y}`]).font = { bold: true, size: 14 };
  sheet.addRow([deviationRule(report.mode)]);
  sheet.addRow([]);
  const columns = figureColumns(report.mode);
  addTable(sheet, '1.1 Driftskostnader', 'Type utgift', report.operating, columns);
  addTable(sheet, '1.2 Investeringskostnader', 'Prosjekt', report.investment, columns);
  const note = investmentFrameNote(report);
  if (note) sheet.addRow([note]).font = { italic: true };
  columns.forEach((c, i) => { sheet.getColumn(i + 2).numFmt = c === 'deviationPercent' ? PERCENT : THOUSANDS; });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
