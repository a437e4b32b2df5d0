import { describe, expect, it } from 'vitest';
import { casePatternProblem, formatPatternCaseNumber } from './case-pattern.js';

describe('a body\'s case-number pattern', () => {
  it('writes the issue\'s examples, and the two built-in forms as patterns', () => {
    const v = { year: 2023, sequence: 41, meetingNumber: 6, prefix: 'ST' };
    expect(formatPatternCaseNumber('{n}/{yy}', v)).toBe('41/23');
    expect(formatPatternCaseNumber('{yyyy}/{body}{m}-{nnn}', { ...v, sequence: 3 })).toBe('2023/ST6-003');
    expect(formatPatternCaseNumber('{body} {n}/{yy}', v)).toBe('ST 41/23');
    expect(formatPatternCaseNumber('{yyyy}/M{m}-{nnn}', { ...v, sequence: 3 })).toBe('2023/M6-003');
    expect(formatPatternCaseNumber('{n}/{yy}', { year: 2100, sequence: 1 })).toBe('1/00');
    // A case decided without a meeting has no meeting number.
    expect(formatPatternCaseNumber('{yyyy}-{m}-{nnn}', { year: 2024, sequence: 1234, meetingNumber: null })).toBe('2024--1234');
  });

  it('refuses a pattern that cannot number cases, saying why', () => {
    const running = { perMeeting: false, prefix: 'ST' };
    expect(casePatternProblem('{n}/{yy}', running)).toBeNull();
    expect(casePatternProblem('{body} {nnn}/{yyyy}', running)).toBeNull();
    expect(casePatternProblem('{yyyy}/{m}-{nnn}', { perMeeting: true })).toBeNull();
    expect(casePatternProblem('{yy}', running)).toMatch(/saksnummeret nøyaktig én gang/);
    expect(casePatternProblem('{n}-{nnn}/{yy}', running)).toMatch(/nøyaktig én gang/);
    expect(casePatternProblem('{n}', running)).toMatch(/året/);
    expect(casePatternProblem('{n}/{year}', running)).toMatch(/Ukjent felt \{year\}/);
    expect(casePatternProblem('{n}/{yy', running)).toMatch(/klamme/);
    expect(casePatternProblem('{yyyy}-{nnn}', { perMeeting: true })).toMatch(/\{m\}/);
    expect(casePatternProblem('{body} {n}/{yy}', { perMeeting: false, prefix: null })).toMatch(/prefiks/);
    expect(casePatternProblem(' {n}/{yy}', running)).toMatch(/mellomrom/);
    expect(casePatternProblem(`{n}/{yy}${'x'.repeat(40)}`, running)).toMatch(/høyst 40/);
  });
});
