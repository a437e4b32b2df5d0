// What an audit entry can be about and what can have happened to it: the one list of each, for the
// writers (recordAudit takes only these), the API's response and query schemas and the admin page's
// filter. Pure, so the web imports it. A new kind of entry is added here first.

/** What an entry is about, by module. */
export const AUDIT_ENTITIES = [
  // org
  'cooperation', 'municipality', 'membership', 'department', 'person', 'position', 'body', 'body_member', 'user', 'sign_in',
  // governance
  'meeting', 'meeting_agenda', 'case', 'attachment', 'notice_version', 'attendance', 'archived_document',
  // economy
  'economy_line', 'economy_account_mapping', 'economy_budget', 'economy_budget_revision', 'economy_forecast', 'economy_explanation', 'economy_fund', 'economy_fund_movement',
  'economy_exit_settlement', 'economy_exit_settlement_line',
  'economy_actual', 'economy_ledger_import', 'economy_financing', 'economy_publication',
  // service desk
  'sd_ticket', 'sd_ticket_import', 'sd_sla', 'sd_policy', 'sd_team', 'sd_portal_sharing', 'sd_phone_stats', 'sd_import_mapping',
  // reports
  'report', 'report_template', 'report_section', 'report_block', 'report_glossary', 'report_archive', 'report_comment', 'report_figures', 'report_acceptance', 'report_image',
  // equipment
  'eq_device_import', 'eq_import_mapping', 'eq_lifecycle_rule', 'eq_model_support', 'eq_stock_count', 'eq_order', 'eq_retirement',
  'eq_campaign', 'eq_approver', 'eq_replacement_invitations', 'eq_replacement',
  'eq_licence_product', 'eq_licence_contract', 'eq_licence_import_mapping', 'eq_licence_import', 'eq_licence_decision',
  // portfolio
  'portfolio_project_kind', 'portfolio_project', 'portfolio_week_status', 'portfolio_procurement', 'portfolio_proposal', 'portfolio_cost_event',
  'portfolio_populations',
] as const;
export type TAuditEntity = (typeof AUDIT_ENTITIES)[number];

/** What happened. */
export const AUDIT_ACTIONS = [
  'create', 'update', 'delete', 'import', 'recompute', 'reorder', 'submit', 'approve', 'reopen', 'reopen_minutes', 'confirm',
  'publish', 'unpublish', 'close-3-2-1', 'resolve',
  'read_exempt', 'sign_in', 'sign_in_failed', 'sign_out', 'lockout', 'change_password', 'reset_password', 'reset_admin', 'link_oidc',
] as const;
export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an entry records of the thing: its fields as they were or are (the row, or the part of it the change is about; a list for a list edited whole). */
export type TAuditSnapshot = { readonly [field: string]: unknown } | readonly { readonly [field: string]: unknown }[];

/**
 * What each kind of entry carries: a create the thing as made (`after`), a delete the thing as it was
 * (`before`), an update both; the other actions carry what they are about, if anything (a sign-in
 * nothing, a read of exempt papers what was read, an import its counts).
 */
export type TAuditChange =
  | { action: 'create'; after: TAuditSnapshot; before?: never }
  | { action: 'delete'; before: TAuditSnapshot; after?: never }
  | { action: 'update'; before: TAuditSnapshot; after: TAuditSnapshot }
  | { action: Exclude<TAuditAction, 'create' | 'delete' | 'update'>; before?: TAuditSnapshot; after?: TAuditSnapshot };
