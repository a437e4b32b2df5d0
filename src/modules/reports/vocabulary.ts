// The reports module's fixed lists. Pure: pgEnum (schema.ts), zod (model.ts) and the web import them.

/** `aktivitetsrapport`: the economy and activity report of each council meeting; `arsrapport`: the annual report. */
export const REPORT_KINDS = ['aktivitetsrapport', 'arsrapport'] as const;
export type TReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABELS: Record<TReportKind, { nb: string; en: string }> = {
  aktivitetsrapport: { nb: 'Økonomi- og aktivitetsrapport', en: 'Economy and activity report' },
  arsrapport: { nb: 'Årsrapport', en: 'Annual report' },
};

/** Utkast → til gjennomsyn (review) → godkjent (approved by the report's leader). */
export const REPORT_STATUSES = ['utkast', 'til_gjennomsyn', 'godkjent'] as const;
export type TReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<TReportStatus, { nb: string; en: string }> = {
  utkast: { nb: 'Utkast', en: 'Draft' },
  til_gjennomsyn: { nb: 'Til gjennomsyn', en: 'In review' },
  godkjent: { nb: 'Godkjent', en: 'Approved' },
};

/** A section is public, or exempt from public access with a legal basis (as cases are). */
export const SECTION_ACCESS = ['offentlig', 'unntatt'] as const;
export type TSectionAccess = (typeof SECTION_ACCESS)[number];

/** How deep the section tree goes: 2.1.5.1 is four levels. */
export const MAX_SECTION_DEPTH = 5;

/**
 * Figures the annual report needs that no module holds, entered per year (figures.service.ts): the
 * staffing and sick leave, and historical figures for years before samrad held the data, which a
 * comparison block uses where it has no live figure. `dimension` is what the figure is per: a
 * department, a channel key, a body's name; empty for a single figure.
 */
export const ENTERED_METRICS = {
  'staff.fte': { nb: 'Årsverk', unit: 'årsverk', dimension: 'avdeling' },
  'staff.people': { nb: 'Ansatte', unit: 'personer', dimension: 'avdeling' },
  'staff.women': { nb: 'Kvinner', unit: 'personer', dimension: 'avdeling' },
  'staff.men': { nb: 'Menn', unit: 'personer', dimension: 'avdeling' },
  'sickleave.percent': { nb: 'Sykefravær', unit: '%', dimension: null },
  'servicedesk.channel': { nb: 'Saker per kanal', unit: 'saker', dimension: 'kanal (portal, epost, telefon, oppmote, chat, annet)' },
  'servicedesk.type': { nb: 'Saker per type', unit: 'saker', dimension: 'type (feilmelding, tjenesteforesporsel, annet)' },
  'phone.offered': { nb: 'Telefonsamtaler', unit: 'samtaler', dimension: null },
  'phone.answered': { nb: 'Besvarte telefonsamtaler', unit: 'samtaler', dimension: null },
  'governance.meetings': { nb: 'Møter', unit: 'møter', dimension: 'organ' },
  'governance.cases': { nb: 'Saker', unit: 'saker', dimension: 'organ' },
  'economy.budget': { nb: 'Driftsbudsjett', unit: 'kr', dimension: null },
  'economy.actual': { nb: 'Driftsregnskap', unit: 'kr', dimension: null },
} as const;
export type TEnteredMetric = keyof typeof ENTERED_METRICS;
export const ENTERED_METRIC_KEYS = Object.keys(ENTERED_METRICS) as [TEnteredMetric, ...TEnteredMetric[]];
