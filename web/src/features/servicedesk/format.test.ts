import { describe, expect, it } from 'vitest';
import { translateFeature } from '../../i18n';
import { formatDuration, formatRemaining, slaDays } from './format';
import { sdMessages, type TSdT } from './messages';

const t: TSdT = (key, params) => translateFeature(sdMessages, 'nb', key, params);
const H = 3_600_000;
const office = { millis: 7.5 * H, kind: 'business' as const };
const always = { millis: 24 * H, kind: 'always' as const };

describe('SLA time for the desk', () => {
  it('reads as Norwegian hours and minutes', () => {
    expect(formatRemaining((2 * 60 + 15) * 60_000, t)).toEqual({ text: '2 t 15 min igjen', breached: false });
    expect(formatRemaining(-45 * 60_000, t)).toEqual({ text: '45 min over fristen', breached: true });
    expect(formatDuration(2 * H, 'en')).toBe('2 h');
  });

  it('never shows business time as days that read like calendar days', () => {
    // Without the calendar: hours only, grouped.
    expect(formatDuration((3 * 24 + 4) * H)).toBe('76 t');
    expect(formatDuration(4342 * H + 20 * 60_000)).toBe('4\u00a0342 t');
    // With it: working days of the office calendar (7.5 h), full days of the always-open one.
    expect(formatDuration(3 * 7.5 * H + 2 * H, 'nb', office)).toBe('3 arbeidsdager 2 t');
    expect(formatDuration(7.5 * H, 'nb', office)).toBe('1 arbeidsdag');
    expect(formatDuration(1357.5 * H, 'nb', office)).toBe('181 arbeidsdager');
    expect(formatDuration(2 * 24 * H + 5 * H, 'nb', always)).toBe('2 døgn 5 t');
    expect(formatDuration(3 * 7.5 * H, 'en', office)).toBe('3 working days');
    expect(formatRemaining(-(2 * 7.5 + 1) * H, t, 'nb', office)).toEqual({ text: '2 arbeidsdager 1 t over fristen', breached: true });
    // Under a day it is hours and minutes whatever the calendar.
    expect(formatDuration(5 * H + 30 * 60_000, 'nb', office)).toBe('5 t 30 min');
  });

  it('finds each priority\'s SLA day in the desk\'s rules', () => {
    const days = slaDays({
      calendars: {
        kontortid: { kind: 'business', openingHours: [{ weekday: 1, open: '08:00', close: '15:30' }, { weekday: 2, open: '08:00', close: '15:30' }] },
        døgnet: { kind: 'always' },
        kort: { kind: 'business', openingHours: [], businessDayMinutes: 240 },
      },
      targets: { medium: { calendar: 'kontortid' }, kritisk: { calendar: 'døgnet' }, lav: { calendar: 'kort' } },
    });
    expect(days).toEqual({ medium: office, kritisk: always, lav: { millis: 4 * H, kind: 'business' } });
  });
});
