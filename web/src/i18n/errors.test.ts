import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { errorMessage } from './errors';
import { translate } from './index';

const tEn = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);
const tNb = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('nb', key, params);

describe('server errors in the page language', () => {
  const refusal = new ApiError(409, 'reopen_window_closed', 'Saken kan bare gjenåpnes innen 14 dager; meld en ny sak', [], { windowDays: 14 });

  it('shows the server sentence on bokmål pages and the catalogue sentence for its code on English pages', () => {
    expect(errorMessage(refusal, 'nb', tNb)).toBe('Saken kan bare gjenåpnes innen 14 dager; meld en ny sak');
    expect(errorMessage(refusal, 'en', tEn)).toBe('A case can only be reopened within 14 days; report a new case');
    expect(errorMessage(new ApiError(409, 'minutes_approved', 'Referatet er godkjent; rettelser krever nytt vedtak'), 'en', tEn))
      .toBe('The minutes are approved; corrections need a new decision');
  });

  it('falls back to the server sentence for a code without an English text', () => {
    expect(errorMessage(new ApiError(409, 'setup_token_used', 'Lenken er brukt'), 'en', tEn)).toBe('Lenken er brukt');
    expect(errorMessage(new Error('boom'), 'en', tEn)).toBe('boom');
  });
});
