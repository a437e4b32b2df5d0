import { describe, expect, it } from 'vitest';
import { checkPeriod, membersInPeriod } from './period';

describe('the KPI period', () => {
  it('accepts from before or equal to to, across a year end', () => {
    expect(checkPeriod('2024-01', '2024-12')).toEqual({});
    expect(checkPeriod('2024-03', '2024-03')).toEqual({});
    expect(checkPeriod('2023-12', '2024-01')).toEqual({});
  });

  it('names the field that is wrong', () => {
    expect(checkPeriod('2024-05', '2024-04')).toEqual({ to: 'fromAfterTo' });
    expect(checkPeriod('2024-13', '2024-04')).toEqual({ from: 'badMonth' });
    expect(checkPeriod('2024-01', '')).toEqual({ to: 'badMonth' });
  });
});

describe('members in a period', () => {
  const m = (municipalityId: string, municipalityName: string, joined: string, left: string | null = null) => ({ municipalityId, municipalityName, joined, left });
  const memberships = [
    m('mo', 'Molde', '2006-01-01'),
    m('hu', 'Hustadvika', '2022-11-01'),
    m('fr', 'Fræna', '2006-01-01', '2019-12-31'),
    m('au', 'Aukra', '2006-01-01', '2010-12-31'), m('au', 'Aukra', '2015-01-01'),
  ];

  it('lists each municipality that was a member at some time in the period, once, in Norwegian order', () => {
    expect(membersInPeriod(memberships, '2022-01', '2022-10').map((x) => x.name)).toEqual(['Aukra', 'Molde']);
    expect(membersInPeriod(memberships, '2022-01', '2022-11').map((x) => x.name)).toEqual(['Aukra', 'Hustadvika', 'Molde']);
    expect(membersInPeriod(memberships, '2019-12', '2020-01').map((x) => x.name)).toEqual(['Aukra', 'Fræna', 'Molde']);
  });
});
