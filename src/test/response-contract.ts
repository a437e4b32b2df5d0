// Every answer a test gets through TestClient is held against what /api/openapi.json documents for
// that route and status, so a response that drifts from its schema (a raw SQL row cast to a type, a
// field renamed on one side) fails the test that made the request, naming the route and the field.
// The web's API types are generated from the same document (web/src/api/), so this is also what keeps
// them true.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: its default export arrives as the module object under Node's ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);

type TSchema = Record<string, unknown>;
type TMediaType = { schema?: TSchema };
type TResponseDoc = { description?: string; content?: Record<string, TMediaType> };
type TOperation = { responses?: Record<string, TResponseDoc> };
type TOpenApiDocument = { paths: Record<string, Record<string, TOperation>>; components?: { schemas?: Record<string, TSchema> } };

export type TContractMismatch = { method: string; route: string; status: number; problem: string };

/**
 * Statuses the app answers for any API path, outside the route: a body over the size limit (413,
 * limitBodies), an unexpected failure (500, the error handler), a full admission queue (503). A route
 * need not document them; their body must still be the error body.
 */
const APP_WIDE_STATUSES = new Set([413, 500, 503]);

const DOCUMENT_ID = 'samrad:openapi.json';

export type TResponseContract = {
  /** The mismatch of one answer with the document, or null when it answers as documented (or is no API route). */
  check(method: string, path: string, status: number, contentType: string | null, body: unknown): TContractMismatch | null;
};

export function responseContract(document: TOpenApiDocument): TResponseContract {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components ?? {} });
  const routes = Object.keys(document.paths).map((template) => ({ template, pattern: templatePattern(template) }))
    // Literal segments win over parameters: /api/meetings/stats before /api/meetings/{id}.
    .sort((a, b) => paramCount(a.template) - paramCount(b.template));
  const validators = new Map<string, ValidateFunction>();

  function validatorFor(key: string, schema: TSchema) {
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`)));
      validators.set(key, validate);
    }
    return validate;
  }

  return {
    check(method, path, status, contentType, body) {
      const pathname = path.split('?')[0]!;
      const route = routes.find((r) => r.pattern.test(pathname) && document.paths[r.template]![method.toLowerCase()]);
      if (!route) return null;
      const responses = document.paths[route.template]![method.toLowerCase()]!.responses ?? {};
      const mismatch = (problem: string): TContractMismatch => ({ method: method.toUpperCase(), route: route.template, status, problem });
      const documented = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
      const isJson = contentType !== null && /^application\/(.+\+)?json/.test(contentType);
      if (!documented) {
        if (APP_WIDE_STATUSES.has(status) && isJson) return checkBody(ERROR_SCHEMA_REF, `error`, mismatch);
        return mismatch('status is not documented');
      }
      if (!isJson) return null;
      const schema = documented.content?.['application/json']?.schema;
      if (!schema) return mismatch(`answers JSON, but the documented response has no application/json content`);
      return checkBody(schema, `${method} ${route.template} ${status}`, mismatch);

      function checkBody(schema: TSchema, key: string, toMismatch: (problem: string) => TContractMismatch) {
        const validate = validatorFor(key, schema);
        if (validate(body)) return null;
        const problems = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
        return toMismatch(`body does not match the schema: ${problems.join('; ')}`);
      }
    },
  };
}

const ERROR_SCHEMA_REF: TSchema = { $ref: '#/components/schemas/Error' };

function templatePattern(template: string) {
  const source = template.split('/').map((segment) => (/^\{.+\}$/.test(segment) ? '[^/]+' : escapeRegExp(segment))).join('/');
  return new RegExp(`^${source}$`);
}

function paramCount(template: string) {
  return (template.match(/\{/g) ?? []).length;
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function describeMismatch(m: TContractMismatch) {
  return `${m.method} ${m.route} answered ${m.status}, which /api/openapi.json does not document so: ${m.problem}`;
}
