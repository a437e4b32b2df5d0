// Admission control in front of the API (docs/decisions/0019). The embedded database (PGlite) runs one
// statement at a time, each in a first-come queue, so a request that needs six statements waits in that
// queue six times; with two hundred requests open at once, a ticket view waited behind a thousand other
// statements and answered after 30–55 s, or never. The gate lets a bounded number of requests do their
// work at once and keeps the rest in one first-come queue, so each request waits once, in arrival
// order, and the database's own queue stays short. Past the bounds (the queue is full, or a request has
// waited its longest) the answer is 503 with Retry-After at once, not a timeout a minute later.
//
// A request's body is read before it queues: a client that sends its body slowly must not hold a place
// that others wait for. Paths that do no database work (the API reference) pass by; /healthz and the web
// app's files are outside /api and never meet the gate.
import type { MiddlewareHandler } from 'hono';
import { bufferRequestBody } from './body.js';
import { stagedUpload } from '../modules/uploads/form.js';
import type { AppEnv } from './context.js';
import { HttpError } from './errors.js';

export type TAdmissionLimits = {
  /** Requests doing their work at once. */
  maxActive: number;
  /** Requests waiting for a place; one more is refused at once. */
  maxQueued: number;
  /** The longest a request waits for a place before it is refused. */
  maxWaitMs: number;
};

export type TAdmissionGate = {
  /** Waits for a place in arrival order; answers the release, or throws ServerBusyError past a bound. */
  enter: () => Promise<() => void>;
  readonly active: number;
  readonly queued: number;
};

/** 503: the server is full for now. The error handler sends `retryAfterSeconds` as Retry-After. */
export class ServerBusyError extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    super(503, 'busy', 'Tjenesten har mange forespørsler akkurat nå. Prøv igjen om litt.');
  }
}

/** How many of the latest places held the gate averages to learn how long a place is held. */
export const HOLD_SAMPLES = 200;
/** Places held before the gate trusts its mean enough to refuse a request at once by it. */
export const HOLD_SAMPLES_TO_REFUSE = 20;

export function createAdmissionGate(limits: TAdmissionLimits): TAdmissionGate {
  let active = 0;
  const waiting: { admit: () => void }[] = [];
  // How long the latest places were held (a ring of HOLD_SAMPLES), and their sum: the mean tells how
  // fast the queue moves. A plain mean over a couple of hundred requests, not a fast-moving average,
  // so one slow request or a short stall (a background job's transaction, garbage collection) does not
  // make the gate turn away a queue that moves fine: an average that followed the last ten requests
  // refused 36 requests at once in one second of a 200-user run whose longest wait was 3.7 s.
  const holds: number[] = [];
  let oldest = 0;
  let holdSum = 0;
  const recordHold = (ms: number) => {
    if (holds.length < HOLD_SAMPLES) holds.push(ms);
    else {
      holdSum -= holds[oldest]!;
      holds[oldest] = ms;
      oldest = (oldest + 1) % HOLD_SAMPLES;
    }
    holdSum += ms;
  };
  /** How long a request that joins the queue now is expected to wait, or null while too few places were held to say. */
  const expectedWaitMs = () => holds.length < HOLD_SAMPLES_TO_REFUSE ? null
    : ((waiting.length + 1) * (holdSum / holds.length)) / limits.maxActive;
  const retryAfter = () => Math.min(60, Math.max(1, Math.ceil((expectedWaitMs() ?? 1_000) / 1000)));

  const release = (since: number) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      recordHold(performance.now() - since);
      const next = waiting.shift();
      // The place passes straight to the first in the queue; `active` stays as it is.
      if (next) next.admit();
      else active--;
    };
  };

  return {
    get active() { return active; },
    get queued() { return waiting.length; },
    enter() {
      if (active < limits.maxActive && waiting.length === 0) {
        active++;
        return Promise.resolve(release(performance.now()));
      }
      // Refused at once when the queue is full, or when the places, at the pace they have been freed,
      // would not come to this request within its longest wait: waiting first would only make it later.
      const expected = expectedWaitMs();
      if (waiting.length >= limits.maxQueued || (expected !== null && expected > limits.maxWaitMs)) {
        return Promise.reject(new ServerBusyError(retryAfter()));
      }
      return new Promise((resolve, reject) => {
        const entry = {
          admit: () => {
            clearTimeout(timer);
            resolve(release(performance.now()));
          },
        };
        const timer = setTimeout(() => {
          const at = waiting.indexOf(entry);
          if (at >= 0) waiting.splice(at, 1);
          reject(new ServerBusyError(retryAfter()));
        }, limits.maxWaitMs);
        timer.unref?.();
        waiting.push(entry);
      });
    },
  };
}

const PASS_BY = ['/api/docs', '/api/openapi.json'];
const BODYLESS = new Set(['GET', 'HEAD']);

/** The gate as middleware for /api/*: read the body, wait for a place, do the work, give the place back. */
export function admission(gate: TAdmissionGate): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (PASS_BY.some((p) => c.req.path === p || c.req.path.startsWith(`${p}/`))) return next();
    // By method, not `c.req.raw.body`: reading that property starts a web stream over the socket.
    if (!BODYLESS.has(c.req.method)) {
      // Read here, under the body limit set before this middleware; the route reads the same bytes. An
      // upload is streamed to a staged file instead of memory (modules/uploads/staging.ts).
      const upload = stagedUpload(c);
      if (upload) await upload;
      else await bufferRequestBody(c);
    }
    const arrived = performance.now();
    const leave = await gate.enter();
    const queuedMs = performance.now() - arrived;
    if (queuedMs >= 1) c.set('queuedMs', Math.round(queuedMs));
    try {
      await next();
    } finally {
      leave();
    }
  };
}
