// What text the API takes, for every route in one place: a JSON body is UTF-8 (invalid bytes are a 400,
// not a string of replacement characters or a 500 further in), and a text field holds no control
// characters. Text we store travels on into mail, calendar invitations, PDFs, spreadsheets and CSV,
// where a stray CR or form feed breaks a line or injects one. So, before any route validates a body:
// - NUL is refused (PostgreSQL cannot store it, and it is never typed);
// - CRLF and a lone CR become LF, a vertical tab or form feed (Word's line and page breaks) becomes LF,
//   and other C0 controls and DEL are removed; tab and LF stay in free text;
// - a single-line field (names, titles, places, e-mail addresses, by its name: SINGLE_LINE_FIELDS)
//   takes no line break at all: 400 on that field.
// JSON bodies are cleaned by `readRequestText` (app.ts) before validation; form fields by the
// validation hook of every router (openapi.ts), through the same `cleanRequestText`.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';
import { badRequest, type TFieldIssue } from './errors.js';

/** Fields that are one line wherever they appear, plus any name ending in Name, Title or Email. */
const SINGLE_LINE_FIELDS = new Set([
  'name', 'title', 'publicTitle', 'place', 'location', 'email', 'shortName', 'owner', 'caseOfficer', 'caseFolder',
  'archiveCode', 'category', 'casePrefix', 'decisionReference', 'account', 'project', 'kind', 'proposalHeading', 'subject',
  'number', 'phone', 'password', 'currentPassword', 'newPassword',
]);
export const isSingleLineField = (key: string) => SINGLE_LINE_FIELDS.has(key) || /[a-z](Name|Title|Email)$/.test(key);

// eslint-disable-next-line no-control-regex
const REMOVED_CONTROLS = /[\u0001-\u0008\u000e-\u001f\u007f]/g;
// A lone surrogate (from a JSON escape such as "\ud800") is no character and not valid UTF-8 to store.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

const NUL_MESSAGE = 'Teksten inneholder et NUL-tegn, som ikke kan lagres';
const SURROGATE_MESSAGE = 'Teksten inneholder ugyldige tegn';
const LINE_BREAK_MESSAGE = 'Kan ikke inneholde linjeskift';

/** The text as stored, or the reason it is refused. */
function cleanString(text: string, singleLine: boolean): { text: string; problem?: string } {
  if (text.includes('\u0000')) return { text, problem: NUL_MESSAGE };
  if (LONE_SURROGATE.test(text)) return { text, problem: SURROGATE_MESSAGE };
  const cleaned = text.replace(/\r\n?|[\u000b\u000c]/g, '\n').replace(REMOVED_CONTROLS, '');
  if (singleLine && cleaned.includes('\n')) return { text: cleaned, problem: LINE_BREAK_MESSAGE };
  return { text: cleaned };
}

/**
 * Every string in `value` cleaned, with an issue per refused field (path as zod names it). Object keys
 * are left as they are: a schema refuses or drops unknown keys, and known keys are plain words.
 */
export function cleanRequestText(value: unknown): { value: unknown; issues: TFieldIssue[] } {
  const issues: TFieldIssue[] = [];
  const walk = (v: unknown, path: string[], key: string | null): unknown => {
    if (typeof v === 'string') {
      const { text, problem } = cleanString(v, key !== null && isSingleLineField(key));
      if (problem) issues.push({ path: path.join('.') || '(body)', message: problem });
      return text;
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, String(i)], key));
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, [...path, k], k)]));
    }
    return v;
  };
  const cleaned = walk(value, [], null);
  return { value: cleaned, issues };
}

export function refuseTextIssues(issues: TFieldIssue[]) {
  if (issues.length) throw badRequest(`Ugyldig verdi for ${issues[0]!.path}: ${issues[0]!.message}`, issues);
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a JSON body once, strictly: not UTF-8 or not JSON is a 400 with a clear message, and the text
 * rules above apply before any route sees it. The cleaned body replaces the raw one in hono's body
 * cache, which is what the routes' validators read.
 */
export const readRequestText: MiddlewareHandler<AppEnv> = async (c, next) => {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || !JSON_TYPE.test(mediaType)) return next();
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0) return next();
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw badRequest('Forespørselen er ikke gyldig UTF-8: send JSON-teksten kodet som UTF-8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest('Forespørselen er ikke gyldig JSON');
  }
  const { value, issues } = cleanRequestText(parsed);
  refuseTextIssues(issues);
  // hono keeps the body's promises here (typed as the values); the validators read `text` from it.
  const cache = c.req.bodyCache as Record<string, unknown>;
  for (const key of Object.keys(cache)) delete cache[key];
  cache.text = Promise.resolve(JSON.stringify(value));
  return next();
};
