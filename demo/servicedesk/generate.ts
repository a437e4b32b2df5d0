// Generates ROR-IKT's service-desk history (demo/servicedesk/data.ts) from a seeded PRNG, so the same
// seed always gives the same tickets, events, surveys and phone days. Pure: no database; load.ts writes
// the result in batches. Times are real Oslo times: cases arrive on working days in office hours, and
// solving takes business time on the SLA calendar of the priority, so the SLA the desk computes from
// the events comes out as the generator meant it.
//
// Each month draws from its own stream (seed and month), and every ticket draws the same amount whatever
// happens to it, so a month comes out the same whichever years are generated and wherever the horizon
// lies: the tests can load 2022–2023 and see the 2023 the full demo shows.
import { addBusinessTime, zonedTime, type Calendar } from '../../src/modules/servicedesk/sla/calendar.js';
import type { TChannel, TPriority, TStatus, TTicketType } from '../../src/modules/servicedesk/vocabulary.js';
import type { TTicketEventBody } from '../../src/modules/servicedesk/model.js';
import { dayNumber, isNorwegianHoliday } from '../../src/modules/servicedesk/sla/holidays.js';
import { compilePolicy, DEMO_POLICY } from '../../src/modules/servicedesk/desk-rules.js';
import {
  CATEGORY_WEIGHTS, CHANNEL_WEIGHTS, DEMO_YEARS, FAMILY_NAMES, GIVEN_NAMES, HOY_MODEL, HUSTADVIKA_FROM, KRITISK_MINUTES, LISTED_MONTHS,
  MONTH_WEIGHTS, MUNICIPALITY_WEIGHTS, NAMED_INCIDENTS, OUTAGE_CATEGORY_WEIGHTS, OUTAGE_TITLES, PHONE_MONTHS, PHONE_PERIODS, PHONE_WAIT,
  PORTAL_USER, PRIORITY_WEIGHTS, SITES, SOLVE_DAYS, TICKETS_PER_YEAR, TITLES, TYPE_WEIGHTS, WAIT_FOR_SUPPLIER, WAIT_FOR_USER,
  type TDemoMunicipalityKey,
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
type TRandom = ReturnType<typeof prng>;

/** A stream of its own for one part of the history (a month, the named incidents, the portal user). */
const stream = (seed: number, part: number) => prng((Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(part, 0x85ebca6b)) >>> 0);

/** A history entry the generator makes: one of the history's kinds with its payload (servicedesk/model.ts). */
export type TGenEvent = TTicketEventBody & { at: Date; byDesk: boolean; internal: boolean; actorName: string };
export type TGenTicket = {
  id: string; municipality: TDemoMunicipalityKey; type: TTicketType; category: string; channel: TChannel; priority: TPriority;
  status: TStatus; title: string; description: string; requesterName: string; createdAt: Date; solvedAt: Date | null; closedAt: Date | null;
  events: TGenEvent[]; survey: { score: number; at: Date; comment: string | null } | null;
  /** The demo account that asked (PORTAL_USER's e-mail), for "Mine saker"; null for everybody else. */
  requesterEmail: string | null;
};
/**
 * A day of one municipality's phone queue, as a telephony export with a municipality column gives it
 * (decision 0044): the day's calls shared among the members by their weights, so the queue's totals are
 * the papers' figures and each municipality's key figures have calls of their own.
 */
export type TGenPhoneDay = {
  day: string; municipality: TDemoMunicipalityKey; offered: number; answered: number; meanWaitSeconds: number; meanTalkSeconds: number;
};

export type TGenerateOptions = { seed?: number; years?: readonly number[]; perYear?: number; horizon?: Date };

const H = 3_600_000;
const DAY_MS = 7.5 * H;
const TZ = 'Europe/Oslo';
const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const isWorkday = (y: number, m: number, d: number) => {
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd !== 0 && wd !== 6 && !isNorwegianHoliday(dayNumber(y, m, d));
};
const lerp = (range: readonly [number, number], u: number) => range[0] + (range[1] - range[0]) * u;
/** The normal quantile, closely enough for spreading a handful of cases (Tukey's lambda approximation). */
const probit = (u: number) => 4.91 * (u ** 0.14 - (1 - u) ** 0.14);

export function generateServiceDesk(options: TGenerateOptions = {}) {
  const seed = options.seed ?? 20231213;
  const years = options.years ?? DEMO_YEARS;
  const perYear = options.perYear ?? TICKETS_PER_YEAR;
  const horizon = options.horizon ?? zonedTime(TZ, `${years[years.length - 1]! + 1}-01-01T00:00`);
  const policy = compilePolicy(DEMO_POLICY);
  const calendarOf = (p: TPriority) => policy.sla.targets[p].calendar;
  const tickets: TGenTicket[] = [];
  const phone: TGenPhoneDay[] = [];
  const agents = ['Kari Kundeservice', 'Ola Kundeservice', 'Siri Support', 'Tor Teknikk'];
  const keep = (t: TGenTicket) => { if (t.createdAt < horizon) tickets.push(t); };

  for (const year of years) {
    for (let month = 1; month <= 12; month++) {
      const r = stream(seed, year * 100 + month);
      const key = `${year}-${pad(month)}`;
      const workdays = Array.from({ length: daysIn(year, month) }, (_, i) => i + 1).filter((d) => isWorkday(year, month, d));
      const count = Math.round((perYear * MONTH_WEIGHTS[month - 1]!) / 12 * (0.95 + r.next() * 0.1));
      const municipalities = { ...MUNICIPALITY_WEIGHTS, hustadvika: key >= HUSTADVIKA_FROM ? MUNICIPALITY_WEIGHTS.hustadvika : 0 };
      const listed = LISTED_MONTHS[key] ?? [];
      // Høy cases of the month take evenly spread quantiles of the fast/slow mix (a low-discrepancy walk).
      let hoyQuantile = r.next();
      for (let i = 0; i < count; i++) {
        // Mostly working days in office hours; a few at weekends or in the evening (portal, e-mail).
        const offHours = r.next() < 0.04;
        const dayDraw = r.next();
        const day = offHours ? 1 + Math.floor(dayDraw * daysIn(year, month)) : workdays[Math.floor(dayDraw * workdays.length)]!;
        const minute = offHours ? r.int(0, 23 * 60 + 59) : r.int(8 * 60, 15 * 60 + 20);
        const createdAt = zonedTime(TZ, `${key}-${pad(day)}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`);
        let category = r.pick(CATEGORY_WEIGHTS);
        const typeDraw = r.pick(TYPE_WEIGHTS);
        const type: TTicketType = category === 'Bestillinger' ? 'tjenesteforesporsel' : typeDraw;
        let priority = r.pick(PRIORITY_WEIGHTS[type === 'feilmelding' ? 'incident' : 'other']);
        if (listed.includes(priority)) priority = 'medium';
        const municipality = r.pick(municipalities);
        let channel = r.pick(CHANNEL_WEIGHTS[year] ?? CHANNEL_WEIGHTS[2024]!);
        // Critical and high cases are outages, reported by phone (the phone policy), with outage titles.
        const outageCategory = r.pick(OUTAGE_CATEGORY_WEIGHTS);
        const titleDraw = r.next();
        const site = SITES[municipality][Math.floor(r.next() * SITES[municipality].length)]!;
        const byPhone = r.next();
        let title: string;
        if (priority === 'kritisk' || priority === 'hoy') {
          category = outageCategory;
          const list = OUTAGE_TITLES[priority][category]!;
          title = list[Math.floor(titleDraw * list.length)]!.replace('{sted}', site);
          if (priority === 'kritisk' || byPhone < 0.7) channel = 'telefon';
        } else {
          const list = TITLES[category]!;
          title = list[Math.floor(titleDraw * list.length)]!;
        }
        let quantile: number | undefined;
        if (priority === 'hoy') {
          quantile = hoyQuantile;
          hoyQuantile = (hoyQuantile + 0.6180339887) % 1;
        }
        keep(makeTicket(r, calendarOf(priority), horizon, agents, { municipality, type, category, channel, priority, title, createdAt, hoyQuantile: quantile }));
      }
      phoneMonth(r, key, month, workdays, horizon, phone, municipalities);
    }
  }
  const named = stream(seed, 1);
  for (const n of NAMED_INCIDENTS) {
    const createdAt = zonedTime(TZ, n.at);
    const ticket = makeTicket(named, calendarOf(n.priority), horizon, agents, {
      municipality: n.municipality, type: 'feilmelding', category: n.category, channel: 'telefon', priority: n.priority, title: n.title, createdAt,
      force: { solveMillis: n.solvedAfterMinutes * 60_000, waitUser: null, supplierDays: null },
    });
    if (years.includes(Number(n.at.slice(0, 4)))) keep(ticket);
  }
  for (const t of portalUserTickets(stream(seed, 2), horizon, agents, calendarOf('medium'))) keep(t);
  tickets.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return { tickets, phone, horizon };
}

/** The month's daily phone-queue rows (working days only), calibrated to the papers' months. */
function phoneMonth(
  r: TRandom, key: string, month: number, workdays: number[], horizon: Date, phone: TGenPhoneDay[],
  municipalities: Record<TDemoMunicipalityKey, number>,
) {
  // Only the members of the month take calls; no draw from the stream, so the tickets stay as they were.
  const members = (Object.entries(municipalities) as [TDemoMunicipalityKey, number][]).filter(([, w]) => w > 0);
  const period = [...PHONE_PERIODS].reverse().find((p) => p.from <= key) ?? PHONE_PERIODS[0]!;
  const anchor = PHONE_MONTHS[key];
  const season = 1 + (MONTH_WEIGHTS[month - 1]! - 1) / 2;
  const days = workdays.map((d) => ({ d, load: 0.8 + r.next() * 0.4, rate: (r.next() - 0.5) * 0.06, wait: (r.next() - 0.5) * 20, talk: r.int(170, 320) }));
  let offered = days.map((x) => Math.max(5, Math.round(period.calls * season * x.load)));
  if (anchor?.calls) {
    // The month's total as the paper prints it, spread over the days by their load (largest remainder).
    const sum = days.reduce((s, x) => s + x.load, 0);
    const exact = days.map((x) => (anchor.calls! * x.load) / sum);
    offered = exact.map(Math.floor);
    const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
    const short = anchor.calls - offered.reduce((s, n) => s + n, 0);
    for (let k = 0; k < short; k++) offered[order[k]![1]]! += 1;
  }
  const rate = anchor?.answerRate ?? period.answerRate;
  days.forEach((x, i) => {
    const dayKey = `${key}-${pad(x.d)}`;
    if (zonedTime(TZ, `${dayKey}T08:00`) >= horizon) return;
    const dayRate = Math.min(0.99, Math.max(0.6, rate + x.rate));
    const answered = Math.round(offered[i]! * dayRate);
    const meanWaitSeconds = Math.max(5, Math.round(PHONE_WAIT.baseSeconds + PHONE_WAIT.perMissedShare * (1 - dayRate) + x.wait));
    // Each municipality's share of the day's calls, and of those answered in proportion to its calls, so
    // no municipality has more answered than offered; the wait and talk times are the queue's.
    const offeredParts = shareByWeights(offered[i]!, members.map(([, w]) => w));
    const answeredParts = shareByWeights(answered, offeredParts);
    members.forEach(([municipality], k) => {
      phone.push({ day: dayKey, municipality, offered: offeredParts[k]!, answered: answeredParts[k]!, meanWaitSeconds, meanTalkSeconds: x.talk });
    });
  });
}

/** `total` shared by the weights in whole numbers that add up to it (largest remainder, ties in order). */
export function shareByWeights(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (!sum) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const short = total - parts.reduce((s, n) => s + n, 0);
  for (let k = 0; k < short; k++) parts[order[k]![1]]! += 1;
  return parts;
}

type TForce = {
  solveMillis?: number; pickUpMinutes?: number;
  /** Ask the user after this share of the work; they answer after `hours` (past the horizon = still waiting). */
  waitUser?: { share: number; hours: number } | null;
  supplierDays?: number | null;
  closeAfterHours?: number;
  survey?: { score: number; comment: string | null } | null;
};
type TTicketSeed = {
  municipality: TDemoMunicipalityKey; type: TTicketType; category: string; channel: TChannel; priority: TPriority; title: string; createdAt: Date;
  hoyQuantile?: number; requester?: { name: string; email: string }; force?: TForce;
};

/**
 * Business time to solve on the priority's calendar: minutes for Kritisk (solved on the call), the
 * fast/slow mix for Høy, a log-normal body with a tail of weeks otherwise. Always draws four numbers.
 */
function solveTime(r: TRandom, t: TTicketSeed): number {
  const [u1, u2, n] = [r.next(), r.next(), r.normal()];
  if (t.priority === 'kritisk') return lerp(KRITISK_MINUTES, u1 * u1) * 60_000;
  if (t.priority === 'hoy') {
    const q = t.hoyQuantile ?? u1;
    if (q < HOY_MODEL.fastShare) return lerp(HOY_MODEL.fastMinutes, q / HOY_MODEL.fastShare) * 60_000;
    const u = Math.min(0.98, Math.max(0.02, (q - HOY_MODEL.fastShare) / (1 - HOY_MODEL.fastShare)));
    return Math.min(HOY_MODEL.slowMaxHours, HOY_MODEL.slowMedianHours * Math.exp(HOY_MODEL.slowSigma * probit(u))) * H;
  }
  const m = SOLVE_DAYS[t.type][t.priority];
  if (u1 < m.tail) return lerp(m.tailDays, u2) * DAY_MS;
  return Math.min(m.tailDays[1], Math.max(10 / 450, Math.exp(Math.log(m.median) + m.sigma * n))) * DAY_MS;
}

function makeTicket(r: TRandom, calendar: Calendar, horizon: Date, agents: string[], t: TTicketSeed): TGenTicket {
  // Every draw first, the same number for every ticket, so nothing later depends on the horizon.
  const agent = agents[r.int(0, agents.length - 1)]!;
  const drawnName = `${GIVEN_NAMES[r.int(0, GIVEN_NAMES.length - 1)]} ${FAMILY_NAMES[r.int(0, FAMILY_NAMES.length - 1)]}`;
  const requesterName = t.requester?.name ?? drawnName;
  const drawnTotal = solveTime(r, t);
  const pickUpMinutes = r.int(5, t.priority === 'kritisk' ? 20 : 180);
  const askDraw = r.next();
  const answerHours = r.int(WAIT_FOR_USER.hours[0], WAIT_FOR_USER.hours[1]);
  const supplierDraw = r.next();
  const drawnSupplierDays = Math.min(WAIT_FOR_SUPPLIER.maxDays, Math.max(3, WAIT_FOR_SUPPLIER.medianDays * Math.exp(WAIT_FOR_SUPPLIER.sigma * r.normal())));
  const drawnCloseHours = r.int(20, 120);
  const surveyDraw = r.next();
  const surveyScore = Number(r.pick({ 1: 3, 2: 5, 3: 12, 4: 35, 5: 45 }));
  const surveyHours = r.int(1, 48);
  const id = r.uuid();

  const f = t.force ?? {};
  const total = f.solveMillis ?? drawnTotal;
  const ordinary = t.priority === 'lav' || t.priority === 'medium';
  const waitUser = f.waitUser !== undefined ? f.waitUser
    : t.priority !== 'kritisk' && askDraw < WAIT_FOR_USER.share ? { share: 0.3, hours: answerHours } : null;
  const supplierShare = t.category === 'Bestillinger' ? WAIT_FOR_SUPPLIER.share.Bestillinger : WAIT_FOR_SUPPLIER.share[t.type];
  const supplierDays = f.supplierDays !== undefined ? f.supplierDays : ordinary && supplierDraw < supplierShare ? drawnSupplierDays : null;

  const desk = (at: Date, body: TTicketEventBody, internal = false): TGenEvent => ({ at, ...body, byDesk: true, internal, actorName: agent });
  const onCall = t.channel === 'telefon' || t.channel === 'oppmote';
  const events: TGenEvent[] = [{
    at: t.createdAt, kind: 'created', byDesk: onCall, internal: false, actorName: onCall ? agent : requesterName,
    data: { priority: t.priority, status: 'ny', channel: t.channel, respondedAtCreation: onCall },
  }];
  const push = (e: TGenEvent) => { if (e.at < horizon) events.push(e); };
  let status: TStatus = 'ny';
  const setStatus = (at: Date, to: TStatus, by: 'desk' | 'system' = 'desk') => {
    push(by === 'desk' ? desk(at, { kind: 'status', data: { from: status, to } }) : { at, kind: 'status', byDesk: true, internal: false, actorName: 'system', data: { from: status, to } });
    if (at < horizon) status = to;
  };

  // First response: an agent picks the case up; on the phone that happened in the call.
  const pickUp = Math.min(total / 2, onCall ? 0 : (f.pickUpMinutes ?? pickUpMinutes) * 60_000);
  let clock = addBusinessTime(calendar, t.createdAt, pickUp);
  let used = pickUp;
  if (!onCall) push(desk(clock, { kind: 'reply', data: { text: 'Takk for henvendelsen, vi ser på saken.' } }));
  setStatus(clock, 'under_arbeid');
  // A wait pauses the clock: work up to a share of the total, wait (wall time), go on.
  const pauseAt = (share: number) => {
    const at = addBusinessTime(calendar, clock, Math.max(0, total * share - used));
    used = Math.max(used, total * share);
    return at;
  };
  if (waitUser) {
    const askAt = pauseAt(waitUser.share);
    push(desk(askAt, { kind: 'reply', data: { text: 'Kan du sende oss et skjermbilde av feilmeldingen og si når den oppstår?' } }));
    setStatus(askAt, 'venter_bruker');
    const answerAt = new Date(askAt.getTime() + waitUser.hours * H);
    push({ at: answerAt, kind: 'reply', byDesk: false, internal: false, actorName: requesterName, data: { text: 'Her er skjermbildet. Det skjer hver morgen.' } });
    setStatus(answerAt, 'under_arbeid');
    clock = answerAt;
  }
  if (supplierDays !== null) {
    const orderAt = pauseAt(0.5);
    setStatus(orderAt, 'venter_leverandor');
    const deliveredAt = new Date(orderAt.getTime() + supplierDays * 24 * H);
    setStatus(deliveredAt, 'under_arbeid');
    clock = deliveredAt;
  }
  let solvedAt: Date | null = null;
  let closedAt: Date | null = null;
  const solveAt = addBusinessTime(calendar, clock, Math.max(0, total - used));
  if (solveAt < horizon) {
    solvedAt = solveAt;
    setStatus(solveAt, 'lost');
    const closeAt = new Date(solveAt.getTime() + (f.closeAfterHours ?? drawnCloseHours) * H);
    if (closeAt < horizon) {
      closedAt = closeAt;
      setStatus(closeAt, 'lukket', 'system');
    }
  }
  let survey: TGenTicket['survey'] = null;
  const answersSurvey = f.survey !== undefined ? f.survey !== null : t.channel === 'portal' && surveyDraw < 0.15;
  if (solvedAt && answersSurvey) {
    const at = new Date(solvedAt.getTime() + surveyHours * H);
    if (at < horizon) {
      const score = f.survey?.score ?? surveyScore;
      const comment = f.survey ? f.survey.comment : score <= 2 ? 'Tok for lang tid.' : score === 5 ? 'Rask og god hjelp!' : null;
      survey = { score, at, comment };
      events.push({ at, kind: 'survey', byDesk: false, internal: false, actorName: requesterName, data: { score } });
    }
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    id, municipality: t.municipality, type: t.type, category: t.category, channel: t.channel, priority: t.priority, status,
    title: t.title, description: `${t.title}. Meldt inn via ${t.channel}.`, requesterName, createdAt: t.createdAt, solvedAt, closedAt, events, survey,
    requesterEmail: t.requester?.email ?? null,
  };
}

/** The working day `back` working days before the horizon's date (1 = the last one), at an Oslo time. */
function workdayBefore(horizon: Date, back: number, time: string): Date {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(horizon).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  for (let left = back; ;) {
    day.setUTCDate(day.getUTCDate() - 1);
    if (isWorkday(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()) && --left === 0) break;
  }
  return zonedTime(TZ, `${day.toISOString().slice(0, 10)}T${time}`);
}

/**
 * The demo portal user's own recent cases, one in each state the portal shows: new, in progress,
 * waiting for them, waiting for a supplier, solved awaiting their confirmation, and closed with their
 * survey answer. Placed just before the horizon, so "Mine saker" has something current.
 */
function portalUserTickets(r: TRandom, horizon: Date, agents: string[], calendar: Calendar): TGenTicket[] {
  const requester = { name: PORTAL_USER.name, email: PORTAL_USER.email };
  const never = 24 * 365 * 10;
  const base = { municipality: 'molde' as const, channel: 'portal' as const, priority: 'medium' as const, requester };
  const cases: (Omit<TTicketSeed, 'municipality' | 'channel' | 'priority' | 'requester'> & { priority?: TPriority })[] = [
    { type: 'feilmelding', category: 'Skrivere/multimaskiner', title: 'Skriveren på kontoret skriver ut blanke ark', createdAt: workdayBefore(horizon, 1, '16:10'),
      force: { solveMillis: 2 * DAY_MS, waitUser: null, supplierDays: null } },
    { type: 'feilmelding', category: 'Standardapplikasjoner', title: 'Outlook ber om passord hele tiden', createdAt: workdayBefore(horizon, 2, '10:15'),
      force: { solveMillis: 12 * DAY_MS, waitUser: null, supplierDays: null } },
    { type: 'feilmelding', category: 'Fagapplikasjoner', title: 'Gerica viser feil vaktliste', createdAt: workdayBefore(horizon, 4, '09:30'),
      force: { solveMillis: 3 * DAY_MS, pickUpMinutes: 40, waitUser: { share: 0.2, hours: never }, supplierDays: null } },
    { type: 'tjenesteforesporsel', category: 'Bestillinger', title: 'Bestilling av ekstra skjerm', createdAt: workdayBefore(horizon, 8, '11:00'), priority: 'lav',
      force: { solveMillis: 1 * DAY_MS, waitUser: null, supplierDays: 40 } },
    { type: 'feilmelding', category: 'Maskiner og utstyr', title: 'Dokkingstasjonen lader ikke PC-en', createdAt: workdayBefore(horizon, 5, '13:00'),
      force: { solveMillis: 1.5 * DAY_MS, waitUser: null, supplierDays: null, closeAfterHours: never, survey: null } },
    { type: 'tjenesteforesporsel', category: 'Ansattadministrasjon', title: 'Tilgang til økonomimappen', createdAt: workdayBefore(horizon, 15, '08:45'),
      force: { solveMillis: 0.8 * DAY_MS, waitUser: null, supplierDays: null, closeAfterHours: 30, survey: { score: 5, comment: 'Rask og god hjelp, takk!' } } },
    { type: 'feilmelding', category: 'Maskiner og utstyr', title: 'PC-en er treg etter oppdatering', createdAt: workdayBefore(horizon, 30, '14:20'),
      force: { solveMillis: 2.5 * DAY_MS, waitUser: null, supplierDays: null, closeAfterHours: 48, survey: { score: 4, comment: 'Løst, men det tok noen dager.' } } },
  ];
  return cases.map((c) => makeTicket(r, calendar, horizon, agents, { ...base, ...c, priority: c.priority ?? 'medium' }));
}
