// Whether a request reached samrad over HTTPS. Behind a TLS-terminating reverse proxy the request itself
// is plain http and only the proxy's X-Forwarded-Proto tells; like X-Forwarded-For it is believed only
// when TRUST_PROXY says proxies are there, since any client can send the header.
import type { Context } from 'hono';
import type { AppEnv } from './context.js';

export type TRequestIsHttpsOptions = {
  url: string;
  forwardedProto: string | undefined;
  trustedHops: number;
};

/**
 * True for a request that came over TLS, directly or through the trusted proxies. Proxies that append
 * to X-Forwarded-Proto ("https, http") are read like X-Forwarded-For: the entry the outermost trusted
 * proxy wrote, counted from the right; a proxy that overwrites the header leaves one entry.
 */
export function requestIsHttps(options: TRequestIsHttpsOptions): boolean {
  if (new URL(options.url).protocol === 'https:') return true;
  if (options.trustedHops === 0 || !options.forwardedProto) return false;
  const entries = options.forwardedProto.split(',').map((p) => p.trim().toLowerCase());
  const seen = entries[Math.max(entries.length - options.trustedHops, 0)];
  return seen === 'https';
}

export const isHttps = (c: Context<AppEnv>) => requestIsHttps({
  url: c.req.url, forwardedProto: c.req.header('x-forwarded-proto'), trustedHops: c.var.env.TRUST_PROXY,
});
