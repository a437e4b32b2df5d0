import { describe, expect, it } from 'vitest';
import { translateFeature } from '../../i18n';
import { formatDuration, formatRemaining } from './format';
import { sdMessages, type TSdT } from './messages';

const t: TSdT = (key, params) => translateFeature(sdMessages, 'nb', key, params);

describe('SLA time for the desk', () => {
  it('reads as Norwegian hours and minutes', () => {
    expect(formatRemaining((2 * 60 + 15) * 60_000, t)).toEqual({ text: '2 t 15 min igjen', breached: false });
    expect(formatRemaining(-45 * 60_000, t)).toEqual({ text: '45 min over fristen', breached: true });
    expect(formatDuration((3 * 24 + 4) * 3_600_000)).toBe('3 d 4 t');
    expect(formatDuration(2 * 3_600_000, 'en')).toBe('2 h');
  });
});
