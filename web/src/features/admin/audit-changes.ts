// The audit log's before and after as lines a person reads: «Tittel: Gammel → Ny» for each field an
// update changed, «Tittel: Ny» for what a create made, «Tittel: Gammel» for what a delete removed.
// Pure, so the rule is tested without a page; the page formats the values in its language.
import type { TAuditAction, TAuditEntity } from '../../../../src/modules/audit/vocabulary';

/** One field's change; `before`/`after` absent when the entry has no such side (create, delete). */
export type TFieldChange = { field: string; before?: unknown; after?: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nested objects become dotted fields («presentation.archiveCode»), two levels deep; lists stay whole. */
function flatten(value: Record<string, unknown>, prefix = '', depth = 0): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, v] of Object.entries(value)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (isRecord(v) && depth < 2 && Object.keys(v).length > 0) for (const [k, inner] of flatten(v, field, depth + 1)) out.set(k, inner);
    else out.set(field, v);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields of an entry, in the order the thing lists them. An update shows only what changed; when a
 * snapshot is not an object (a list edited whole), the whole of it is one change with the field `''`.
 */
export function auditChanges(before: unknown, after: unknown): TFieldChange[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if ((hasBefore && !isRecord(before)) || (hasAfter && !isRecord(after))) {
    return same(before, after) ? [] : [{ field: '', ...(hasBefore ? { before } : {}), ...(hasAfter ? { after } : {}) }];
  }
  const b = hasBefore ? flatten(before as Record<string, unknown>) : new Map<string, unknown>();
  const a = hasAfter ? flatten(after as Record<string, unknown>) : new Map<string, unknown>();
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  const changes: TFieldChange[] = [];
  for (const field of fields) {
    if (hasBefore && hasAfter) {
      if (same(b.get(field), a.get(field))) continue;
      changes.push({ field, before: b.get(field) ?? null, after: a.get(field) ?? null });
    } else if (hasAfter) changes.push({ field, after: a.get(field) });
    else changes.push({ field, before: b.get(field) });
  }
  return changes;
}

/**
 * The fields most entries carry, named as the pages name them. A field not listed shows its name as
 * stored (in code type), which is still exact: the log must never hide a field for want of a label.
 */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, { nb: string; en: string }>> = {
  title: { nb: 'Tittel', en: 'Title' },
  publicTitle: { nb: 'Offentlig tittel', en: 'Public title' },
  name: { nb: 'Navn', en: 'Name' },
  shortName: { nb: 'Kortnavn', en: 'Short name' },
  givenName: { nb: 'Fornavn', en: 'Given name' },
  familyName: { nb: 'Etternavn', en: 'Family name' },
  email: { nb: 'E-post', en: 'Email' },
  phone: { nb: 'Telefon', en: 'Phone' },
  role: { nb: 'Rolle', en: 'Role' },
  status: { nb: 'Status', en: 'Status' },
  date: { nb: 'Dato', en: 'Date' },
  startTime: { nb: 'Starttid', en: 'Start time' },
  endTime: { nb: 'Sluttid', en: 'End time' },
  place: { nb: 'Sted', en: 'Place' },
  published: { nb: 'Publisert', en: 'Published' },
  description: { nb: 'Beskrivelse', en: 'Description' },
  proposal: { nb: 'Forslag', en: 'Proposal' },
  proposalKind: { nb: 'Type forslag', en: 'Kind of proposal' },
  access: { nb: 'Tilgang', en: 'Access' },
  legalBasisId: { nb: 'Hjemmel', en: 'Legal basis' },
  number: { nb: 'Nummer', en: 'Number' },
  caseType: { nb: 'Sakstype', en: 'Case type' },
  decisionText: { nb: 'Vedtak', en: 'Decision' },
  decisionKind: { nb: 'Type vedtak', en: 'Kind of decision' },
  treatment: { nb: 'Behandling', en: 'Treatment' },
  filename: { nb: 'Filnavn', en: 'File name' },
  contentType: { nb: 'Filtype', en: 'File type' },
  size: { nb: 'Størrelse (byte)', en: 'Size (bytes)' },
  sha256: { nb: 'Sjekksum (SHA-256)', en: 'Checksum (SHA-256)' },
  priority: { nb: 'Prioritet', en: 'Priority' },
  category: { nb: 'Kategori', en: 'Category' },
  type: { nb: 'Type', en: 'Type' },
  channel: { nb: 'Kanal', en: 'Channel' },
  assigneeUserId: { nb: 'Saksbehandler', en: 'Assignee' },
  teamId: { nb: 'Team', en: 'Team' },
  municipalityId: { nb: 'Kommune', en: 'Municipality' },
  gender: { nb: 'Kjønn', en: 'Gender' },
  bodyId: { nb: 'Organ', en: 'Body' },
  personId: { nb: 'Person', en: 'Person' },
  fromDate: { nb: 'Fra dato', en: 'From date' },
  toDate: { nb: 'Til dato', en: 'To date' },
  departmentId: { nb: 'Avdeling', en: 'Department' },
  departmentName: { nb: 'Avdeling', en: 'Department' },
  ftePercent: { nb: 'Stillingsprosent', en: 'FTE %' },
  startDate: { nb: 'Startdato', en: 'Start date' },
  endDate: { nb: 'Sluttdato', en: 'End date' },
  validTo: { nb: 'Gyldig til', en: 'Valid to' },
  staffEmployer: { nb: 'Arbeidsgiver', en: 'Employer' },
  year: { nb: 'År', en: 'Year' },
  month: { nb: 'Måned', en: 'Month' },
  amount: { nb: 'Beløp', en: 'Amount' },
  text: { nb: 'Tekst', en: 'Text' },
  position: { nb: 'Plass', en: 'Position' },
  active: { nb: 'Aktiv', en: 'Active' },
  address: { nb: 'Adresse', en: 'Address' },
  revision: { nb: 'Versjon', en: 'Revision' },
  read: { nb: 'Lest', en: 'Read' },
  exemptCases: { nb: 'Unntatte saker', en: 'Exempt cases' },
};

/** What happened, as the log's Action column says it; every action the server writes has its words. */
export const AUDIT_ACTION_LABELS: Readonly<Record<TAuditAction, { nb: string; en: string }>> = {
  create: { nb: 'Opprettet', en: 'Created' },
  update: { nb: 'Endret', en: 'Changed' },
  delete: { nb: 'Slettet', en: 'Deleted' },
  import: { nb: 'Importert', en: 'Imported' },
  recompute: { nb: 'Regnet ut på nytt', en: 'Recomputed' },
  reorder: { nb: 'Ny rekkefølge', en: 'Reordered' },
  submit: { nb: 'Sendt til godkjenning', en: 'Submitted' },
  approve: { nb: 'Godkjent', en: 'Approved' },
  reopen: { nb: 'Åpnet igjen', en: 'Reopened' },
  reopen_minutes: { nb: 'Referat åpnet for retting', en: 'Minutes reopened' },
  confirm: { nb: 'Bekreftet', en: 'Confirmed' },
  publish: { nb: 'Publisert', en: 'Published' },
  unpublish: { nb: 'Avpublisert', en: 'Unpublished' },
  'close-3-2-1': { nb: 'Lukket etter 3-2-1', en: 'Closed by the 3-2-1 rule' },
  resolve: { nb: 'Løst', en: 'Resolved' },
  read_exempt: { nb: 'Lest unntatt innhold', en: 'Read exempt content' },
  sign_in: { nb: 'Logget inn', en: 'Signed in' },
  sign_in_failed: { nb: 'Mislykket innlogging', en: 'Failed sign-in' },
  sign_out: { nb: 'Logget ut', en: 'Signed out' },
  lockout: { nb: 'Sperret', en: 'Locked out' },
  change_password: { nb: 'Byttet passord', en: 'Changed password' },
  reset_password: { nb: 'Tilbakestilt passord', en: 'Reset password' },
  reset_admin: { nb: 'Tilbakestilt administrator', en: 'Reset administrator' },
  link_oidc: { nb: 'Koblet til innlogging hos kommunen', en: 'Linked to municipal sign-in' },
};

/** What an entry is about, as the log's Entity column and filter say it. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<TAuditEntity, { nb: string; en: string }>> = {
  cooperation: { nb: 'Samarbeid', en: 'Cooperation' },
  municipality: { nb: 'Kommune', en: 'Municipality' },
  membership: { nb: 'Medlemskap', en: 'Membership' },
  department: { nb: 'Avdeling', en: 'Department' },
  person: { nb: 'Person', en: 'Person' },
  position: { nb: 'Stilling', en: 'Position' },
  body: { nb: 'Organ', en: 'Body' },
  body_member: { nb: 'Medlem i organ', en: 'Body member' },
  user: { nb: 'Bruker', en: 'User' },
  sign_in: { nb: 'Innlogging', en: 'Sign-in' },
  meeting: { nb: 'Møte', en: 'Meeting' },
  meeting_agenda: { nb: 'Saksliste', en: 'Agenda' },
  case: { nb: 'Sak (møte)', en: 'Case (meeting)' },
  attachment: { nb: 'Vedlegg', en: 'Attachment' },
  notice_version: { nb: 'Innkalling', en: 'Notice' },
  attendance: { nb: 'Oppmøte', en: 'Attendance' },
  archived_document: { nb: 'Arkivert dokument', en: 'Archived document' },
  economy_line: { nb: 'Økonomilinje', en: 'Economy line' },
  economy_account_mapping: { nb: 'Kontokobling', en: 'Account mapping' },
  economy_budget: { nb: 'Budsjett', en: 'Budget' },
  economy_budget_revision: { nb: 'Budsjettendring', en: 'Budget revision' },
  economy_forecast: { nb: 'Prognose', en: 'Forecast' },
  economy_explanation: { nb: 'Avviksforklaring', en: 'Deviation note' },
  economy_fund: { nb: 'Fond', en: 'Fund' },
  economy_fund_movement: { nb: 'Fondsbevegelse', en: 'Fund movement' },
  economy_exit_settlement: { nb: 'Utmeldingsoppgjør', en: 'Exit settlement' },
  economy_exit_settlement_line: { nb: 'Linje i utmeldingsoppgjør', en: 'Exit settlement line' },
  economy_actual: { nb: 'Regnskapstall', en: 'Actuals' },
  economy_ledger_import: { nb: 'Regnskapsimport', en: 'Ledger import' },
  economy_financing: { nb: 'Finansiering', en: 'Financing' },
  economy_publication: { nb: 'Publisert økonomirapport', en: 'Published economy report' },
  sd_ticket: { nb: 'Kundeservicesak', en: 'Service desk ticket' },
  sd_ticket_import: { nb: 'Saksimport', en: 'Ticket import' },
  sd_sla: { nb: 'Tjenestenivå (SLA)', en: 'Service level (SLA)' },
  sd_policy: { nb: 'Regler for kundeservice', en: 'Service desk rules' },
  sd_team: { nb: 'Team', en: 'Team' },
  sd_portal_sharing: { nb: 'Deling i portalen', en: 'Portal sharing' },
  sd_phone_stats: { nb: 'Telefonstatistikk', en: 'Phone statistics' },
  sd_import_mapping: { nb: 'Importoppsett (saker)', en: 'Import mapping (tickets)' },
  report: { nb: 'Rapport', en: 'Report' },
  report_template: { nb: 'Rapportmal', en: 'Report template' },
  report_section: { nb: 'Rapportdel', en: 'Report section' },
  report_block: { nb: 'Datablokk', en: 'Data block' },
  report_glossary: { nb: 'Ordliste', en: 'Glossary' },
  report_archive: { nb: 'Arkivert rapport', en: 'Archived report' },
  report_comment: { nb: 'Merknad', en: 'Review comment' },
  report_figures: { nb: 'Rapporttall', en: 'Report figures' },
  report_acceptance: { nb: 'Tilslutning', en: 'Acceptance' },
  report_image: { nb: 'Bilde i rapport', en: 'Report image' },
  eq_device_import: { nb: 'Utstyrsimport', en: 'Device import' },
  eq_import_mapping: { nb: 'Importoppsett (utstyr)', en: 'Import mapping (equipment)' },
  eq_lifecycle_rule: { nb: 'Levetidsregel', en: 'Lifecycle rule' },
  eq_model_support: { nb: 'Modellstøtte', en: 'Model support' },
  eq_stock_count: { nb: 'Lagertelling', en: 'Stock count' },
  eq_order: { nb: 'Bestilling', en: 'Order' },
  eq_retirement: { nb: 'Utfasing', en: 'Retirement' },
  eq_campaign: { nb: 'Byttekampanje', en: 'Replacement campaign' },
  eq_approver: { nb: 'Godkjenner', en: 'Approver' },
  eq_replacement_invitations: { nb: 'Invitasjoner til bytte', en: 'Replacement invitations' },
  eq_replacement: { nb: 'PC-bytte', en: 'PC replacement' },
  eq_licence_product: { nb: 'Lisensprodukt', en: 'Licensed product' },
  eq_licence_contract: { nb: 'Lisensavtale (antall)', en: 'Licence contract (count)' },
  eq_licence_import_mapping: { nb: 'Importoppsett (lisenser)', en: 'Import mapping (licences)' },
  eq_licence_import: { nb: 'Lisensimport', en: 'Licence import' },
  eq_licence_decision: { nb: 'Lisensbeslutning', en: 'Licence decision' },
  portfolio_project_kind: { nb: 'Prosjekttype', en: 'Project kind' },
  portfolio_project: { nb: 'Prosjekt', en: 'Project' },
  portfolio_week_status: { nb: 'Ukestatus', en: 'Weekly status' },
  portfolio_procurement: { nb: 'Anskaffelse', en: 'Procurement' },
  portfolio_proposal: { nb: 'Forslag', en: 'Proposal' },
  portfolio_cost_event: { nb: 'Kostnadshendelse', en: 'Cost event' },
  portfolio_populations: { nb: 'Innbyggertall', en: 'Populations' },
};
