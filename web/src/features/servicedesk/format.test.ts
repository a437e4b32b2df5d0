import { describe, expect, it } from 'vitest';
import { formatDuration, formatRemaining } from './format';
import { sdNb, type TSdT } from './messages';

const t: TSdT = (key, params) => sdNb[key].replace(/\{(\w+)\}/g, (_, n: string) => String(params?.[n]));

describe('SLA time for the desk', () => {
  it('reads as Norwegian hours and minutes', () => {
    expect(formatRemaining((2 * 60 + 15) * 60_000, t)).toEqual({ text: '2 t 15 min igjen', breached: false });
    expect(formatRemaining(-45 * 60_000, t)).toEqual({ text: '45 min over fristen', breached: true });
    expect(formatDuration((3 * 24 + 4) * 3_600_000)).toBe('3 d 4 t');
    expect(formatDuration(2 * 3_600_000, 'en')).toBe('2 h');
  });
});

describe('service desk catalogue', () => {
  it('has every bokmål key in English with the same placeholders', async () => {
    const { sdEn } = await import('./messages');
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(sdEn).sort()).toEqual(Object.keys(sdNb).sort());
    for (const key of Object.keys(sdNb) as (keyof typeof sdNb)[]) expect(placeholders(sdEn[key]), key).toEqual(placeholders(sdNb[key]));
  });
});
