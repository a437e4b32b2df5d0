// A server error in the page's language. The server writes its messages in bokmål with the particulars
// («Sak 2023/M6-002 er …»), and names what happened by a code (src/server/errors.ts): bokmål pages show
// the server's own sentence, English pages the catalogue's sentence for the code, and the server's
// sentence when the code has none.
import { ApiError } from '../api/client';
import { nb } from './nb';
import type { TLanguage, TMessageKey, TTranslate } from './index';

const ERROR_KEYS: Record<string, TMessageKey> = {
  conflict: 'error.conflict',
  stale: 'error.stale',
  minutes_approved: 'error.minutes_approved',
  minutes_already_approved: 'error.minutes_already_approved',
  ticket_closed: 'error.ticket_closed',
  reopen_window_closed: 'error.reopen_window_closed',
  standstill_running: 'error.standstill_running',
  forbidden: 'error.forbidden',
  unauthorized: 'error.unauthorized',
  not_found: 'error.not_found',
  validation: 'error.validation',
  network: 'error.network',
  too_large: 'error.too_large',
  table_file_limit: 'error.table_file_limit',
  unsupported_media_type: 'error.unsupported_media_type',
  throttled: 'error.throttled',
  wrong_password: 'error.wrong_password',
  reference: 'error.reference',
  csrf: 'error.csrf',
};

export function errorMessage(error: unknown, language: TLanguage, t: TTranslate): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const key = ERROR_KEYS[error.code];
  if (language === 'nb' || !key) return error.message;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.details)) if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  return t(key, params);
}

/**
 * The server's generic words for a refused field («Må fylles ut», «Høyst 200 tegn»), read back from the
 * catalogue's bokmål `refused.*` messages: each becomes a pattern whose {placeholders} take the text there. The
 * most literal pattern is tried first, so «Høyst 200 tegn» is not taken for «Høyst {n}».
 */
const FIELD_PATTERNS = (Object.keys(nb) as TMessageKey[])
  .filter((key) => key.startsWith('refused.'))
  .map((key) => {
    const template = nb[key];
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const source = template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\u0000');
    // {n} is a number (a custom message such as «Høyst 10 saker» stays bokmål); other placeholders any text.
    let i = 0;
    const withGroups = source.replace(/\u0000/g, () => (names[i++] === 'n' ? '(-?[\\d.,]+)' : '(.+)'));
    return { key, names, pattern: new RegExp(`^${withGroups}$`, 's'), literal: template.replace(/\{\w+\}/g, '').length };
  })
  .sort((a, b) => b.literal - a.literal);

/**
 * A field's message from the server in the page's language. Bokmål pages show it as it is; English pages
 * show the English of the server's generic words, and a message written for one field (a schema's own,
 * «Velg dato for møtet») stays bokmål with `lang: 'nb'`, so a screen reader reads it in Norwegian.
 */
export function fieldMessageIn(message: string, language: TLanguage, t: TTranslate): { text: string; lang?: 'nb' } {
  if (language === 'nb') return { text: message };
  for (const { key, names, pattern } of FIELD_PATTERNS) {
    const match = pattern.exec(message);
    if (!match) continue;
    return { text: t(key, Object.fromEntries(names.map((name, i) => [name, match[i + 1]!]))) };
  }
  return { text: message, lang: 'nb' };
}
