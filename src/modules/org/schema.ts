// The organisation: the cooperation, its member municipalities (with membership periods), its bodies
// and their members, the people in them, and the user accounts that sign in.
import { sql } from 'drizzle-orm';
import {
  boolean, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { BODY_MEMBER_ROLES, CASE_NUMBERINGS, COOPERATION_FORMS, GENDERS, ROLES, STAFF_EMPLOYERS } from './vocabulary.js';

/** Counts the row's edits; an edit sends back the one it read (decision 0024, revision.ts). */
const revision = () => integer('revision').notNull().default(1);

export const roleEnum = pgEnum('user_role', ROLES);
export const bodyMemberRoleEnum = pgEnum('body_member_role', BODY_MEMBER_ROLES);
export const caseNumberingEnum = pgEnum('case_numbering', CASE_NUMBERINGS);
export const cooperationFormEnum = pgEnum('cooperation_form', COOPERATION_FORMS);
export const genderEnum = pgEnum('gender', GENDERS);
export const staffEmployerEnum = pgEnum('staff_employer', STAFF_EMPLOYERS);

export const cooperations = pgTable('cooperations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  hostMunicipalityId: uuid('host_municipality_id'),
  founded: date('founded'),
  /** Organisasjonsnummer in Enhetsregisteret: nine digits, the last a mod-11 check digit. */
  organisationNumber: text('organisation_number'),
  form: cooperationFormEnum('form'),
  /**
   * Who employs the staff, where the form leaves it open (a kommunalt oppgavefellesskap may or may not be
   * a legal entity of its own); null: what the form implies (staffing.ts `employerOf`).
   */
  staffEmployer: staffEmployerEnum('staff_employer'),
  /** The postal address as the letterhead prints it, one line per line ("Postboks 1", "6401 Molde"). */
  address: text('address'),
  /** Further letterhead lines (telephone, e-mail, web), printed under the address. */
  letterhead: text('letterhead'),
  /**
   * The logo on the papers: a PNG or JPEG in the file store (decision 0013), named by its SHA-256 like
   * every stored file, so the file sweep keeps it while this row names it.
   */
  logoSha256: text('logo_sha256'),
  logoContentType: text('logo_content_type'),
  logoSize: integer('logo_size'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revision: revision(),
});

export const municipalities = pgTable('municipalities', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** Norwegian municipality number (kommunenummer), four digits. */
  number: text('number'),
  revision: revision(),
}, (t) => [uniqueIndex('municipalities_name_uq').on(t.name), uniqueIndex('municipalities_number_uq').on(t.number)]);

export const memberships = pgTable('memberships', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id, { onDelete: 'restrict' }),
  joined: date('joined').notNull(),
  /** Last day as a member; null while the membership lasts. */
  left: date('left'),
  revision: revision(),
}, (t) => [index('memberships_coop_idx').on(t.cooperationId)]);

/**
 * The cooperation's own departments (Kundeservice, Drift, Tjenesteutvikling), for staffing figures. An
 * ended department keeps its positions, so a staffing summary on a date before its end still counts them.
 */
export const departments = pgTable('departments', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** The department's last day (inclusive); null while it exists. */
  validTo: date('valid_to'),
  revision: revision(),
}, (t) => [uniqueIndex('departments_coop_name_uq').on(t.cooperationId, t.name)]);

export const people = pgTable('people', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** As the papers write names: "Gjørtz, Fred". */
  familyName: text('family_name').notNull(),
  givenName: text('given_name').notNull(),
  email: text('email'),
  title: text('title'),
  municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'set null' }),
  /** For the annual report's women and men per department; 'ikke_oppgitt' unless someone says. */
  gender: genderEnum('gender').notNull().default('ikke_oppgitt'),
  revision: revision(),
});

/**
 * A position (stilling) of one of the cooperation's staff in a department, for a period: a person's
 * stillingsprosent over time is the list of their positions. A change from a date ends one position the
 * day before and starts the next (positions.service.ts `changePosition`).
 */
export const positions = pgTable('positions', {
  id: uuid('id').primaryKey().defaultRandom(),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'restrict' }),
  departmentId: uuid('department_id').notNull().references(() => departments.id, { onDelete: 'restrict' }),
  /** The position's title (stillingstittel): «Rådgiver», «Driftstekniker». */
  title: text('title'),
  /**
   * Stillingsprosent in hundredths of a percent: 10000 is a full-time position, 3333 is 33,33 %. Whole
   * numbers, so sums over a department are exact (never a float).
   */
  fteHundredths: integer('fte_hundredths').notNull(),
  startDate: date('start_date').notNull(),
  /** The last day (inclusive); null while the position lasts. */
  endDate: date('end_date'),
  revision: revision(),
}, (t) => [index('positions_person_idx').on(t.personId), index('positions_department_idx').on(t.departmentId)]);

export const bodies = pgTable('bodies', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  kind: text('kind').notNull().default('rad'),
  caseNumbering: caseNumberingEnum('case_numbering').notNull().default('meeting'),
  /** For `running` numbering: the prefix before the number, e.g. "ST". */
  casePrefix: text('case_prefix'),
  /** A pattern of the body's own for its case numbers (case-pattern.ts); null: the scheme's built-in form. */
  casePattern: text('case_pattern'),
  active: boolean('active').notNull().default(true),
  /**
   * The period the body exists in, both ends inclusive and open when null: professional groups are
   * restructured (eight groups one year, four the next), and an ended body keeps its meetings and members.
   */
  validFrom: date('valid_from'),
  validTo: date('valid_to'),
  revision: revision(),
}, (t) => [uniqueIndex('bodies_coop_name_uq').on(t.cooperationId, t.name)]);

export const bodyMembers = pgTable('body_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  bodyId: uuid('body_id').notNull().references(() => bodies.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'restrict' }),
  role: bodyMemberRoleEnum('role').notNull().default('medlem'),
  municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'set null' }),
  fromDate: date('from_date').notNull(),
  toDate: date('to_date'),
  /** A deputy's member: the person they stand in for (a person, so it survives that member's role change). */
  deputyForPersonId: uuid('deputy_for_person_id').references(() => people.id, { onDelete: 'restrict' }),
  revision: revision(),
}, (t) => [index('body_members_body_idx').on(t.bodyId)]);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: roleEnum('role').notNull(),
  municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'set null' }),
  personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
  passwordHash: text('password_hash'),
  oidcSubject: text('oidc_subject'),
  disabled: boolean('disabled').notNull().default(false),
  /** Made by the demo loader with the published password: never given to a real person (docs/decisions/0012). */
  demo: boolean('demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revision: revision(),
}, (t) => [
  uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
  uniqueIndex('users_oidc_uq').on(t.oidcSubject),
]);

/**
 * The one-time link that lets the first admin set up an install that has none (docs/decisions/0012):
 * the link holds a random token, the table its SHA-256; it expires and is spent by its first use.
 */
export const setupTokens = pgTable('setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

export const sessions = pgTable('sessions', {
  /** SHA-256 of the cookie token, so a leaked table does not hand out sessions. */
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/**
 * Sign-in attempts per key, to slow down guessing (src/server/auth/throttle.ts): "pair:<email>|<address>",
 * "ip:<address>" or "device:<hash of a device cookie>". An attempt is counted before its password is
 * checked and refunded when it succeeds, so concurrent guesses cannot all slip past the limit.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});

/**
 * Browsers that signed in to an account before (OWASP's device cookie): the cookie holds a random token,
 * the table its SHA-256. Such a browser is throttled on its own failures only, so someone guessing from
 * elsewhere, or from the same address, cannot lock its owner out (docs/decisions/0015).
 */
export const trustedDevices = pgTable('trusted_devices', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('trusted_devices_user_idx').on(t.userId)]);
