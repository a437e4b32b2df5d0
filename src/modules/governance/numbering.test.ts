import { describe, expect, it } from 'vitest';
import {
  assignSequences, formatCaseNumber, formatMeetingCaseNumber, formatRunningCaseNumber, meetingLabel,
  nextMeetingNumber, parseCaseNumber,
} from './numbering.js';

describe('case number formats', () => {
  it('writes the meeting scheme as the 2023 notice does', () => {
    expect(formatMeetingCaseNumber({ year: 2023, meetingNumber: 6, sequence: 3 })).toBe('2023/M6-003');
    expect(formatMeetingCaseNumber({ year: 2024, meetingNumber: 2, sequence: 12 })).toBe('2024/M2-012');
    expect(meetingLabel(6)).toBe('M6');
  });

  it('writes the running scheme as the 2018 protocol does', () => {
    expect(formatRunningCaseNumber({ prefix: 'ST', year: 2018, sequence: 39 })).toBe('ST 39/18');
    expect(formatRunningCaseNumber({ prefix: null, year: 2009, sequence: 1 })).toBe('1/09');
    expect(formatRunningCaseNumber({ prefix: '  AU ', year: 2100, sequence: 5 })).toBe('AU 5/00');
  });

  it('dispatches on the scheme and falls back to running form without a meeting', () => {
    expect(formatCaseNumber({ scheme: 'meeting', year: 2023, meetingNumber: 6, sequence: 1 })).toBe('2023/M6-001');
    expect(formatCaseNumber({ scheme: 'running', year: 2018, prefix: 'ST', sequence: 38, meetingNumber: 5 })).toBe('ST 38/18');
    expect(formatCaseNumber({ scheme: 'meeting', year: 2023, meetingNumber: null, sequence: 7 })).toBe('7/23');
  });

  it('parses both forms back', () => {
    expect(parseCaseNumber('2023/M6-003')).toEqual({ scheme: 'meeting', year: 2023, meetingNumber: 6, sequence: 3 });
    expect(parseCaseNumber('ST 39/18')).toEqual({ scheme: 'running', prefix: 'ST', year2: 18, sequence: 39 });
    expect(parseCaseNumber('ST 39-18')).toEqual({ scheme: 'running', prefix: 'ST', year2: 18, sequence: 39 });
    expect(parseCaseNumber('Godkjenning')).toBeNull();
  });
});

describe('nextMeetingNumber', () => {
  it('takes M1 first, then the first gap, then max + 1', () => {
    expect(nextMeetingNumber([])).toBe(1);
    expect(nextMeetingNumber([1, 2, 3])).toBe(4);
    expect(nextMeetingNumber([1, 3])).toBe(2);
  });
});

describe('assignSequences', () => {
  const c = (id: string, sequence: number, locked = false) => ({ id, sequence, locked });
  const seqs = (m: Map<string, number>) => Object.fromEntries(m);

  it('renumbers 1, 2, 3 … in agenda order before any notice', () => {
    const m = assignSequences({ cases: [c('a', 1), c('c', 3), c('b', 2)], start: 1 });
    expect(seqs(m)).toEqual({ a: 1, c: 2, b: 3 });
  });

  it('keeps locked numbers where they stand and gives moved or new cases the next free number', () => {
    // Notice sent with 1–4; a new case is placed third, and case 4 is moved before case 3.
    const m = assignSequences({
      cases: [c('a', 1, true), c('b', 2, true), c('new', 0), c('d', 4, true), c('c', 3, true)],
      start: 1,
    });
    expect(seqs(m)).toEqual({ a: 1, b: 2, new: 5, d: 4, c: 3 });
  });

  it('fills numbers around locked ones and skips numbers held elsewhere (running scheme)', () => {
    const m = assignSequences({
      cases: [c('x', 34, true), c('y', 0), c('z', 0)],
      start: 34,
      taken: [35, 40],
    });
    expect(seqs(m)).toEqual({ x: 34, y: 36, z: 37 });
  });
});
