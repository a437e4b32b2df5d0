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

  it('says when the standstill ends in both languages, at 23:59 Oslo time', () => {
    const sentence = 'Kontrakten kan ikke signeres før karensperioden er over: den løper til 11.12.2023 23:59 (10 dager fra dagen etter at tildelingen ble sendt 01.12.2023 14:00; …)';
    const running = new ApiError(409, 'standstill_running', sentence, [], { standstillEnds: '11.12.2023 23:59', standstillEndsAt: '2023-12-11T22:59:59.999Z', standstillDays: 10 });
    expect(errorMessage(running, 'nb', tNb)).toBe(sentence);
    expect(errorMessage(running, 'en', tEn)).toBe('The contract cannot be signed before the standstill period ends: it runs until 11.12.2023 23:59 (Norwegian time, Europe/Oslo)');
  });

  it('falls back to the server sentence for a code without an English text', () => {
    expect(errorMessage(new ApiError(409, 'setup_token_used', 'Lenken er brukt'), 'en', tEn)).toBe('Lenken er brukt');
    expect(errorMessage(new Error('boom'), 'en', tEn)).toBe('boom');
  });
});
