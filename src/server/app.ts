// Composes the HTTP application: middleware, every module's routes, the API docs and the web app.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { sql } from 'drizzle-orm';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import type { Db } from '../db/client.js';
import { authRoutes } from './auth/routes.js';
import { sessionMiddleware } from './auth/middleware.js';
import type { TEnv } from './env.js';
import type { FileStore } from '../lib/files/store.js';
import { fileStoreFromEnv } from './files.js';
import { paperCachesIn, type TPaperCaches } from '../documents/cached-papers.js';
import { errorResponse, HttpError, httpErrorFromPostgres, requestIdOf } from './errors.js';
import { createRouter } from './openapi.js';
import { readRequestText } from './request-text.js';
import { documentIdempotencyKey, idempotentPosts } from './idempotency/middleware.js';
import { closeWhenBodyUnread, limitBodies, privateByDefault, refuseForeignOrigin } from './guards.js';
import { admission, createAdmissionGate, type TAdmissionGate } from './admission.js';
import { discardStagedUploads } from '../modules/uploads/staging.js';
import { apiRoutes } from './routes.js';
import { logger } from './logger.js';
import { accessLog } from './access-log.js';
import { securityHeaders } from './security-headers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const webDist = path.join(root, 'dist/web');

/** admission: the gate in front of the API; by default one from the environment (null: none). */
export type TCreateAppOptions = { db: Db; env: TEnv; files?: FileStore; papers?: TPaperCaches; admission?: TAdmissionGate | null };

export function createApp({
  db, env, files = fileStoreFromEnv(env), papers = paperCachesIn(path.resolve(env.SAMRAD_DATA_DIR)),
  admission: gate = admissionGateFromEnv(env),
}: TCreateAppOptions) {
  const app = createRouter();

  app.use('*', closeWhenBodyUnread);
  // An upload staged to disk that the route did not keep is removed once the answer is made.
  app.use('/api/*', discardStagedUploads);

  app.use('*', async (c, next) => {
    c.set('db', db);
    c.set('env', env);
    c.set('files', files);
    c.set('papers', papers);
    await next();
  });
  app.use('*', accessLog(logger));
  app.use('*', securityHeaders());
  // Writes with a cookie must come from our own pages: hono's csrf refuses cross-site forms, and
  // refuseForeignOrigin any other write that names a foreign Origin.
  app.use('/api/*', csrf());
  app.use('/api/*', refuseForeignOrigin);
  app.use('/api/*', limitBodies);
  if (gate) app.use('/api/*', admission(gate));
  app.use('/api/*', privateByDefault);
  app.use('/api/*', sessionMiddleware);
  app.use('/api/*', readRequestText);
  // After the user is known and the body is read: a repeated POST with the same Idempotency-Key runs once.
  app.use('/api/*', idempotentPosts);

  app.onError((err, c) => {
    if (err instanceof HttpError) return errorResponse(c, err);
    const pgError = httpErrorFromPostgres(err) ?? httpErrorFromPostgres((err as { cause?: unknown }).cause);
    if (pgError) return errorResponse(c, pgError);
    if (err instanceof HTTPException) {
      // hono's own refusals: malformed JSON (400), a cross-site write (403), a too large body (413)
      const message = err.status === 403 ? 'Forespørselen kom ikke fra samrad sine sider (CSRF)'
        : err.status === 400 ? 'Ugyldig forespørsel: ' + err.message : err.message;
      return c.json({ error: { code: `http_${err.status}`, message, ...requestIdOf(c) } }, err.status);
    }
    // The route pattern, not the path: no ids or query strings in the log.
    logger.error({ err, requestId: c.var.requestId, route: routePath(c) }, 'unhandled error');
    return c.json({ error: { code: 'internal', message: 'Intern feil', ...requestIdOf(c) } }, 500);
  });

  app.get('/healthz', async (c) => {
    await db.execute(sql`select 1`);
    return c.json({ status: 'ok' });
  });

  app.route('/', authRoutes);
  app.route('/', apiRoutes);

  documentIdempotencyKey(app.openAPIRegistry);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'samrad API', version: '0.1.0', description: 'Samarbeidsråd, økonomi og kundeservice for IKT-samarbeid' },
  });
  mountApiDocs(app);

  app.all('/api/*', (c) => c.json({ error: { code: 'not_found', message: `Ukjent API-adresse: ${c.req.method} ${c.req.path}`, ...requestIdOf(c) } }, 404));
  mountWebApp(app);
  return app;
}

type App = ReturnType<typeof createRouter>;

/** PGlite runs one statement at a time, so few requests at once; a server's pool of 10 takes more. */
function admissionGateFromEnv(env: TEnv): TAdmissionGate | null {
  const maxActive = env.MAX_ACTIVE_REQUESTS ?? (env.DATABASE_URL ? 16 : 4);
  if (maxActive === 0) return null;
  return createAdmissionGate({ maxActive, maxQueued: env.MAX_QUEUED_REQUESTS, maxWaitMs: env.MAX_QUEUE_WAIT_MS });
}

// The interactive reference is swagger-ui served from our own node_modules: no CDN, works offline.
function mountApiDocs(app: App) {
  const require = createRequire(import.meta.url);
  const uiDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  app.get('/api/docs', (c) => c.html(`<!doctype html><html lang="nb"><head><meta charset="utf-8">
<title>samrad API</title><link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script></body></html>`));
  app.get('/api/docs/assets/init.js', (c) => {
    c.header('content-type', 'text/javascript');
    return c.body(`window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui' });`);
  });
  app.get('/api/docs/assets/:file{swagger-ui\\.css|swagger-ui-bundle\\.js}', (c) => {
    const file = c.req.param('file');
    c.header('content-type', file.endsWith('.css') ? 'text/css' : 'text/javascript');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(readFileSync(path.join(uiDir, file)));
  });
}

// In production the built web app is served by this process: one port. Unknown paths get index.html
// so the client-side router can take them.
function mountWebApp(app: App) {
  if (!existsSync(path.join(webDist, 'index.html'))) {
    app.get('/', (c) => c.text('samrad: the web app is not built. Run `npm run build`.', 503));
    return;
  }
  const relRoot = path.relative(process.cwd(), webDist) || '.';
  app.use('/assets/*', serveStatic({ root: relRoot }));
  app.use('/*', serveStatic({ root: relRoot }));
  const index = readFileSync(path.join(webDist, 'index.html'), 'utf8');
  app.get('*', (c) => c.html(index));
}
