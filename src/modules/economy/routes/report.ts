// HTTP for the economy report as of a date: JSON for the page, XLSX, and the PDF (the same Typst
// fragment as the activity report, with the year's financing and, once the year is closed, the
// settlement).
import { composeFinancing, economyReportPdf } from '../../../documents/economy.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonContent, route } from '../../../server/openapi.js';
import { getCooperation } from '../../org/cooperations.service.js';
import { getFinancing, getSettlement } from '../financing.service.js';
import { ZAsOfQuery, ZEconomyReport, ZFigurePeriods, ZYearParam } from '../model.js';
import { buildEconomyReport, figurePeriods } from '../report.service.js';
import { economyReportXlsx } from '../report-xlsx.js';
import { osloToday } from '../../../lib/oslo-time.js';
import { readers, tags } from './shared.js';
import { contentDisposition } from '../../../lib/file-names.js';

export const reportRoutes = createRouter();

reportRoutes.openapi(route({
  method: 'get', path: '/api/economy/periods', tags, summary: 'År med regnskapstall eller budsjett, nyeste først, med siste regnskapsperiode',
  access: [readers, cooperationScope],
  answers: { 200: jsonContent(ZFigurePeriods, 'Årene') },
}), async (c) => c.json({ years: await figurePeriods(c.var.db, c.var.cooperationId) }, 200));

reportRoutes.openapi(route({
  method: 'get', path: '/api/economy/{year}/report', tags, summary: 'Økonomirapport pr. dato (hele tusen kr)', access: [readers, cooperationScope],
  request: { params: ZYearParam, query: ZAsOfQuery }, answers: { 200: jsonContent(ZEconomyReport, 'Rapporten') },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, year: c.req.valid('param').year, asOf: c.req.valid('query').asOf ?? osloToday() };
  return c.json(await buildEconomyReport(c.var.db, options), 200);
});

for (const format of ['xlsx', 'pdf'] as const) {
  reportRoutes.openapi(route({
  method: 'get', path: `/api/economy/{year}/report.${format}`, tags,
  summary: format === 'xlsx' ? 'Økonomirapporten som regneark' : 'Økonomirapporten som PDF (samme Typst-fragment som aktivitetsrapporten)',
  access: [readers, cooperationScope],
  request: { params: ZYearParam, query: ZAsOfQuery }, answers: { 200: { description: 'Filen' } },
}), async (c) => {
    const { cooperationId } = c.var;
    const { year } = c.req.valid('param');
    const report = await buildEconomyReport(c.var.db, { cooperationId, year, asOf: c.req.valid('query').asOf ?? osloToday() });
    const coop = await getCooperation(c.var.db, cooperationId);
    let bytes: Buffer;
    if (format === 'xlsx') bytes = await economyReportXlsx(report, coop.shortName);
    else {
      // The paper carries the year's financing too; the settlement only once the year is closed.
      const financing = await getFinancing(c.var.db, { cooperationId, year }).catch(() => null);
      const settlement = report.mode === 'arsslutt' ? await getSettlement(c.var.db, { cooperationId, year, asOf: report.asOf }).catch(() => null) : null;
      bytes = await economyReportPdf(report, coop.shortName, financing ? composeFinancing(financing, settlement) : null);
    }
    c.header('content-type', format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf');
    c.header('content-disposition', contentDisposition(`okonomirapport-${report.asOf}.${format}`));
    return c.body(new Uint8Array(bytes), 200);
  });
}
