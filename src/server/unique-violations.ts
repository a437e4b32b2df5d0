// A unique index that refuses a write (PostgreSQL 23505) answers with the field it concerns and a
// sentence in bokmål, never with the database's own text ("Key (cooperation_id, kind, name)=(…)
// already exists"), which names columns and other rows' values. Every unique index of the schema is
// listed here by name; an index not listed (one added later) still answers the plain sentence below,
// and unique-violations.test.ts fails until it is listed.

export type TUniqueViolation = { field: string; message: string };

export const UNIQUE_VIOLATIONS: Record<string, TUniqueViolation> = {
  // org
  municipalities_name_uq: { field: 'name', message: 'Det finnes allerede en kommune med dette navnet' },
  municipalities_number_uq: { field: 'number', message: 'Det finnes allerede en kommune med dette kommunenummeret' },
  departments_coop_name_uq: { field: 'name', message: 'Det finnes allerede en avdeling med dette navnet' },
  bodies_coop_name_uq: { field: 'name', message: 'Det finnes allerede et organ med dette navnet' },
  users_email_uq: { field: 'email', message: 'Det finnes allerede en bruker med denne e-postadressen' },
  users_oidc_uq: { field: 'oidcSubject', message: 'Denne påloggingen er allerede knyttet til en annen bruker' },
  // governance
  meetings_body_year_number_uq: { field: 'number', message: 'Organet har allerede et møte med dette nummeret dette året' },
  case_presenters_uq: { field: 'presenterIds', message: 'Samme saksansvarlig står to ganger' },
  case_votes_uq: { field: 'votes', message: 'Samme person står to ganger i avstemningen' },
  attendance_uq: { field: 'attendance', message: 'Samme person står to ganger med samme rolle i oppmøtet' },
  legal_bases_code_uq: { field: 'code', message: 'Det finnes allerede en hjemmel med denne koden' },
  notice_versions_uq: { field: '(body)', message: 'Innkallingen ble sendt samtidig fra et annet sted; last siden på nytt' },
  archived_documents_uq: { field: '(body)', message: 'Dokumentet er allerede arkivert for møtet' },
  // economy
  economy_lines_coop_kind_name_uq: { field: 'name', message: 'Det finnes allerede en linje med dette navnet' },
  economy_budgets_line_year_uq: { field: 'lineId', message: 'Linjen har allerede et budsjett for året' },
  economy_account_mappings_account_uq: { field: 'account', message: 'Kontoen er allerede knyttet til en linje' },
  economy_account_mappings_project_uq: { field: 'project', message: 'Prosjektet er allerede knyttet til en linje' },
  economy_allocation_shares_uq: { field: 'key', message: 'Kommunen står to ganger i fordelingsnøkkelen' },
  economy_financing_frames_uq: { field: '(body)', message: 'Finansieringen for året ble satt samtidig fra et annet sted; prøv igjen' },
  economy_publications_meeting_uq: { field: 'meetingId', message: 'Møtet har allerede en publisert økonomirapport' },
  economy_funds_coop_name_uq: { field: 'name', message: 'Det finnes allerede et fond med dette navnet' },
  economy_exit_settlements_leaving_uq: { field: 'municipalityId', message: 'Kommunen har allerede et utmeldingsoppgjør for denne utmeldingen' },
  // reports
  report_templates_coop_kind_uq: { field: 'kind', message: 'Samarbeidet har allerede en mal for denne rapporttypen' },
  report_section_owners_uq: { field: 'ownerUserIds', message: 'Samme eier står to ganger' },
  report_archives_report_kind_uq: { field: '(body)', message: 'Rapporten ble arkivert samtidig fra et annet sted' },
  report_glossary_terms_coop_term_uq: { field: 'term', message: 'Begrepet finnes allerede i ordlisten' },
  report_figures_uq: { field: '(body)', message: 'Tallene for året ble lagret samtidig fra et annet sted; last siden på nytt' },
  report_acceptances_report_municipality_uq: { field: 'municipalityId', message: 'Kommunens behandling av rapporten er allerede registrert' },
  // service desk
  sd_tickets_number_uq: { field: '(body)', message: 'Saksnummeret ble tatt samtidig; prøv igjen' },
  sd_tickets_external_uq: { field: 'externalId', message: 'Saken er allerede importert (samme eksterne id)' },
  sd_teams_coop_name_uq: { field: 'name', message: 'Det finnes allerede et team med dette navnet' },
  sd_policies_coop_default_uq: { field: 'municipalityId', message: 'Samarbeidet har allerede en felles SLA-policy' },
  sd_policies_coop_muni_uq: { field: 'municipalityId', message: 'Kommunen har allerede en SLA-policy' },
  sd_import_mappings_coop_source_uq: { field: 'source', message: 'Det finnes allerede et importoppsett for denne kilden' },
  sd_phone_stats_municipality_day_uq: { field: '(body)', message: 'Kommunen har allerede telefontall for denne dagen; importen ble kjørt samtidig fra et annet sted' },
  sd_phone_stats_queue_day_uq: { field: '(body)', message: 'Køen har allerede telefontall for denne dagen; importen ble kjørt samtidig fra et annet sted' },
  // equipment
  eq_devices_coop_serial_uq: { field: 'serial', message: 'Det finnes allerede en enhet med dette serienummeret' },
  eq_import_mappings_coop_source_uq: { field: 'source', message: 'Det finnes allerede et importoppsett for denne kilden' },
  eq_lifecycle_rules_uq: { field: 'category', message: 'Kommunen har allerede en levetidsregel for denne kategorien' },
  eq_model_support_uq: { field: 'model', message: 'Modellen har allerede en dato for slutt på støtte' },
  eq_order_steps_order_state_uq: { field: 'state', message: 'Bestillingen har allerede dette steget' },
  eq_retirement_steps_uq: { field: 'step', message: 'Enheten har allerede dette steget i utrangeringen' },
  eq_campaigns_municipality_uq: { field: 'municipalityId', message: 'Kommunen har allerede en byttekampanje' },
  eq_approvers_unit_uq: { field: 'unit', message: 'Enheten har allerede en godkjenner' },
  eq_licence_products_coop_name_uq: { field: 'name', message: 'Det finnes allerede et lisensprodukt med dette navnet' },
  eq_licence_contracts_uq: { field: 'validFrom', message: 'Avtalen har allerede et antall fra denne datoen for kommunen; registrer endringen fra en annen dato' },
  eq_licence_import_mappings_coop_source_uq: { field: 'source', message: 'Det finnes allerede et importoppsett for denne kilden' },
  eq_licence_imports_product_month_uq: { field: 'month', message: 'Måneden ble importert samtidig fra et annet sted; prøv igjen' },
  eq_licence_decisions_uq: { field: 'user', message: 'Beslutningen ble registrert samtidig fra et annet sted; last inn på nytt' },
  eq_replacements_token_uq: { field: '(body)', message: 'Godkjenningslenken ble laget to ganger; send bestillingen på nytt' },
  // portfolio
  portfolio_project_kinds_coop_name_uq: { field: 'name', message: 'Det finnes allerede en prosjekttype med dette navnet' },
  portfolio_week_statuses_project_week_uq: { field: 'revision', message: 'Ukens status ble lagret samtidig fra et annet sted; last siden på nytt' },
  portfolio_proposal_cases_case_uq: { field: 'caseId', message: 'Saken behandler allerede et forslag' },
};

/** What a unique index not listed above answers: true, and nothing about the other row. */
export const UNLISTED_UNIQUE_MESSAGE = 'Det finnes allerede en oppføring med de samme verdiene';

/** The sentence and field for a refused write, from the constraint's name only (never its detail). */
// The field issue is spelled out (errors.ts's TFieldIssue) so this table imports nothing from errors.ts,
// which reads it.
export function uniqueViolation(constraint: string | undefined): { message: string; fields?: { path: string; message: string }[] } {
  const known = constraint ? UNIQUE_VIOLATIONS[constraint] : undefined;
  if (!known) return { message: UNLISTED_UNIQUE_MESSAGE };
  return { message: known.message, fields: [{ path: known.field, message: known.message }] };
}
