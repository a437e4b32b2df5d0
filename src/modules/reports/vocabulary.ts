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
