// Norwegian public holidays (helligdager and the two statutory days 1 May and 17 May) for any year, and
// the half days (julaften, nyttårsaften, optionally onsdag før skjærtorsdag) a service desk may close
// early. Dates are local calendar dates written as ISO strings; no time zone is involved here.

/** A local calendar date as days since 1970-01-01, so date arithmetic is integer arithmetic. */
export type DayNumber = number;

export function dayNumber(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function dayNumberFromIso(iso: string): DayNumber {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Ugyldig dato: ${iso}`);
  return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isoFromDayNumber(day: DayNumber): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function yearOf(day: DayNumber): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}

/** ISO weekday: 1 = Monday … 7 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function isoWeekday(day: DayNumber): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * Easter Sunday by the Gregorian computus (the anonymous algorithm published by Meeus, Jones and
 * Butcher), valid for every Gregorian year. Norway has used the Gregorian Easter since 1700.
 */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}

export type THoliday = { date: string; name: string };

/** The twelve days a Norwegian office is closed, in date order. */
export function norwegianHolidays(year: number): THoliday[] {
  const easter = easterSunday(year);
  const days: [DayNumber, string][] = [
    [dayNumber(year, 1, 1), 'Første nyttårsdag'],
    [easter - 3, 'Skjærtorsdag'],
    [easter - 2, 'Langfredag'],
    [easter, 'Første påskedag'],
    [easter + 1, 'Andre påskedag'],
    [dayNumber(year, 5, 1), 'Offentlig høytidsdag'],
    [dayNumber(year, 5, 17), 'Grunnlovsdag'],
    [easter + 39, 'Kristi himmelfartsdag'],
    [easter + 49, 'Første pinsedag'],
    [easter + 50, 'Andre pinsedag'],
    [dayNumber(year, 12, 25), 'Første juledag'],
    [dayNumber(year, 12, 26), 'Andre juledag'],
  ];
  // 17 May can fall on Kristi himmelfartsdag or 2. pinsedag; list each date once, keeping both names.
  const byDate = new Map<DayNumber, string>();
  for (const [day, name] of days) byDate.set(day, byDate.has(day) ? `${byDate.get(day)} / ${name}` : name);
  return [...byDate].sort((x, y) => x[0] - y[0]).map(([day, name]) => ({ date: isoFromDayNumber(day), name }));
}

const holidayCache = new Map<number, Set<DayNumber>>();

export function isNorwegianHoliday(day: DayNumber): boolean {
  const year = yearOf(day);
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(norwegianHolidays(year).map((h) => dayNumberFromIso(h.date)));
    holidayCache.set(year, set);
  }
  return set.has(day);
}

/**
 * Which half days close early, and when ("12:00"). Left out means a normal working day: whether the
 * desk works Christmas Eve afternoon is a local agreement, not law, so it is configuration.
 */
export type THalfDays = {
  julaften?: string;
  nyttarsaften?: string;
  onsdagForSkjaertorsdag?: string;
};

/** The closing time (minutes after midnight) on a configured half day, or null on any other day. */
export function halfDayClosing(day: DayNumber, halfDays: THalfDays | undefined): number | null {
  if (!halfDays) return null;
  const iso = isoFromDayNumber(day);
  const monthDay = iso.slice(5);
  if (monthDay === '12-24' && halfDays.julaften) return minutesOf(halfDays.julaften);
  if (monthDay === '12-31' && halfDays.nyttarsaften) return minutesOf(halfDays.nyttarsaften);
  if (halfDays.onsdagForSkjaertorsdag && day === easterSunday(yearOf(day)) - 4) return minutesOf(halfDays.onsdagForSkjaertorsdag);
  return null;
}

/** "08:15" → 495. Throws on anything else, so a bad calendar fails when it is loaded, not mid-sum. */
export function minutesOf(hhmm: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new Error(`Ugyldig klokkeslett: ${hhmm}`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 24 * 60) throw new Error(`Ugyldig klokkeslett: ${hhmm}`);
  return minutes;
}
