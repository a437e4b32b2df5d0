// The calendar values the API takes, one schema each with one wording: an ISO date and a month. A
// date that does not exist (30 February) is refused here, not by the database halfway through a write.
import { z } from '@hono/zod-openapi';

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const DATE_FORMAT_MESSAGE = 'Dato som ÅÅÅÅ-MM-DD, f.eks. 2025-03-04';
export const MONTH_FORMAT_MESSAGE = 'Måned som ÅÅÅÅ-MM, f.eks. 2025-03';

/** Whether "2024-02-29" names a day of the calendar (it does; "2023-02-29" does not). */
export function isRealDate(isoDate: string): boolean {
  if (!ISO_DATE_PATTERN.test(isoDate)) return false;
  const d = new Date(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === isoDate;
}

/** A calendar day, "2023-12-13". */
export const ZIsoDate = z.string()
  .regex(ISO_DATE_PATTERN, { message: DATE_FORMAT_MESSAGE, abort: true })
  .refine(isRealDate, 'Datoen finnes ikke')
  .openapi({ example: '2023-12-13' });

/** A calendar month, "2023-10". */
export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, MONTH_FORMAT_MESSAGE).openapi({ example: '2023-10' });

/**
 * The year of an ISO date or month ("2023-12-01" → 2023): a report's or a table's year is the year of its
 * as-of date, everywhere the same way.
 */
export const yearOf = (isoDateOrMonth: string): number => Number(isoDateOrMonth.slice(0, 4));
