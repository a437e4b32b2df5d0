// Response headers that tell the browser what the pages may do. The Content-Security-Policy lets the web
// app and the API reference (/api/docs, swagger-ui from our own node_modules) load scripts, styles, fonts
// and data only from samrad itself, run no inline script, and be framed by no one. HSTS is sent only on
// a request that came over HTTPS (transport.ts): over plain http browsers ignore it, and a development
// server on http://localhost must not teach a browser to insist on HTTPS for localhost.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './context.js';
import { isHttps } from './transport.js';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // 'unsafe-inline' for styles only: checked in Chromium, the built app injects <style> elements at run
  // time and ECharts writes style attributes into the markup it builds (/okonomi: 20+ violations with
  // style-src 'self'). Styles cannot run code; scripts stay 'self' only.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export const HSTS = 'max-age=31536000; includeSubDomains';

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  const common = secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    crossOriginEmbedderPolicy: false,
    // Set below, only over HTTPS.
    strictTransportSecurity: false,
    xFrameOptions: 'DENY',
  });
  return async (c, next) => {
    await common(c, async () => {
      await next();
      if (isHttps(c)) c.res.headers.set('strict-transport-security', HSTS);
    });
    // A paper opens in the browser's PDF viewer, which is not one of our pages and must not inherit
    // their policy (object-src 'none' is about plugins, which is how some browsers show a PDF). X-Frame-
    // Options still keeps papers out of other sites' frames.
    if ((c.res.headers.get('content-type') ?? '').startsWith('application/pdf')) c.res.headers.delete('content-security-policy');
  };
}
