// Generates ROR-IKT's service-desk history (demo/servicedesk/data.ts) from a seeded PRNG, so the same
// seed always gives the same tickets, events, surveys and phone days. Pure: no database; load.ts writes
// the result in batches. Times are real Oslo times: cases arrive on working days in office hours, and
// solving takes business time on the SLA calendar of the priority, so the SLA the desk computes from
// the events comes out as the generator meant it.
import { addBusinessTime, zonedTime, type Calendar } from '../../src/modules/servicedesk/calendar.js';
import type { TChannel, TPriority, TStatus, TTicketType } from '../../src/modules/servicedesk/constants.js';
import { dayNumber, isNorwegianHoliday } from '../../src/modules/servicedesk/holidays.js';
import { compilePolicy, DEFAULT_POLICY } from '../../src/modules/servicedesk/policy.js';
import {
  CATEGORY_WEIGHTS, CHANNEL_WEIGHTS, DEMO_YEARS, FAMILY_NAMES, GIVEN_NAMES, HUSTADVIKA_FROM, LISTED_MONTHS, MONTH_WEIGHTS,
  MUNICIPALITY_WEIGHTS, NAMED_INCIDENTS, PHONE_PER_DAY, PRIORITY_WEIGHTS, TICKETS_PER_YEAR, TITLES, TYPE_WEIGHTS, type TDemoMunicipalityKey,
} from './data.js';

/** mulberry32: small, fast and good enough for demo data. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <K extends string>(weights: Record<K, number>): K => {
    const entries = Object.entries(weights) as [K, number][];
    let r = next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) if ((r -= w) < 0) return k;
    return entries[entries.length - 1]![0];
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16]!, 16) & 3) | 8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  return { next, pick, int, normal, uuid };
}

export type TGenEvent = { at: Date; kind: string; byDesk: boolean; internal: boolean; actorName: string; data: Record<string, unknown> };
export type TGenTicket = {
  id: string; municipality: TDemoMunicipalityKey; type: TTicketType; category: string; channel: TChannel; priority: TPriority;
  status: TStatus; title: string; description: string; requesterName: string; createdAt: Date; solvedAt: Date | null; closedAt: Date | null;
  events: TGenEvent[]; survey: { score: number; at: Date; comment: string | null } | null;
};
export type TGenPhoneDay = { day: string; offered: number; answered: number; meanWaitSeconds: number; meanTalkSeconds: number };

export type TGenerateOptions = { seed?: number; years?: readonly number[]; perYear?: number; horizon?: Date };

const H = 3_600_000;
const DAY_MS = 7.5 * H;
const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const isWorkday = (y: number, m: number, d: number) => {
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd !== 0 && wd !== 6 && !isNorwegianHoliday(dayNumber(y, m, d));
};

export function generateServiceDesk(options: TGenerateOptions = {}) {
  const r = prng(options.seed ?? 20231213);
  const years = options.years ?? DEMO_YEARS;
  const perYear = options.perYear ?? TICKETS_PER_YEAR;
  const horizon = options.horizon ?? zonedTime('Europe/Oslo', `${years[years.length - 1]! + 1}-01-01T00:00`);
  const policy = compilePolicy(DEFAULT_POLICY);
  const tickets: TGenTicket[] = [];
  const phone: TGenPhoneDay[] = [];
  const agents = ['Kari Kundeservice', 'Ola Kundeservice', 'Siri Support', 'Tor Teknikk'];

  for (const year of years) {
    for (let month = 1; month <= 12; month++) {
      const key = `${year}-${pad(month)}`;
      const workdays = Array.from({ length: daysIn(year, month) }, (_, i) => i + 1).filter((d) => isWorkday(year, month, d));
      const count = Math.round((perYear * MONTH_WEIGHTS[month - 1]!) / 12 * (0.95 + r.next() * 0.1));
      const municipalities = { ...MUNICIPALITY_WEIGHTS, hustadvika: key >= HUSTADVIKA_FROM ? MUNICIPALITY_WEIGHTS.hustadvika : 0 };
      const listed = LISTED_MONTHS[key] ?? [];
      for (let i = 0; i < count; i++) {
        // Mostly working days in office hours; a few at weekends or in the evening (portal, e-mail).
        const offHours = r.next() < 0.04;
        const day = offHours ? r.int(1, daysIn(year, month)) : workdays[r.int(0, workdays.length - 1)]!;
        const minute = offHours ? r.int(0, 23 * 60 + 59) : r.int(8 * 60, 15 * 60 + 20);
        const createdAt = zonedTime('Europe/Oslo', `${key}-${pad(day)}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`);
        if (createdAt >= horizon) continue;
        const category = r.pick(CATEGORY_WEIGHTS);
        const type: TTicketType = category === 'Bestillinger' ? 'tjenesteforesporsel' : r.pick(TYPE_WEIGHTS);
        let priority = r.pick(PRIORITY_WEIGHTS);
        if (listed.includes(priority) || (type !== 'feilmelding' && (priority === 'hoy' || priority === 'kritisk'))) priority = 'medium';
        const titles = TITLES[category]!;
        tickets.push(makeTicket(r, policy.sla.targets[priority].calendar, horizon, agents, {
          municipality: r.pick(municipalities), type, category, channel: r.pick(CHANNEL_WEIGHTS[year] ?? CHANNEL_WEIGHTS[2024]!), priority,
          title: titles[r.int(0, titles.length - 1)]!, createdAt,
        }));
      }
      // Phone queue: working days only.
      const p = PHONE_PER_DAY[year] ?? PHONE_PER_DAY[2024]!;
      const season = MONTH_WEIGHTS[month - 1]!;
      for (const d of workdays) {
        const dayKey = `${key}-${pad(d)}`;
        if (zonedTime('Europe/Oslo', `${dayKey}T08:00`) >= horizon) continue;
        const offered = Math.max(5, Math.round(p.calls * season * (0.8 + r.next() * 0.4)));
        // Fewer operators in the busy months answer a smaller share (seed 000: 91–93 % in July/August, 84–87 % after).
        const rate = Math.min(0.98, p.answerRate + (month === 7 ? 0.04 : 0) + (r.next() - 0.5) * 0.06);
        phone.push({ day: dayKey, offered, answered: Math.round(offered * rate), meanWaitSeconds: r.int(25, 95), meanTalkSeconds: r.int(170, 320) });
      }
    }
  }
  for (const n of NAMED_INCIDENTS) {
    const createdAt = zonedTime('Europe/Oslo', n.at);
    if (!years.includes(createdAt.getUTCFullYear()) || createdAt >= horizon) continue;
    tickets.push(makeTicket(r, policy.sla.targets[n.priority].calendar, horizon, agents, {
      municipality: n.municipality, type: 'feilmelding', category: n.category, channel: 'telefon', priority: n.priority, title: n.title, createdAt,
      solveAfterMillis: n.solvedAfterMinutes * 60_000,
    }));
  }
  tickets.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return { tickets, phone, horizon };
}

type TTicketSeed = {
  municipality: TDemoMunicipalityKey; type: TTicketType; category: string; channel: TChannel; priority: TPriority; title: string; createdAt: Date;
  solveAfterMillis?: number;
};

/** Business time to solve: minutes for Kritisk, hours for Høy, a long-tailed number of days otherwise. */
function solveTime(r: ReturnType<typeof prng>, t: TTicketSeed): number {
  if (t.solveAfterMillis !== undefined) return t.solveAfterMillis;
  if (t.priority === 'kritisk') return (r.next() < 0.9 ? r.int(30, 115) : r.int(125, 300)) * 60_000;
  if (t.priority === 'hoy') return (r.next() < 0.75 ? r.int(30, 235) : r.int(245, 900)) * 60_000;
  // A few cases wait for weeks (orders, supplier issues): the backlog the papers report.
  if (r.next() < 0.05) return r.int(10, 90) * DAY_MS;
  const median = (t.priority === 'lav' ? 2.5 : 1.2) * (t.type === 'tjenesteforesporsel' ? 1.6 : 1);
  return Math.max(10 * 60_000, Math.exp(Math.log(median) + 1.0 * r.normal()) * DAY_MS);
}

function makeTicket(r: ReturnType<typeof prng>, calendar: Calendar, horizon: Date, agents: string[], t: TTicketSeed): TGenTicket {
  const agent = agents[r.int(0, agents.length - 1)]!;
  const requesterName = `${GIVEN_NAMES[r.int(0, GIVEN_NAMES.length - 1)]} ${FAMILY_NAMES[r.int(0, FAMILY_NAMES.length - 1)]}`;
  const desk = (at: Date, kind: string, data: Record<string, unknown>, internal = false): TGenEvent => ({ at, kind, byDesk: true, internal, actorName: agent, data });
  const onCall = t.channel === 'telefon' || t.channel === 'oppmote';
  const events: TGenEvent[] = [{
    at: t.createdAt, kind: 'created', byDesk: onCall, internal: false, actorName: onCall ? agent : requesterName,
    data: { priority: t.priority, status: 'ny', channel: t.channel, respondedAtCreation: onCall },
  }];
  const total = solveTime(r, t);
  // First response: an agent picks the case up; on the phone that happened in the call.
  const pickUp = Math.min(total / 2, onCall ? 0 : r.int(5, t.priority === 'kritisk' ? 20 : 180) * 60_000);
  let clock = addBusinessTime(calendar, t.createdAt, pickUp);
  let status: TStatus = 'ny';
  let used = pickUp;
  const push = (e: TGenEvent) => { if (e.at < horizon) events.push(e); };
  if (clock < horizon) {
    if (!onCall) push(desk(clock, 'reply', { text: 'Takk for henvendelsen, vi ser på saken.' }));
    push(desk(clock, 'status', { from: 'ny', to: 'under_arbeid' }));
    if (clock < horizon) status = 'under_arbeid';
  }
  // About one in eight waits for the user for a while; the clock pauses.
  if (t.priority !== 'kritisk' && r.next() < 0.12 && clock < horizon) {
    const before = total * 0.3;
    const askAt = addBusinessTime(calendar, clock, before - used);
    used = before;
    const answerAt = new Date(askAt.getTime() + r.int(2, 72) * H);
    push(desk(askAt, 'status', { from: 'under_arbeid', to: 'venter_bruker' }));
    if (askAt < horizon) status = 'venter_bruker';
    if (answerAt < horizon) {
      events.push({ at: answerAt, kind: 'reply', byDesk: false, internal: false, actorName: requesterName, data: { text: 'Her er svaret.' } });
      push(desk(answerAt, 'status', { from: 'venter_bruker', to: 'under_arbeid' }));
      status = 'under_arbeid';
    }
    clock = answerAt;
  }
  let solvedAt: Date | null = null;
  let closedAt: Date | null = null;
  const solveAt = addBusinessTime(calendar, clock, Math.max(0, total - used));
  if (status === 'under_arbeid' && solveAt < horizon) {
    solvedAt = solveAt;
    push(desk(solveAt, 'status', { from: 'under_arbeid', to: 'lost' }));
    status = 'lost';
    const closeAt = new Date(solveAt.getTime() + r.int(20, 120) * H);
    if (closeAt < horizon) {
      closedAt = closeAt;
      push({ at: closeAt, kind: 'status', byDesk: true, internal: false, actorName: 'system', data: { from: 'lost', to: 'lukket' } });
      status = 'lukket';
    }
  }
  let survey: TGenTicket['survey'] = null;
  if (solvedAt && t.channel === 'portal' && r.next() < 0.15) {
    const at = new Date(solvedAt.getTime() + r.int(1, 48) * H);
    if (at < horizon) {
      const score = Number(r.pick({ 1: 3, 2: 5, 3: 12, 4: 35, 5: 45 }));
      survey = { score, at, comment: score <= 2 ? 'Tok for lang tid.' : score === 5 ? 'Rask og god hjelp!' : null };
      events.push({ at, kind: 'survey', byDesk: false, internal: false, actorName: requesterName, data: { score } });
    }
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    id: r.uuid(), municipality: t.municipality, type: t.type, category: t.category, channel: t.channel, priority: t.priority, status,
    title: t.title, description: `${t.title}. Meldt inn via ${t.channel}.`, requesterName, createdAt: t.createdAt, solvedAt, closedAt, events, survey,
  };
}
