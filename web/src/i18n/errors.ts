// A server error in the page's language. The server writes its messages in bokmål with the particulars
// («Sak 2023/M6-002 er …»), and names what happened by a code (src/server/errors.ts): bokmål pages show
// the server's own sentence, English pages the catalogue's sentence for the code, and the server's
// sentence when the code has none.
import { ApiError } from '../api/client';
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
};

export function errorMessage(error: unknown, language: TLanguage, t: TTranslate): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const key = ERROR_KEYS[error.code];
  if (language === 'nb' || !key) return error.message;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.details)) if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  return t(key, params);
}
