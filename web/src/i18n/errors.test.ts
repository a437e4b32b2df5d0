import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { z } from 'zod';
import { norwegianIssueMessage } from '../../../src/server/validation-messages';
import { DATE_FORMAT_MESSAGE, MONTH_FORMAT_MESSAGE } from '../../../src/lib/date-schemas';
import { errorMessage, fieldMessageIn } from './errors';
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

  it('has English for the refusals people meet: a large or wrong file, a throttled sign-in, a wrong password', () => {
    expect(errorMessage(new ApiError(413, 'too_large', 'Filen er større enn 10 MB'), 'en', tEn)).toBe('The file or request is too large');
    expect(errorMessage(new ApiError(415, 'unsupported_media_type', 'Logoen må være et PNG- eller JPEG-bilde'), 'en', tEn)).toBe('This kind of file is not accepted here');
    expect(errorMessage(new ApiError(429, 'throttled', 'For mange mislykkede forsøk. Prøv igjen om 30 sekunder.'), 'en', tEn)).toBe('Too many failed attempts. Wait a little and try again.');
    expect(errorMessage(new ApiError(400, 'wrong_password', 'Nåværende passord er feil'), 'en', tEn)).toBe('The current password is wrong');
    expect(fieldMessageIn('Feil passord', 'en', tEn)).toEqual({ text: 'Wrong password' });
  });

  it('falls back to the server sentence for a code without an English text', () => {
    expect(errorMessage(new ApiError(409, 'setup_token_used', 'Lenken er brukt'), 'en', tEn)).toBe('Lenken er brukt');
    expect(errorMessage(new Error('boom'), 'en', tEn)).toBe('boom');
  });
});

describe('a refused field in the page language', () => {
  // The server's own words, made as the server makes them (its zod locale), for the usual refusals.
  const refused = z.object({
    title: z.string().min(1), note: z.string().max(200), when: z.iso.date(), id: z.uuid(), email: z.email(),
    count: z.number().int().max(5), list: z.array(z.string()).max(1), kind: z.enum(['vedtak', 'orientering']),
    flag: z.boolean(), start: z.iso.time(), missing: z.string(),
  }).strict().safeParse(
    { title: '', note: 'x'.repeat(201), when: '4.3.2025', id: 'x', email: 'x', count: 6, list: ['a', 'b'], kind: 'x', flag: 'ja', start: '9', extra: 1 },
    { error: (issue) => norwegianIssueMessage(issue as Parameters<typeof norwegianIssueMessage>[0]) },
  );
  const serverMessages = Object.fromEntries(refused.error!.issues.map((i) => [i.path.join('.') || '(body)', i.message]));

  it('shows the server\'s generic words in English on English pages', () => {
    const english = Object.fromEntries(Object.entries(serverMessages).map(([path, message]) => [path, fieldMessageIn(message, 'en', tEn)]));
    expect(english).toEqual({
      title: { text: 'Required' }, note: { text: 'At most 200 characters' }, when: { text: 'Date as YYYY-MM-DD, e.g. 2025-03-04' },
      id: { text: 'Invalid identifier (UUID)' }, email: { text: 'Invalid e-mail address' }, count: { text: 'At most 5' },
      list: { text: 'At most 1 item' }, kind: { text: 'Must be one of: «vedtak», «orientering»' }, flag: { text: 'Must be true or false' },
      start: { text: expect.stringMatching(/^(Time as HH:MM|Invalid format)$/) }, missing: { text: 'Required' }, '(body)': { text: 'Unknown field: extra' },
    });
    expect(fieldMessageIn(DATE_FORMAT_MESSAGE, 'en', tEn)).toEqual({ text: 'Date as YYYY-MM-DD, e.g. 2025-03-04' });
    expect(fieldMessageIn(MONTH_FORMAT_MESSAGE, 'en', tEn)).toEqual({ text: 'Month as YYYY-MM, e.g. 2025-03' });
  });

  it('keeps a message written for one field in bokmål, marked lang="nb", and bokmål pages as the server wrote them', () => {
    expect(fieldMessageIn('Velg dato for møtet', 'en', tEn)).toEqual({ text: 'Velg dato for møtet', lang: 'nb' });
    // A number pattern takes only a number: «Høyst 10 saker» is the schema's own sentence.
    expect(fieldMessageIn('Høyst 10 saker per møte', 'en', tEn)).toEqual({ text: 'Høyst 10 saker per møte', lang: 'nb' });
    expect(fieldMessageIn('Må være etter startdatoen', 'en', tEn)).toEqual({ text: 'Må være etter startdatoen', lang: 'nb' });
    for (const message of Object.values(serverMessages)) expect(fieldMessageIn(message, 'nb', tNb)).toEqual({ text: message });
  });
});
