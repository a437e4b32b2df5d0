// One JSON line per request (pino): method, route pattern, status, duration (and the time it waited at the
// admission gate, when it waited), user and request id, so "who did what" can be answered from the log as
// well as from the audit table. The route is the pattern that answered ("/api/cases/:id"), never the raw
// path or query string: ids, search terms and tokens stay out of the log, as do cookies and bodies.
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import type { AppEnv } from './context.js';

/** What a request id from a trusted proxy may look like: a UUID, a ULID, nginx's $request_id, a trace id. */
const FORWARDED_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/**
 * The request's id: the one a trusted proxy put in X-Request-Id (TRUST_PROXY > 0, and only when it looks
 * like an id, so nothing a client writes can reach the log unchecked), else a new UUID.
 */
export function chooseRequestId(given: string | undefined, trustedHops: number): string {
  return trustedHops > 0 && given && FORWARDED_REQUEST_ID.test(given) ? given : randomUUID();
}

export function accessLog(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = chooseRequestId(c.req.header('x-request-id'), c.var.env.TRUST_PROXY);
    c.set('requestId', requestId);
    // Errors are turned into responses inside next(), so this runs for every answer, 4xx and 5xx too.
    await next();
    c.res.headers.set('x-request-id', requestId);
    log.info({
      requestId,
      method: c.req.method,
      // After next() the route index points at the handler that answered.
      route: routePath(c),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      // Only for a request that waited for a place: its own work is ms - queuedMs.
      ...(c.var.queuedMs !== undefined ? { queuedMs: c.var.queuedMs } : {}),
      userId: c.var.user?.id ?? null,
    }, 'request');
  };
}
