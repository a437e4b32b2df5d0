// The moment a request acts at. Normally the real time; a server started with SAMRAD_TEST_CLOCK=on
// (end-to-end tests only, never production) takes it from the x-samrad-now header, so a test can stand
// on either side of a deadline (a standstill's end) without waiting for it.
import type { TEnv } from './env.js';
import { badRequest } from './errors.js';

/** What it reads of a request's context: the configuration and one header (any route's context has both). */
export type TClockContext = { var: { env: Pick<TEnv, 'SAMRAD_TEST_CLOCK'> }; req: { header: (name: string) => string | undefined } };

export function requestNow(c: TClockContext): Date {
  const header = c.var.env.SAMRAD_TEST_CLOCK === 'on' ? c.req.header('x-samrad-now') : undefined;
  if (header === undefined) return new Date();
  const instant = new Date(header);
  if (Number.isNaN(instant.getTime())) throw badRequest('Ugyldig x-samrad-now', [{ path: 'x-samrad-now', message: 'Tidspunkt som ISO 8601' }]);
  return instant;
}
