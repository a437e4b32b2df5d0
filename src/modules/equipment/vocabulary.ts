// Equipment's fixed vocabularies: stored as short ASCII keys, shown with their Norwegian labels.

/** The two columns of seed 000's PC table: an employee's PC and a pupil's. */
export const DEVICE_CATEGORIES = ['ansatt', 'elev'] as const;
export type TDeviceCategory = (typeof DEVICE_CATEGORIES)[number];
export const DEVICE_CATEGORY_LABELS: Record<TDeviceCategory, string> = { ansatt: 'Ansatt', elev: 'Elev' };

/**
 * What a lifecycle rule assumes for a device whose export gives no purchase date: that it was bought
 * when it was enrolled in endpoint management, or in the month samrad first saw it signed in.
 */
export const MISSING_PURCHASE_ASSUMPTIONS = ['enrolled', 'first_seen'] as const;
export type TMissingPurchaseAssumption = (typeof MISSING_PURCHASE_ASSUMPTIONS)[number];

/** An order of new PCs: placed, delivered to the cooperation's stock, rolled out to the users; or cancelled. */
export const ORDER_STATES = ['ordered', 'delivered', 'rolled_out', 'cancelled'] as const;
export type TOrderState = (typeof ORDER_STATES)[number];
export const ORDER_STATE_LABELS: Record<TOrderState, string> = {
  ordered: 'Bestilt', delivered: 'Levert', rolled_out: 'Utlevert', cancelled: 'Kansellert',
};
/** The states an order may move to from each state; a step back is a new order, not an edit. */
export const ORDER_TRANSITIONS: Record<TOrderState, readonly TOrderState[]> = {
  ordered: ['delivered', 'cancelled'], delivered: ['rolled_out'], rolled_out: [], cancelled: [],
};

/** A retired device's steps, in order: handed back, wiped (with proof), sent to an approved recycler. */
export const RETIREMENT_STEPS = ['returned', 'wiped', 'recycled'] as const;
export type TRetirementStep = (typeof RETIREMENT_STEPS)[number];
export const RETIREMENT_STEP_LABELS: Record<TRetirementStep, string> = {
  returned: 'Innlevert', wiped: 'Slettet', recycled: 'Levert til godkjent returselskap',
};

/** The fields a device export may hold; a saved mapping names the header of each. */
export const DEVICE_IMPORT_FIELDS = [
  'serial', 'name', 'model', 'manufacturer', 'primaryUser', 'category', 'municipality', 'enrolledOn', 'lastSignInAt', 'purchasedOn',
] as const;
export type TDeviceImportField = (typeof DEVICE_IMPORT_FIELDS)[number];

/**
 * A replacement of one expired PC under a municipality's campaign (issue 13): the user is invited, asks
 * for a standard model (or defers with a reason), the manager approves or rejects, and the cooperation
 * orders, receives and hands over the new PC, takes the old one back, wipes it and retires it.
 */
export const REPLACEMENT_STATES = [
  'invited', 'deferred', 'requested', 'approved', 'rejected', 'ordered', 'delivered', 'handed_over', 'old_returned', 'old_wiped', 'retired',
] as const;
export type TReplacementState = (typeof REPLACEMENT_STATES)[number];
export const REPLACEMENT_STATE_LABELS: Record<TReplacementState, string> = {
  invited: 'Invitert', deferred: 'Utsatt', requested: 'Venter på leder', approved: 'Godkjent', rejected: 'Avslått', ordered: 'Bestilt',
  delivered: 'Levert', handed_over: 'Utlevert', old_returned: 'Gammel PC innlevert', old_wiped: 'Gammel PC slettet', retired: 'Utrangert',
};
/** The steps the cooperation's staff record, each only from the state before it. */
export const REPLACEMENT_STAFF_STEPS = ['ordered', 'delivered', 'handed_over', 'old_returned', 'old_wiped', 'retired'] as const;
export type TReplacementStaffStep = (typeof REPLACEMENT_STAFF_STEPS)[number];
export const REPLACEMENT_TRANSITIONS: Record<TReplacementState, readonly TReplacementState[]> = {
  invited: ['requested', 'deferred'], deferred: ['requested'], requested: ['approved', 'rejected'], rejected: ['requested'],
  approved: ['ordered'], ordered: ['delivered'], delivered: ['handed_over'], handed_over: ['old_returned'], old_returned: ['old_wiped'],
  old_wiped: ['retired'], retired: [],
};

/**
 * The fields a licence usage export may hold (issue 13, seed 003 M2-007: P360's sign-ins): the user
 * (UPN), their municipality, their last sign-in and their sign-ins in the month; a saved mapping names
 * the header of each.
 */
export const LICENCE_IMPORT_FIELDS = ['user', 'municipality', 'lastSignIn', 'signIns'] as const;
export type TLicenceImportField = (typeof LICENCE_IMPORT_FIELDS)[number];

/** What the professional group decides for a candidate for removal: keep the licence or remove it. */
export const LICENCE_DECISIONS = ['keep', 'remove'] as const;
export type TLicenceDecision = (typeof LICENCE_DECISIONS)[number];
export const LICENCE_DECISION_LABELS: Record<TLicenceDecision, string> = { keep: 'Beholdes', remove: 'Fjernes' };

/**
 * Months without a sign-in that make a licence a candidate for removal, when a product is made without
 * its own number. Seed 003 (2024/M2-007): «Alle pålogginger de siste 4-5 månedene er loggført og vi
 * foreslår å benytte denne listen»; four is the shorter of the two.
 */
export const DEFAULT_INACTIVE_MONTHS = 4;
