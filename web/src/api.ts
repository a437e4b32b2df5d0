// The web app's one way to the server: JSON over fetch with the session cookie, and one error type
// that carries the server's `{error:{code,message,fields}}` so forms can show each field's message.

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

type TBody = unknown;

/**
 * A fresh Idempotency-Key: every POST (a create, in practice) carries one, so a request the server
 * finished after we stopped waiting is answered from its first run when sent again, not done twice
 * (docs/decisions/0018-idempotent-creates.md). getRandomValues, because randomUUID needs a secure context.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export type TRequestOptions = { idempotencyKey?: string };

async function request<T>(method: string, path: string, body?: TBody, options: TRequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method === 'POST') headers['idempotency-key'] = options.idempotencyKey ?? newIdempotencyKey();
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body; // the browser sets the multipart boundary itself
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    // The request may have reached the server and been carried out. A POST is sent once more with the
    // same key: the server then answers from the first run instead of creating again.
    try {
      if (method !== 'POST') throw new Error('not repeated');
      response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, 'network', 'Fikk ikke kontakt med serveren');
    }
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; fields?: TFieldIssue[] } & Record<string, unknown> } | undefined)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? `Serveren svarte ${response.status}`,
      error?.fields ?? [],
      error ?? {},
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  /** With a fresh Idempotency-Key, unless the caller repeats an action and passes the key it used. */
  post: <T>(path: string, body?: TBody, options?: TRequestOptions) => request<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body?: TBody) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: TBody) => request<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
