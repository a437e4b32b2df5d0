// computeSlaState: hand-computed cases (the arithmetic is in the comments), then the rules one by one:
// weekend, Easter, pause across midnight, reopen, priority change, both DST changes, first response.
import { describe, expect, it } from 'vitest';
import { ALWAYS_CALENDAR, DEMO_BUSINESS_CALENDAR, compileCalendar, zonedTime } from './calendar.js';
import { computeSlaState, durationMillis, type TSlaEvent, type TSlaPolicy } from './sla.js';

const H = 3_600_000;
const M = 60_000;
const oslo = (iso: string) => zonedTime('Europe/Oslo', iso);
const business = compileCalendar(DEMO_BUSINESS_CALENDAR);
const always = compileCalendar(ALWAYS_CALENDAR);

// The demo policy: resolution Lav 5 days, Medium 3 days (a day = 7 h 30 min of business time), Høy 4 h
// on business hours, Kritisk 2 h on 24/7.
const policy: TSlaPolicy = {
  pausedStatuses: ['venter_bruker', 'venter_leverandor'],
  targets: {
    lav: { firstResponseMillis: durationMillis({ value: 1, unit: 'days' }, business), resolutionMillis: durationMillis({ value: 5, unit: 'days' }, business), calendar: business },
    medium: { firstResponseMillis: 4 * H, resolutionMillis: durationMillis({ value: 3, unit: 'days' }, business), calendar: business },
    hoy: { firstResponseMillis: H, resolutionMillis: 4 * H, calendar: business },
    kritisk: { firstResponseMillis: 30 * M, resolutionMillis: 2 * H, calendar: always },
  },
};

const created = (at: string, priority: 'lav' | 'medium' | 'hoy' | 'kritisk', extra: Partial<Extract<TSlaEvent, { kind: 'created' }>> = {}): TSlaEvent =>
  ({ kind: 'created', at: oslo(at), priority, ...extra });
const status = (at: string, s: Extract<TSlaEvent, { kind: 'status' }>['status']): TSlaEvent => ({ kind: 'status', at: oslo(at), status: s });
const prio = (at: string, p: 'lav' | 'medium' | 'hoy' | 'kritisk'): TSlaEvent => ({ kind: 'priority', at: oslo(at), priority: p });
const reply = (at: string): TSlaEvent => ({ kind: 'response', at: oslo(at) });

describe('hand-computed cases', () => {
  it('1: Høy over a weekend', () => {
    // Created Fri 10 Jan 2025 14:00. Target 4 h business.
    // Fri 14:00–15:30 uses 1 h 30 min; 2 h 30 min remain; Mon 13 Jan 08:00 + 2 h 30 min = 10:30.
    const events = [created('2025-01-10T14:00', 'hoy')];
    const s = computeSlaState(events, policy, oslo('2025-01-11T12:00'));
    expect(s.resolution.elapsedMillis).toBe(1.5 * H);
    expect(s.resolution.remainingMillis).toBe(2.5 * H);
    expect(s.resolution.dueAt).toEqual(oslo('2025-01-13T10:30'));
    // At Mon 11:00: 1 h 30 min + 3 h = 4 h 30 min used, breached 30 min ago at 10:30.
    const later = computeSlaState(events, policy, oslo('2025-01-13T11:00'));
    expect(later.resolution).toMatchObject({ elapsedMillis: 4.5 * H, remainingMillis: -0.5 * H, breached: true, breachedAt: oslo('2025-01-13T10:30') });
  });

  it('2: Medium across Easter 2025', () => {
    // Target 3 days × 7 h 30 min = 22 h 30 min. Created Wed 16 April 2025 10:00.
    // Wed 10:00–15:30 = 5 h 30 min (17 h left). Thu 17 (skjærtorsdag), Fri 18 (langfredag), Sat, Sun 20
    // (1. påskedag) and Mon 21 (2. påskedag) are closed. Tue 22 = 7 h 30 min (9 h 30 min left),
    // Wed 23 = 7 h 30 min (2 h left), Thu 24 08:00 + 2 h = 10:00.
    const s = computeSlaState([created('2025-04-16T10:00', 'medium')], policy, oslo('2025-04-18T12:00'));
    expect(s.resolution.elapsedMillis).toBe(5.5 * H);
    expect(s.resolution.dueAt).toEqual(oslo('2025-04-24T10:00'));
  });

  it('3: Høy paused across midnight', () => {
    // Created Mon 3 Feb 2025 13:00; waits for the user from 15:00 (2 h used) until Tue 09:00.
    // The pause covers Mon 15:00–15:30 and Tue 08:00–09:00, which do not count.
    // At Tue 10:00: 2 h + (09:00–10:00) 1 h = 3 h used, 1 h left, due Tue 11:00.
    // Without the pause it would have been due Tue 09:30 (Mon 2 h 30 min + Tue 1 h 30 min).
    const events = [created('2025-02-03T13:00', 'hoy'), status('2025-02-03T13:05', 'under_arbeid'),
      status('2025-02-03T15:00', 'venter_bruker'), status('2025-02-04T09:00', 'under_arbeid')];
    const during = computeSlaState(events, policy, oslo('2025-02-03T23:59'));
    expect(during.resolution).toMatchObject({ elapsedMillis: 2 * H, paused: true, running: false, dueAt: null, breached: false });
    const s = computeSlaState(events, policy, oslo('2025-02-04T10:00'));
    expect(s.resolution).toMatchObject({ elapsedMillis: 3 * H, remainingMillis: H, running: true, dueAt: oslo('2025-02-04T11:00') });
  });

  it('4: Medium solved, reopened, solved again', () => {
    // Target 22 h 30 min. Created Mon 3 March 2025 08:00, solved Mon 12:00: 4 h used, clock stopped.
    // Reopened Wed 5 March 10:00: 18 h 30 min left. Wed 10:00–15:30 = 5 h 30 min (13 h left),
    // Thu 7 h 30 min (5 h 30 min left), Fri 08:00 + 5 h 30 min = 13:30.
    // Solved again Thu 6 March 15:00: 4 h + 5 h 30 min + 7 h (08:00–15:00) = 16 h 30 min → met.
    const events = [created('2025-03-03T08:00', 'medium'), status('2025-03-03T12:00', 'lost')];
    const solved = computeSlaState(events, policy, oslo('2025-03-04T12:00'));
    expect(solved.resolution).toMatchObject({ elapsedMillis: 4 * H, running: false, met: true, stoppedAt: oslo('2025-03-03T12:00'), dueAt: null });
    events.push(status('2025-03-05T10:00', 'under_arbeid'));
    const reopened = computeSlaState(events, policy, oslo('2025-03-05T10:00'));
    expect(reopened.resolution).toMatchObject({ elapsedMillis: 4 * H, running: true, met: null, stoppedAt: null, dueAt: oslo('2025-03-07T13:30') });
    events.push(status('2025-03-06T15:00', 'lost'));
    const again = computeSlaState(events, policy, oslo('2025-03-10T12:00'));
    expect(again.resolution).toMatchObject({ elapsedMillis: 16.5 * H, met: true, stoppedAt: oslo('2025-03-06T15:00') });
  });

  it('5: Lav raised to Høy mid-flight: the Høy target applies from creation', () => {
    // Created Lav Mon 3 March 2025 09:00 (target 37 h 30 min); raised to Høy at 11:00 (4 h).
    // Counted from creation: due 09:00 + 4 h = 13:00. At 14:00: 5 h used, breached at 13:00.
    const events = [created('2025-03-03T09:00', 'lav'), prio('2025-03-03T11:00', 'hoy')];
    const before = computeSlaState(events, policy, oslo('2025-03-03T10:59'));
    expect(before.priority).toBe('lav');
    expect(before.resolution.targetMillis).toBe(37.5 * H);
    const s = computeSlaState(events, policy, oslo('2025-03-03T14:00'));
    expect(s.priority).toBe('hoy');
    expect(s.resolution).toMatchObject({ targetMillis: 4 * H, elapsedMillis: 5 * H, breached: true, breachedAt: oslo('2025-03-03T13:00') });
  });

  it('6: Medium over Christmas with half days', () => {
    // Target 22 h 30 min. Created Tue 23 Dec 2025 14:00: Tue 1 h 30 min (21 h left); Wed 24 julaften
    // 08:00–12:00 = 4 h (17 h left); 25, 26 Dec and the weekend closed; Mon 29 and Tue 30 = 15 h (2 h left);
    // Wed 31 nyttårsaften 08:00 + 2 h = 10:00.
    const s = computeSlaState([created('2025-12-23T14:00', 'medium')], policy, oslo('2025-12-23T14:00'));
    expect(s.resolution.dueAt).toEqual(oslo('2025-12-31T10:00'));
  });
});

describe('daylight saving time', () => {
  it('spring: Høy over the weekend of 30 March 2025', () => {
    // Created Fri 28 March 14:00 CET (13:00Z): 1 h 30 min Friday; Mon 31 March 08:00 CEST (06:00Z)
    // + 2 h 30 min = 10:30 CEST = 08:30Z.
    const s = computeSlaState([created('2025-03-28T14:00', 'hoy')], policy, oslo('2025-03-29T10:00'));
    expect(s.resolution.dueAt!.toISOString()).toBe('2025-03-31T08:30:00.000Z');
  });

  it('spring: Kritisk on 24/7 through the lost hour', () => {
    // Created Sun 30 March 01:30 CET (00:30Z); 2 real hours later is 02:30Z = 04:30 CEST on the wall.
    const s = computeSlaState([created('2025-03-30T01:30', 'kritisk')], policy, oslo('2025-03-30T01:45'));
    expect(s.resolution.dueAt!.toISOString()).toBe('2025-03-30T02:30:00.000Z');
    expect(s.resolution.dueAt).toEqual(oslo('2025-03-30T04:30'));
  });

  it('autumn: Høy over the weekend of 26 October 2025', () => {
    // Created Fri 24 Oct 14:00 CEST (12:00Z): 1 h 30 min Friday; Mon 27 Oct 08:00 CET (07:00Z) + 2 h 30 min
    // = 10:30 CET = 09:30Z.
    const s = computeSlaState([created('2025-10-24T14:00', 'hoy')], policy, oslo('2025-10-25T10:00'));
    expect(s.resolution.dueAt!.toISOString()).toBe('2025-10-27T09:30:00.000Z');
  });

  it('autumn: Kritisk on 24/7 through the repeated hour', () => {
    // Created Sun 26 Oct 01:30 CEST (25 Oct 23:30Z); + 2 h = 01:30Z = 02:30 CET, the second 02:30 of the night.
    const s = computeSlaState([created('2025-10-26T01:30', 'kritisk')], policy, oslo('2025-10-26T01:31'));
    expect(s.resolution.dueAt!.toISOString()).toBe('2025-10-26T01:30:00.000Z');
  });
});

describe('the rules', () => {
  it('pauses a Kritisk 24/7 clock across midnight while waiting for a supplier', () => {
    // Created Mon 3 Feb 22:00; waits 23:00 → Tue 01:30; 1 h used, 1 h left from 01:30 → due 02:30.
    const events = [created('2025-02-03T22:00', 'kritisk'), status('2025-02-03T23:00', 'venter_leverandor'), status('2025-02-04T01:30', 'under_arbeid')];
    const s = computeSlaState(events, policy, oslo('2025-02-04T01:45'));
    expect(s.resolution).toMatchObject({ elapsedMillis: 1.25 * H, dueAt: oslo('2025-02-04T02:30') });
  });

  it('lets a lowered priority take its own calendar from creation', () => {
    // Kritisk from Fri 7 March 15:00, lowered to Lav Sat 10:00: on business hours only Fri 15:00–15:30 counts.
    const s = computeSlaState([created('2025-03-07T15:00', 'kritisk'), prio('2025-03-08T10:00', 'lav')], policy, oslo('2025-03-08T10:00'));
    expect(s.resolution).toMatchObject({ elapsedMillis: 0.5 * H, breached: false, breachedAt: null });
  });

  it('ignores events after now and orders events by time, keeping the given order for equal times', () => {
    const events = [status('2025-03-03T10:00', 'lost'), created('2025-03-03T09:00', 'hoy'), status('2025-03-03T10:00', 'under_arbeid')];
    const s = computeSlaState(events, policy, oslo('2025-03-03T11:00'));
    // lost then under_arbeid at 10:00: the ticket is open again, 2 h used at 11:00.
    expect(s.resolution).toMatchObject({ elapsedMillis: 2 * H, running: true });
    expect(computeSlaState(events, policy, oslo('2025-03-03T09:30')).resolution.elapsedMillis).toBe(0.5 * H);
  });

  it('starts the clock at the next opening for a ticket created at night', () => {
    const s = computeSlaState([created('2025-03-03T06:00', 'hoy')], policy, oslo('2025-03-03T08:30'));
    expect(s.resolution).toMatchObject({ elapsedMillis: 0.5 * H, dueAt: oslo('2025-03-03T12:00') });
  });

  it('flags a running clock with a quarter of its target left as at risk', () => {
    const events = [created('2025-03-03T08:00', 'hoy')];
    expect(computeSlaState(events, policy, oslo('2025-03-03T10:59')).resolution.atRisk).toBe(false);
    expect(computeSlaState(events, policy, oslo('2025-03-03T11:00')).resolution.atRisk).toBe(true);
    expect(computeSlaState(events, policy, oslo('2025-03-03T12:01')).resolution.atRisk).toBe(false); // breached, not at risk
  });

  it('meets the target when solved exactly at it', () => {
    const s = computeSlaState([created('2025-03-03T08:00', 'hoy'), status('2025-03-03T12:00', 'lost')], policy, oslo('2025-03-04T08:00'));
    expect(s.resolution).toMatchObject({ elapsedMillis: 4 * H, met: true, breached: false });
  });

  it('stops the first-response clock at the first public reply, at solving, or at creation for a phone call', () => {
    const events = [created('2025-03-03T08:00', 'hoy'), reply('2025-03-03T08:45'), reply('2025-03-03T10:00')];
    expect(computeSlaState(events, policy, oslo('2025-03-03T11:00')).firstResponse).toMatchObject({ elapsedMillis: 45 * M, met: true, stoppedAt: oslo('2025-03-03T08:45') });
    const solved = [created('2025-03-03T08:00', 'hoy'), status('2025-03-03T09:30', 'lost')];
    expect(computeSlaState(solved, policy, oslo('2025-03-03T11:00')).firstResponse).toMatchObject({ elapsedMillis: 1.5 * H, met: false, breachedAt: oslo('2025-03-03T09:00') });
    const phone = [created('2025-03-03T08:00', 'hoy', { respondedAtCreation: true })];
    expect(computeSlaState(phone, policy, oslo('2025-03-03T11:00')).firstResponse).toMatchObject({ elapsedMillis: 0, met: true });
  });

  it('counts a ticket created already solved (solved on the phone) as met at once', () => {
    const s = computeSlaState([created('2025-03-03T08:00', 'kritisk', { status: 'lost', respondedAtCreation: true })], policy, oslo('2025-03-03T11:00'));
    expect(s.resolution).toMatchObject({ elapsedMillis: 0, met: true, stoppedAt: oslo('2025-03-03T08:00') });
  });

  it('refuses a history that does not start with creation', () => {
    expect(() => computeSlaState([status('2025-03-03T08:00', 'lost')], policy, oslo('2025-03-03T09:00'))).toThrow();
    expect(() => computeSlaState([], policy, oslo('2025-03-03T09:00'))).toThrow();
  });
});

describe('asked before creation', () => {
  it('answers as at creation', () => {
    const s = computeSlaState([created('2025-03-03T09:00', 'hoy')], policy, oslo('2025-03-01T09:00'));
    expect(s.resolution).toMatchObject({ elapsedMillis: 0, remainingMillis: 4 * H, dueAt: oslo('2025-03-03T13:00') });
  });
});
