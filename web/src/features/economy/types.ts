// The economy API's shapes, as the server documents them (web/src/api/schema.ts, generated from
// /api/openapi.json).
import type { TApiSchema } from '../../api/client';

export type TEconomyLine = TApiSchema<'EconomyLine'>;
export type TEconomyReport = TApiSchema<'EconomyReport'>;
export type TFinancing = TApiSchema<'Financing'>;
export type TImportPreview = TApiSchema<'LedgerImportPreview'>;
export type TReportRow = TApiSchema<'EconomyReportRow'>;
export type TReportTable = TApiSchema<'EconomyReportTable'>;
export type TSettlement = TApiSchema<'YearEndSettlement'>;
export type TFigures = TApiSchema<'EconomyFigures'>;
export type TReportMode = TEconomyReport['mode'];
