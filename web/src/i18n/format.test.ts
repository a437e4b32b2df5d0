import { describe, expect, it } from 'vitest';
import {
  formatBytes, formatDate, formatDateTime, formatKroner, formatPerMille, formatSharePercent, formatThousands, formatTime, formatTimeRange, formatWholeKroner,
} from './format';

describe('dates and times as Norwegian papers write them', () => {
  it('writes a calendar date as 13.12.2023 without shifting it across midnight', () => {
    expect(formatDate('2023-12-13')).toBe('13.12.2023');
    expect(formatDate('2024-01-01')).toBe('01.01.2024');
    expect(formatDate(null)).toBe('');
  });

  it('shows a UTC timestamp in Europe/Oslo, summer and winter', () => {
    expect(formatDateTime('2023-12-13T07:15:00Z')).toBe('13.12.2023 08:15');
    expect(formatDateTime('2024-06-30T22:30:00Z')).toBe('01.07.2024 00:30');
  });

  it('writes wall-clock times with two-digit hours and a colon', () => {
    expect(formatTime('8:15')).toBe('08:15');
    expect(formatTime('08:15:00')).toBe('08:15');
    expect(formatTimeRange('08:15', '11:00')).toBe('08:15–11:00');
    expect(formatTimeRange('08:15', null)).toBe('08:15');
  });

  it('writes file sizes people can read', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3 * 1024)).toBe('3 kB');
    expect(formatBytes(3.4 * 1024 * 1024)).toBe('3,4 MB');
  });

  it('writes amounts as the economy papers print them', () => {
    const n = (text: string) => text.replace(/ /g, '\u202f').replace(/^-/, '\u2212');
    expect(formatThousands(25858)).toBe(n('25 858'));
    expect(formatThousands(-767)).toBe(n('-767'));
    expect(formatThousands(0)).toBe('–');
    expect(formatKroner(123450)).toBe(n('1 234,50'));
    expect(formatKroner(-136100)).toBe(n('-1 361,00'));
    expect(formatWholeKroner(4273500000)).toBe(n('42 735 000'));
    expect(formatWholeKroner(-13305500)).toBe(n('-133 055'));
    expect(formatSharePercent('50.9554', 4)).toBe('50,9554\u00a0%');
    expect(formatSharePercent('18', 1)).toBe('18,0\u00a0%');
    expect(formatSharePercent('100', 2)).toBe('100,00\u00a0%');
    expect(formatSharePercent('22.5', 0)).toBe('22\u00a0%');
    expect(formatPerMille(-32)).toBe('\u22123,2\u00a0%');
    expect(formatPerMille(5)).toBe('0,5\u00a0%');
    expect(formatPerMille(1_376)).toBe('137,6\u00a0%');
    expect(formatPerMille(null)).toBe('–');
  });
});
