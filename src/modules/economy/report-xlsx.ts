// The economy report as a spreadsheet: one sheet with both tables as the paper prints them (whole
// thousands, SUM row, explanation), so the leader can paste or edit further. Numbers stay numbers.
import ExcelJS from 'exceljs';
import type { TEconomyReport, TReportTable } from './model.js';

const HEADINGS = ['Regnskap', 'Årsbudsjett', 'Avvik', 'Prognose'] as const;
// Excel's own codes: the thousands separator is "," in the code and shows as a space in a Norwegian Excel.
const THOUSANDS = '#,##0;"\u2212"#,##0;"–"';

function addTable(sheet: ExcelJS.Worksheet, title: string, firstColumn: string, table: TReportTable) {
  sheet.addRow([title]).font = { bold: true, size: 12 };
  sheet.addRow(['tall i hele 1000']).font = { italic: true };
  const head = sheet.addRow([firstColumn, ...HEADINGS, 'Forklaring']);
  head.font = { bold: true };
  for (const row of table.rows) {
    const f = row.figures;
    const r = sheet.addRow([row.name, f.actual, f.budget, f.deviation, f.forecast, row.explanation ?? '']);
    r.getCell(6).alignment = { wrapText: true, vertical: 'top' };
  }
  const s = table.sum;
  sheet.addRow(['SUM', s.actual, s.budget, s.deviation, s.forecast]).font = { bold: true };
  sheet.addRow([]);
}

export async function economyReportXlsx(report: TEconomyReport, cooperationName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'samrad';
  const sheet = workbook.addWorksheet(`Økonomi ${report.year}`);
  sheet.columns = [{ width: 38 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 70 }];
  const [y, m, d] = report.asOf.split('-');
  sheet.addRow([`${cooperationName}: økonomirapport pr. ${Number(d)}.${Number(m)}.${y}`]).font = { bold: true, size: 14 };
  sheet.addRow([report.mode === 'arsslutt' ? 'Årsavslutning: Avvik = Årsbudsjett − Regnskap' : 'Avvik = Årsbudsjett − Prognose; positivt tall er mindreforbruk']);
  sheet.addRow([]);
  addTable(sheet, '1.1 Driftskostnader', 'Type utgift', report.operating);
  addTable(sheet, '1.2 Investeringskostnader', 'Prosjekt', report.investment);
  for (const column of [2, 3, 4, 5]) sheet.getColumn(column).numFmt = THOUSANDS;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
