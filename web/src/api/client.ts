// The web app's one way to the server: openapi-fetch over the types generated from the server's
// /api/openapi.json (schema.ts), so a path, a request body or a response field that does not exist is
// a type error (docs/decisions/0022-typed-api-client-and-response-check.md). Every call goes through
// `ok`, the one place that turns the server's error body `{error:{code,message,fields,requestId}}` into
// an ApiError.
import createClient, { createQuerySerializer, type Middleware } from 'openapi-fetch';
// Generated and not committed: `npm run api:types` writes it (`npm run typecheck` does so first).
import type { components, paths } from './schema';

export type TFieldIssue = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: TFieldIssue[] = [],
    /** The rest of the error body, e.g. a refused import file's `issues` and `issueCount`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The message for one field, matched on its path ("title", "presenters.0" → "presenters"). */
  fieldMessage(name: string): string | undefined {
    return this.fields.find((f) => f.path === name || f.path.startsWith(`${name}.`))?.message;
  }
}

/** A schema the server documents by name: `TApiSchema<'MeetingView'>`. */
export type TApiSchema<TName extends keyof components['schemas']> = components['schemas'][TName];

/** The query parameters of a GET: `TApiQuery<'/api/servicedesk/tickets'>`. */
export type TApiQuery<TPath extends keyof paths> = paths[TPath] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;

/**
 * A fresh Idempotency-Key: every POST (a create, in practice) carries one, so a request the server
 * finished after we stopped waiting is answered from its first run when sent again, not done twice
 * (docs/decisions/0018-idempotent-creates.md). getRandomValues, because randomUUID needs a secure context.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const IDEMPOTENCY_HEADER = 'idempotency-key';

/** A POST without a key of the caller's (`params: { header: { 'Idempotency-Key': key } }`) gets a fresh one. */
const idempotentPosts: Middleware = {
  onRequest({ request }) {
    if (request.method === 'POST' && !request.headers.has(IDEMPOTENCY_HEADER)) request.headers.set(IDEMPOTENCY_HEADER, newIdempotencyKey());
    return request;
  },
};

/**
 * The request may have reached the server and been carried out when the network fails. A POST is sent
 * once more with the same key: the server then answers from the first run instead of creating again.
 */
async function fetchRepeatingPost(request: Request): Promise<Response> {
  const again = request.method === 'POST' ? request.clone() : null;
  try {
    return await fetch(request);
  } catch {
    try {
      if (again) return await fetch(again);
    } catch {
      // reported below, as the first failure would be
    }
    throw new ApiError(0, 'network', 'Fikk ikke kontakt med serveren');
  }
}

const serializeQuery = createQuerySerializer();

/** JSON, or multipart when a field is a file (the upload routes take `{ file }`). */
function serializeBody(body: unknown): string | FormData {
  if (body instanceof FormData) return body;
  if (body && typeof body === 'object' && Object.values(body).some((value) => value instanceof Blob)) {
    const form = new FormData();
    for (const [name, value] of Object.entries(body)) {
      if (value instanceof Blob) form.set(name, value, value instanceof File ? value.name : name);
      else if (value !== undefined && value !== null) form.set(name, String(value));
    }
    return form;
  }
  return JSON.stringify(body);
}

/** `api.GET('/api/meetings/{id}', { params: { path: { id } } })`, always wrapped in `ok(…)`. */
export const api = createClient<paths>({
  fetch: fetchRepeatingPost,
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
  // Empty filter fields are left out, as if not given.
  querySerializer: (query) => serializeQuery(Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''))),
  bodySerializer: serializeBody,
});
api.use(idempotentPosts);

type TFetchResult = { data?: unknown; error?: unknown; response: Response };
type TSuccessBody<TResult> = TResult extends { data: infer TBody } ? TBody : never;
/** The success body of a call; a route that answers 204 gives undefined. */
type TData<TResult extends TFetchResult> = [TSuccessBody<TResult>] extends [never] ? undefined : TSuccessBody<TResult>;

/** The success body of a call to `api`, or an ApiError carrying the server's error body. */
export async function ok<TResult extends TFetchResult>(call: Promise<TResult>): Promise<TData<TResult>> {
  const { data, error, response } = await call;
  if (response.ok) return data as TData<TResult>;
  const body = (error && typeof error === 'object' && 'error' in error ? error.error : undefined) as
    ({ code?: string; message?: string; fields?: TFieldIssue[] } & Record<string, unknown>) | undefined;
  throw new ApiError(
    response.status,
    body?.code ?? `http_${response.status}`,
    body?.message ?? `Serveren svarte ${response.status}`,
    body?.fields ?? [],
    body ?? {},
  );
}

/**
 * The query string of a link to a file the server makes (a PDF, a spreadsheet), leaving out empty
 * values; calls through `api` take their query as `params.query` instead.
 */
export function linkQuery(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
