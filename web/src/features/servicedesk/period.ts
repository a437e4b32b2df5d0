// The KPI page's period: two months (YYYY-MM, what <input type="month"> gives) checked before asking
// the server, and the municipalities that were members at some time in it (Hustadvika only from
// November 2022), for the municipality choice.
import type { TMembership } from './api';

export const isMonth = (v: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

export type TPeriodProblem = 'badMonth' | 'fromAfterTo';

/** What is wrong with each field, if anything; YYYY-MM strings compare in calendar order. */
export function checkPeriod(from: string, to: string): { from?: TPeriodProblem; to?: TPeriodProblem } {
  const problems: { from?: TPeriodProblem; to?: TPeriodProblem } = {};
  if (!isMonth(from)) problems.from = 'badMonth';
  if (!isMonth(to)) problems.to = 'badMonth';
  if (!problems.from && !problems.to && from > to) problems.to = 'fromAfterTo';
  return problems;
}

/** Last day of a YYYY-MM month as an ISO date. */
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
};

/** Each municipality with a membership overlapping the period, once, by name. */
export function membersInPeriod(memberships: Pick<TMembership, 'municipalityId' | 'municipalityName' | 'joined' | 'left'>[], from: string, to: string): { id: string; name: string }[] {
  const start = isMonth(from) ? `${from}-01` : '0000-01-01';
  const end = isMonth(to) ? lastDay(to) : '9999-12-31';
  const found = new Map<string, string>();
  for (const m of memberships) {
    if (m.joined <= end && (m.left === null || m.left >= start)) found.set(m.municipalityId, m.municipalityName);
  }
  return [...found].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}
