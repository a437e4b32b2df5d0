// The economy API's shapes, taken type-only from the server's zod models.
import type { z } from '@hono/zod-openapi';
import type {
  TEconomyLine, TEconomyReport, TFinancing, TImportPreview, TReportRow, TReportTable, TYearEndSettlement as TSettlement, ZFigures,
} from '../../../../src/modules/economy/model';

export type { TEconomyLine, TEconomyReport, TFinancing, TImportPreview, TReportRow, TReportTable, TSettlement };
export type TFigures = z.infer<typeof ZFigures>;
