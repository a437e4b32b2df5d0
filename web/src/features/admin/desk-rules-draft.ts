// The desk's rules document (GET/PUT /api/servicedesk/policy) as the admin page edits it: numbers and
// times as the text the fields hold, categories as rows with their portal text beside them, so a form
// can hold a half-typed value and the server's validation speaks about what was typed. `toDocument`
// turns it back; what the page does not edit (a calendar's time zone, the length of its SLA day, the
// portal text of a category no longer in the list) is carried through unchanged.
import type { TApiSchema } from '../../api/client';
import { DESK_CHANNELS, PRIORITIES, STATUSES, type TDeskChannel, type TPriority, type TStatus } from '../../../../src/modules/servicedesk/vocabulary';

export type TPolicyDocument = TApiSchema<'ServiceDeskPolicy'>;
type TCalendarSpec = TPolicyDocument['calendars'][string];
type TDurationUnit = TPolicyDocument['targets']['lav']['resolution']['unit'];

export const DURATION_UNITS = ['minutes', 'hours', 'days'] as const satisfies readonly TDurationUnit[];
export const HALF_DAYS = ['julaften', 'nyttarsaften', 'onsdagForSkjaertorsdag'] as const;
export type THalfDay = (typeof HALF_DAYS)[number];
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The statuses a clock may wait in: løst and lukket stop it, so they are never offered. */
export const PAUSABLE_STATUSES = STATUSES.filter((s) => s !== 'lost' && s !== 'lukket');

/** A repeating row's identity for React and for focus, independent of its place in the list. */
let nextRowKey = 0;
export const newRowKey = () => `row-${++nextRowKey}`;

export type TCategoryRow = { key: string; name: string; description: string; /** One example per line. */ examples: string };
export type TDurationDraft = { value: string; unit: TDurationUnit };
export type TTargetDraft = { firstResponse: TDurationDraft; resolution: TDurationDraft; calendar: string };
export type TOpeningRow = { key: string; weekday: number; open: string; close: string };
export type TCalendarDraft = {
  name: string;
  kind: TCalendarSpec['kind'];
  holidays: boolean;
  openingHours: TOpeningRow[];
  /** Closing time on each half day; empty: an ordinary working day. */
  halfDays: Record<THalfDay, string>;
  closedDates: { key: string; date: string }[];
  /** What the page does not edit, kept as it was. */
  rest: Pick<TCalendarSpec, 'timeZone' | 'businessDayMinutes'>;
};

export type TRulesDraft = {
  categories: TCategoryRow[];
  targets: Record<TPriority, TTargetDraft>;
  calendars: TCalendarDraft[];
  pausedStatuses: TStatus[];
  /** Per cent (25), the document holds a share (0.25). */
  warnPercent: string;
  reopenWindowDays: string;
  closeAttempts: string;
  closeDays: string;
  phoneSolvablePriorities: TPriority[];
  channels: TDeskChannel[];
  surveyEnabled: boolean;
  /**
   * The portal text as it was read. A category taken out of the list keeps its entry, as the server
   * does, so trimming the list loses no text; the rows' own text replaces the rest.
   */
  readGuide: NonNullable<TPolicyDocument['categoryGuide']>;
};

const text = (n: number | undefined) => (n === undefined ? '' : String(n).replace('.', ','));

/** A number as typed, Norwegian comma or dot; what is not a number goes as NaN (sent as null, refused by the server at the field). */
export function parseNumber(value: string): number {
  const trimmed = value.trim().replace(/\s/g, '').replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

export function toDraft(doc: TPolicyDocument): TRulesDraft {
  const guide = doc.categoryGuide ?? {};
  const targets = {} as Record<TPriority, TTargetDraft>;
  for (const p of PRIORITIES) {
    const t = doc.targets[p];
    targets[p] = {
      firstResponse: { value: text(t.firstResponse.value), unit: t.firstResponse.unit },
      resolution: { value: text(t.resolution.value), unit: t.resolution.unit },
      calendar: t.calendar,
    };
  }
  return {
    categories: doc.categories.map((name) => ({
      key: newRowKey(), name, description: guide[name]?.description ?? '', examples: (guide[name]?.examples ?? []).join('\n'),
    })),
    targets,
    // Opening-hours calendars first: the stored document's key order is the database's (jsonb sorts keys).
    calendars: Object.entries(doc.calendars).sort(([a, x], [b, y]) => (x.kind === y.kind ? a.localeCompare(b, 'nb') : x.kind === 'business' ? -1 : 1)).map(([name, spec]) => ({
      name,
      kind: spec.kind,
      holidays: (spec.holidays ?? 'NO') === 'NO',
      openingHours: (spec.openingHours ?? []).map((row) => ({ key: newRowKey(), ...row })),
      halfDays: {
        julaften: spec.halfDays?.julaften ?? '', nyttarsaften: spec.halfDays?.nyttarsaften ?? '',
        onsdagForSkjaertorsdag: spec.halfDays?.onsdagForSkjaertorsdag ?? '',
      },
      closedDates: (spec.closedDates ?? []).map((date) => ({ key: newRowKey(), date })),
      rest: { timeZone: spec.timeZone, businessDayMinutes: spec.businessDayMinutes },
    })),
    pausedStatuses: [...doc.pausedStatuses],
    warnPercent: text(Math.round((doc.warnShare ?? 0.25) * 1000) / 10),
    reopenWindowDays: text(doc.reopenWindowDays ?? 14),
    closeAttempts: text(doc.closeRule?.attempts ?? 3),
    closeDays: text(doc.closeRule?.days ?? 2),
    phoneSolvablePriorities: [...(doc.phoneSolvablePriorities ?? [])],
    channels: (doc.channels ?? [...DESK_CHANNELS]).filter((c): c is TDeskChannel => (DESK_CHANNELS as readonly string[]).includes(c)),
    surveyEnabled: doc.survey?.enabled ?? true,
    readGuide: guide,
  };
}

export function toDocument(draft: TRulesDraft): TPolicyDocument {
  const listed = new Set(draft.categories.map((row) => row.name.trim()));
  const categoryGuide = Object.fromEntries(Object.entries(draft.readGuide).filter(([name]) => !listed.has(name)));
  for (const row of draft.categories) {
    const examples = row.examples.split('\n').map((e) => e.trim()).filter(Boolean);
    // A category with no text has no entry: the portal then shows only its name.
    if (row.description.trim() || examples.length) categoryGuide[row.name.trim()] = { description: row.description.trim(), examples };
  }
  const targets = {} as TPolicyDocument['targets'];
  for (const p of PRIORITIES) {
    const t = draft.targets[p];
    targets[p] = {
      firstResponse: { value: parseNumber(t.firstResponse.value), unit: t.firstResponse.unit },
      resolution: { value: parseNumber(t.resolution.value), unit: t.resolution.unit },
      calendar: t.calendar,
    };
  }
  const calendars: TPolicyDocument['calendars'] = {};
  for (const c of draft.calendars) {
    const halfDays: NonNullable<TCalendarSpec['halfDays']> = {};
    for (const h of HALF_DAYS) if (c.halfDays[h].trim()) halfDays[h] = c.halfDays[h].trim();
    calendars[c.name] = {
      ...(c.rest.timeZone ? { timeZone: c.rest.timeZone } : {}),
      ...(c.rest.businessDayMinutes ? { businessDayMinutes: c.rest.businessDayMinutes } : {}),
      kind: c.kind,
      holidays: c.holidays ? 'NO' : 'none',
      openingHours: c.openingHours.map(({ weekday, open, close }) => ({ weekday, open, close })),
      halfDays,
      closedDates: c.closedDates.map((d) => d.date),
    };
  }
  return {
    categories: draft.categories.map((row) => row.name.trim()),
    categoryGuide,
    calendars,
    targets,
    pausedStatuses: [...draft.pausedStatuses],
    warnShare: parseNumber(draft.warnPercent) / 100,
    reopenWindowDays: parseNumber(draft.reopenWindowDays),
    closeRule: { attempts: parseNumber(draft.closeAttempts), days: parseNumber(draft.closeDays) },
    phoneSolvablePriorities: [...draft.phoneSolvablePriorities],
    channels: [...draft.channels],
    survey: { enabled: draft.surveyEnabled },
  };
}

/**
 * The form field an issue of the server's belongs to. The server names paths in the document
 * (`document.targets.hoy.resolution.value`, `document.categoryGuide.Skrivere.description`); the form's
 * fields are named by the draft (`categories.2.description`), so a category's portal text is found by
 * the row that holds that category now.
 */
export function fieldOfIssue(path: string, draft: TRulesDraft): string {
  const parts = path.split('.');
  if (parts[0] === 'document') parts.shift();
  const [head, second, ...tail] = parts;
  if (head === 'categoryGuide' && second !== undefined) {
    const index = draft.categories.findIndex((row) => row.name.trim() === second);
    if (index >= 0) return ['categories', String(index), tail[0] === 'examples' ? 'examples' : 'description'].join('.');
  }
  if (head === 'categories' && second !== undefined) return `categories.${second}.name`;
  if (head === 'calendars' && second !== undefined) {
    const index = draft.calendars.findIndex((c) => c.name === second);
    if (index >= 0) {
      const field = tail[0];
      // An opening-hours row, a half day, a closed date; a message about the whole calendar lands on its hours.
      if (field === 'openingHours' && tail[1] !== undefined) return `calendars.${index}.openingHours.${tail[1]}.${tail[2] === 'close' ? 'close' : 'open'}`;
      if (field === 'halfDays' && tail[1]) return `calendars.${index}.halfDays.${tail[1]}`;
      if (field === 'closedDates' && tail[1] !== undefined) return `calendars.${index}.closedDates.${tail[1]}`;
      return `calendars.${index}.openingHours`;
    }
  }
  if (head === 'warnShare') return 'warnPercent';
  if (head === 'closeRule') return second === 'days' ? 'closeDays' : 'closeAttempts';
  if (head === 'survey') return 'surveyEnabled';
  return parts.join('.');
}
