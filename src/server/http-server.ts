// The HTTP server samrad listens with, and how long it waits for a request to arrive. A client that
// sends its headers or body slowly (a byte now and then) would otherwise hold a socket, and the request
// waiting for it, for Node's defaults of a minute for the headers and five for the whole request, and
// the refusal came only at Node's check every 30 s. Past the bounds below Node answers 408 with
// `Connection: close` and closes the socket: an honest refusal, never keep-alive followed by a close.
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';

export type THttpTimeouts = {
  /** The headers must all have arrived within this many ms of the request's start. */
  headersTimeout: number;
  /** The whole request, body included, must have arrived within this many ms. */
  requestTimeout: number;
  /** How often Node checks the two bounds above: a refusal comes at most this late. */
  connectionsCheckingInterval: number;
};

/**
 * The headers within 20 s; the whole request within Node's 5 minutes, which a 20 MiB upload meets at
 * about 0.6 Mbit/s (a slow body holds no place in the admission gate, which reads the body first, so
 * the bound is about sockets, not about others waiting). Checked every second, not every 30 s.
 */
export const HTTP_TIMEOUTS: THttpTimeouts = {
  headersTimeout: 20_000,
  requestTimeout: 300_000,
  connectionsCheckingInterval: 1_000,
};

/** Longer than the 60 s a proxy or a client keeps an idle connection, so they close it, not we. */
export const KEEP_ALIVE_TIMEOUT = 65_000;

export type TFetch = (request: Request, bindings: unknown) => Response | Promise<Response>;

/** An HTTP server for `fetch` (not yet listening) that refuses a slow request with 408 and Connection: close. */
export function createHttpServer(fetch: TFetch, timeouts: THttpTimeouts = HTTP_TIMEOUTS): Server {
  const server = createAdaptorServer({
    fetch,
    serverOptions: {
      requestTimeout: timeouts.requestTimeout,
      headersTimeout: Math.min(timeouts.headersTimeout, timeouts.requestTimeout),
      connectionsCheckingInterval: timeouts.connectionsCheckingInterval,
    },
  }) as Server;
  // An idle keep-alive connection is closed by the client or a proxy in front, not by us first: a
  // client that sends on a socket just as the server closes it gets ECONNRESET (seen in e2e at Node's
  // 5 s), and proxies keep idle connections for up to 60 s (nginx's and load balancers' default).
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT;
  return server;
}
