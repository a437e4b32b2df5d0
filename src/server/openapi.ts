// Shared OpenAPI pieces: the error body every route may answer with, and the app factory whose
// validation hook turns zod failures into that body with one entry per field.
import { createRoute, OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';
import { badRequest, requestIdOf, validationErrorBody } from './errors.js';
import { cleanRequestText, refuseTextIssues } from './request-text.js';
import { norwegianIssueMessage } from './validation-messages.js';

// Every router comes from here, so this is the one place zod learns to answer in bokmål (process-wide).
z.config({ localeError: norwegianIssueMessage });

export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** On some 409s: what the server holds now, e.g. the ticket's current `updatedAt` when the client's copy was stale. */
    current: z.record(z.string(), z.unknown()).optional(),
    /** A refused import file: its first row issues (row as the file shows it, column, message) and how many there are. */
    issues: z.array(z.object({ row: z.number().nullable(), column: z.string().nullable(), message: z.string() })).optional(),
    issueCount: z.number().int().optional(),
    /** The request's id, as in the X-Request-Id header and the server's access log. */
    requestId: z.string().optional(),
  }),
}).openapi('Error');

const errorContent = { 'application/json': { schema: ZErrorBody } };
export const errorResponses = {
  400: { description: 'Ugyldig forespørsel', content: errorContent },
  401: { description: 'Ikke innlogget', content: errorContent },
  403: { description: 'Ingen tilgang', content: errorContent },
  404: { description: 'Finnes ikke', content: errorContent },
  409: { description: 'Konflikt', content: errorContent },
} as const;

/** A refusal beyond the common ones, answered with the same error body: `refusal('For mange forsøk; se Retry-After')`. */
export const refusal = (description: string) => ({ description, content: errorContent });

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A route's required JSON request body: `request: { params: ZIdParam, ...jsonBody(ZUpdateBodyRequest) }`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** A route's required upload form, as jsonBody: `request: { params: ZIdParam, ...formBody(ZUploadRequest) }`. */
export const formBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'multipart/form-data': { schema } }, required: true } });

/**
 * A route as every route here declares it: what it is (`method`, `path`, `tags`, `summary`), who may call it
 * (`access`: the middleware in order, the role check first), what it takes (`request`) and what it answers
 * when it succeeds (`answers`); the common refusals (`errorResponses`) are added to every route's answers.
 *
 *   bodyRoutes.openapi(route({
 *     method: 'get', path: '/api/bodies/{id}', tags, summary: 'Ett organ', access: [requireUser],
 *     request: { params: ZIdParam }, answers: { 200: jsonContent(ZBody, 'Organet') },
 *   }), async (c) => c.json(await getBody(c.var.db, c.req.valid('param').id), 200));
 */
export function route<const R extends Omit<RouteConfig, 'middleware' | 'responses'> & {
  access?: MiddlewareHandler<any, any, any>[]; answers: RouteConfig['responses'];
}>({ access, answers, ...config }: R) {
  const responses = { ...answers, ...errorResponses } as R['answers'] & typeof errorResponses;
  type TAccess = R extends { access: infer A } ? A : undefined;
  return createRoute({ ...config, middleware: access, responses } as Omit<R, 'access' | 'answers'> & { middleware: TAccess; responses: typeof responses });
}

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const body = validationErrorBody(result.error);
        return c.json({ error: { ...body.error, ...requestIdOf(c) } }, 400);
      }
      // JSON bodies were cleaned before validation (readRequestText); form fields are cleaned here.
      if (result.target === 'form') cleanFormText(result.data as Record<string, unknown>);
      if (result.target === 'json' && c.req.method === 'PATCH') refuseEmptyPatch(result.data);
    },
  });
}

/** The fields a PATCH carries to detect a stale edit; they are no change by themselves. */
const CONCURRENCY_FIELDS = new Set(['revision', 'version']);

/**
 * A PATCH that names nothing to change ({}, only unknown fields, which the schema drops, or only the
 * version read) is a 400 for every route here, before a service builds an update with no values.
 */
function refuseEmptyPatch(body: unknown) {
  const changes = body && typeof body === 'object' ? Object.entries(body).filter(([k, v]) => v !== undefined && !CONCURRENCY_FIELDS.has(k)) : [];
  if (changes.length === 0) {
    throw badRequest('Ingen endringer: send minst ett felt som skal endres', [{ path: '(body)', message: 'Ingen endringer' }]);
  }
}

/** A validated form's text fields cleaned in place (the object is what the route reads). */
function cleanFormText(form: Record<string, unknown>) {
  const { value, issues } = cleanRequestText(Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string' || Array.isArray(v))));
  refuseTextIssues(issues);
  Object.assign(form, value);
}

export { ZCooperationQuery, ZId, ZIdParam } from '../lib/id-schemas.js';
