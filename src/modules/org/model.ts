// Zod schemas of the organisation API: what the routes accept and answer, shared with the web app.
// Dates are ISO dates (2023-01-01) on the wire; pages show them as 01.01.2023.
import { z } from '@hono/zod-openapi';
import { BODY_MEMBER_ROLES, CASE_NUMBERINGS, COOPERATION_FORMS, DEPUTY_ROLE, GENDERS, LOGO_TYPES, ROLES, STAFF_EMPLOYERS } from './vocabulary.js';
import { ZIsoDate } from '../../lib/date-schemas.js';
import { CASE_PATTERN_MAX } from './case-pattern.js';
import { ZRevision } from '../../lib/id-schemas.js';

const ZName = z.string().trim().min(1, 'Må fylles ut').max(200);
const ZOptionalText = z.string().trim().max(500).nullable().optional();
const ZRefId = z.string().uuid('Ugyldig id');

/** The revision in a response. */
const revised = { revision: z.number().int() };

/** A period's end may be open (null); if given it is not before its start. */
const endNotBeforeStart = (start: string | undefined, end: string | null | undefined) => !start || !end || end >= start;

// ---- cooperation -------------------------------------------------------------------------------

/** Enhetsregisteret's check: weights 3 2 7 6 5 4 3 2 over the first eight digits, mod 11; remainder 1 has no valid number. */
export function isValidOrganisationNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(value[8]);
}

export const ZOrganisationNumber = z.string().trim()
  .regex(/^\d{9}$/, { message: 'Organisasjonsnummeret har ni sifre', abort: true })
  .refine(isValidOrganisationNumber, 'Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke)')
  .openapi({ example: '974760673' });

export const ZCooperation = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  hostMunicipalityId: z.string().nullable(),
  founded: z.string().nullable(),
  organisationNumber: z.string().nullable(),
  form: z.enum(COOPERATION_FORMS).nullable(),
  /** Who employs the staff when the form leaves it open; null: what the form implies (the staffing summary's `employer`). */
  staffEmployer: z.enum(STAFF_EMPLOYERS).nullable(),
  address: z.string().nullable(),
  letterhead: z.string().nullable(),
  /** The letterhead's logo, or null; its bytes at GET /api/cooperations/{id}/logo. */
  logo: z.object({ sha256: z.string(), contentType: z.enum(LOGO_TYPES), size: z.number().int() }).nullable(),
  createdAt: z.string(),
  ...revised,
}).openapi('Cooperation');
export type TCooperation = z.infer<typeof ZCooperation>;

/** Lines of text for the letterhead: at most six lines of at most 100 characters, no blank lines kept. */
const ZLetterheadLines = z.string().trim().max(600)
  .refine((s) => s.split('\n').length <= 6, 'Høyst seks linjer')
  .refine((s) => s.split('\n').every((l) => l.length <= 100), 'Høyst 100 tegn per linje')
  .transform((s) => s.split('\n').map((l) => l.trim()).filter(Boolean).join('\n') || null)
  .nullable().optional();

export const ZCreateCooperationRequest = z.object({
  name: ZName,
  shortName: z.string().trim().min(1, 'Må fylles ut').max(40),
  hostMunicipalityId: ZRefId.nullable().optional(),
  founded: ZIsoDate.nullable().optional(),
  organisationNumber: ZOrganisationNumber.nullable().optional(),
  form: z.enum(COOPERATION_FORMS).nullable().optional(),
  staffEmployer: z.enum(STAFF_EMPLOYERS).nullable().optional(),
  address: ZLetterheadLines,
  letterhead: ZLetterheadLines,
}).openapi('CreateCooperationRequest');
export type TCreateCooperationRequest = z.infer<typeof ZCreateCooperationRequest>;

export const ZUpdateCooperationRequest = ZCreateCooperationRequest.partial().extend({ revision: ZRevision }).openapi('UpdateCooperationRequest');
export type TUpdateCooperationRequest = z.infer<typeof ZUpdateCooperationRequest>;

export const ZUploadLogoRequest = z.object({
  file: z.instanceof(File, { message: 'Velg et bilde (feltet file)' }).openapi({ type: 'string', format: 'binary' }),
  revision: z.coerce.number().int().min(1).openapi({ type: 'integer', description: 'The cooperation\'s revision as read (decision 0024)' }),
}).openapi('UploadLogoRequest');

export const ZRevisionQuery = z.object({
  revision: z.coerce.number().int().min(1).openapi({ param: { name: 'revision', in: 'query' }, type: 'integer' }),
});

// ---- municipalities and memberships ------------------------------------------------------------

export const ZMunicipality = z.object({
  id: z.string(),
  name: z.string(),
  number: z.string().nullable(),
  ...revised,
}).openapi('Municipality');

export const ZCreateMunicipalityRequest = z.object({
  name: ZName,
  number: z.string().regex(/^\d{4}$/, 'Kommunenummer har fire sifre').nullable().optional(),
}).openapi('CreateMunicipalityRequest');
export type TCreateMunicipalityRequest = z.infer<typeof ZCreateMunicipalityRequest>;

export const ZUpdateMunicipalityRequest = ZCreateMunicipalityRequest.partial().extend({ revision: ZRevision }).openapi('UpdateMunicipalityRequest');
export type TUpdateMunicipalityRequest = z.infer<typeof ZUpdateMunicipalityRequest>;

export const ZMembership = z.object({
  id: z.string(),
  cooperationId: z.string(),
  municipalityId: z.string(),
  municipalityName: z.string(),
  joined: z.string(),
  left: z.string().nullable(),
  ...revised,
}).openapi('Membership');

export const ZCreateMembershipRequest = z.object({
  municipalityId: ZRefId,
  joined: ZIsoDate,
  left: ZIsoDate.nullable().optional(),
}).refine((m) => endNotBeforeStart(m.joined, m.left), { path: ['left'], message: 'Utmeldt kan ikke være før innmeldt' })
  .openapi('CreateMembershipRequest');
export type TCreateMembershipRequest = z.infer<typeof ZCreateMembershipRequest>;

export const ZUpdateMembershipRequest = z.object({
  revision: ZRevision,
  joined: ZIsoDate.optional(),
  left: ZIsoDate.nullable().optional(),
}).refine((m) => endNotBeforeStart(m.joined, m.left), { path: ['left'], message: 'Utmeldt kan ikke være før innmeldt' })
  .openapi('UpdateMembershipRequest');
export type TUpdateMembershipRequest = z.infer<typeof ZUpdateMembershipRequest>;

/** A member municipality as of a year or a day. */
export const ZMember = z.object({
  municipalityId: z.string(),
  name: z.string(),
  number: z.string().nullable(),
  joined: z.string(),
  left: z.string().nullable(),
}).openapi('Member');

export const ZMembersQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2200).optional().openapi({ param: { name: 'year', in: 'query' } }),
  on: ZIsoDate.optional().openapi({ param: { name: 'on', in: 'query' } }),
}).refine((q) => !(q.year && q.on), { path: ['on'], message: 'Oppgi enten year eller on, ikke begge' });

// ---- departments -------------------------------------------------------------------------------

export const ZDepartment = z.object({
  id: z.string(),
  cooperationId: z.string(),
  name: z.string(),
  /** The department's last day (inclusive); null while it exists. */
  validTo: z.string().nullable(),
  ...revised,
}).openapi('Department');

export const ZCreateDepartmentRequest = z.object({
  cooperationId: ZRefId,
  name: ZName,
  validTo: ZIsoDate.nullable().optional(),
}).openapi('CreateDepartmentRequest');
export type TCreateDepartmentRequest = z.infer<typeof ZCreateDepartmentRequest>;

export const ZUpdateDepartmentRequest = ZCreateDepartmentRequest.omit({ cooperationId: true }).partial().extend({ revision: ZRevision }).openapi('UpdateDepartmentRequest');
export type TUpdateDepartmentRequest = z.infer<typeof ZUpdateDepartmentRequest>;

export const ZDepartmentsQuery = z.object({
  cooperationId: ZRefId.optional().openapi({ param: { name: 'cooperationId', in: 'query' } }),
});

// ---- people ------------------------------------------------------------------------------------

export const ZPerson = z.object({
  id: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  /** Only admin and staff see e-mail addresses. */
  email: z.string().nullable().optional(),
  title: z.string().nullable(),
  municipalityId: z.string().nullable(),
  /** Only admin and staff see it (the staffing's women and men). */
  gender: z.enum(GENDERS).optional(),
  ...revised,
}).openapi('Person');

export const ZCreatePersonRequest = z.object({
  familyName: ZName,
  givenName: ZName,
  email: z.string().trim().email('Ugyldig e-postadresse').max(320).nullable().optional(),
  title: ZOptionalText,
  municipalityId: ZRefId.nullable().optional(),
  /** kvinne, mann or ikke_oppgitt (the default). */
  gender: z.enum(GENDERS, { message: 'Kjønn må være kvinne, mann eller ikke oppgitt' }).optional(),
}).openapi('CreatePersonRequest');
export type TCreatePersonRequest = z.infer<typeof ZCreatePersonRequest>;

export const ZUpdatePersonRequest = ZCreatePersonRequest.partial().extend({ revision: ZRevision }).openapi('UpdatePersonRequest');
export type TUpdatePersonRequest = z.infer<typeof ZUpdatePersonRequest>;

// ---- positions (stillinger) and staffing -------------------------------------------------------

/** Stillingsprosent: 0–100 with at most two decimals (33,33 % of a full-time position). */
export const ZFtePercent = z.number({ message: 'Stillingsprosent er et tall' })
  .min(0, 'Minst 0 %').max(100, 'Høyst 100 %')
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'Høyst to desimaler')
  .openapi({ example: 80 });

export const ZPosition = z.object({
  id: z.string(),
  personId: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  title: z.string().nullable(),
  /** Stillingsprosent, 100 a full-time position. */
  ftePercent: z.number(),
  startDate: z.string(),
  /** The last day (inclusive); null while the position lasts. */
  endDate: z.string().nullable(),
  ...revised,
}).openapi('Position');
export type TPosition = z.infer<typeof ZPosition>;

const POSITION_END_MESSAGE = 'Sluttdatoen kan ikke være før startdatoen';

export const ZCreatePositionRequest = z.object({
  departmentId: ZRefId,
  title: ZOptionalText,
  ftePercent: ZFtePercent,
  startDate: ZIsoDate,
  endDate: ZIsoDate.nullable().optional(),
}).refine((p) => endNotBeforeStart(p.startDate, p.endDate), { path: ['endDate'], message: POSITION_END_MESSAGE })
  .openapi('CreatePositionRequest');
export type TCreatePositionRequest = z.infer<typeof ZCreatePositionRequest>;

export const ZUpdatePositionRequest = z.object({
  revision: ZRevision,
  departmentId: ZRefId.optional(),
  title: ZOptionalText,
  ftePercent: ZFtePercent.optional(),
  startDate: ZIsoDate.optional(),
  endDate: ZIsoDate.nullable().optional(),
}).refine((p) => endNotBeforeStart(p.startDate, p.endDate), { path: ['endDate'], message: POSITION_END_MESSAGE })
  .openapi('UpdatePositionRequest');
export type TUpdatePositionRequest = z.infer<typeof ZUpdatePositionRequest>;

/**
 * A change from a date as one action (80 % from 1 March): the position read at `revision` ends the day
 * before `from`, and a new one with the new stillingsprosent (title, department) starts on `from` and
 * runs to the old one's end.
 */
export const ZChangePositionRequest = z.object({
  revision: ZRevision,
  from: ZIsoDate,
  ftePercent: ZFtePercent.optional(),
  title: ZOptionalText,
  departmentId: ZRefId.optional(),
}).openapi('ChangePositionRequest');
export type TChangePositionRequest = z.infer<typeof ZChangePositionRequest>;

export const ZPositionChange = z.object({
  /** The position as it ended, the day before the change. */
  ended: ZPosition,
  started: ZPosition,
}).openapi('PositionChange');

export const ZPositionsQuery = z.object({
  cooperationId: ZRefId.optional().openapi({ param: { name: 'cooperationId', in: 'query' } }),
  /** Only the positions that run on this day. */
  on: ZIsoDate.optional().openapi({ param: { name: 'on', in: 'query' } }),
});

/** Who employs the staff: the host municipality or the cooperation itself, by name; null kind while nobody has said. */
export const ZEmployer = z.object({
  kind: z.enum(STAFF_EMPLOYERS).nullable(),
  name: z.string().nullable(),
  /** true: the cooperation states it (`staffEmployer`); false: what its form implies, or unknown. */
  stated: z.boolean(),
}).openapi('Employer');

/** Staffing of one department on a day: people and stillingsprosent summed (årsverk = ftePercent / 100). */
export const ZDepartmentStaffing = z.object({
  departmentId: z.string(),
  name: z.string(),
  people: z.number().int(),
  /** Sum of stillingsprosent; 2750 is 27,5 årsverk. */
  ftePercent: z.number(),
  /** Årsverk (full-time equivalents). */
  fte: z.number(),
  /** People with a position here whose gender is given as kvinne / mann; the rest are not given. */
  women: z.number().int(),
  men: z.number().int(),
}).openapi('DepartmentStaffing');

export const ZStaffing = z.object({
  on: z.string(),
  employer: ZEmployer,
  departments: z.array(ZDepartmentStaffing),
  /** Everyone once, also a person with positions in two departments. */
  total: z.object({ people: z.number().int(), ftePercent: z.number(), fte: z.number(), women: z.number().int(), men: z.number().int() }),
}).openapi('Staffing');

export const ZStaffingQuery = z.object({
  /** The day; left out, today in Norway. */
  on: ZIsoDate.optional().openapi({ param: { name: 'on', in: 'query' } }),
});

// ---- bodies and their members ------------------------------------------------------------------

export const ZBody = z.object({
  id: z.string(),
  cooperationId: z.string(),
  name: z.string(),
  kind: z.string(),
  caseNumbering: z.enum(CASE_NUMBERINGS),
  casePrefix: z.string().nullable(),
  /** `{body} {n}/{yy}` and the like (decision 0030's neighbour, case-pattern.ts); null: the built-in form. */
  casePattern: z.string().nullable(),
  active: z.boolean(),
  /** First and last day of the body (inclusive); null is open. */
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  ...revised,
}).openapi('Body');

const ZBodyFields = z.object({
  cooperationId: ZRefId,
  name: ZName,
  kind: z.string().trim().min(1).max(40).optional(),
  caseNumbering: z.enum(CASE_NUMBERINGS).optional(),
  casePrefix: z.string().trim().min(1).max(10).nullable().optional(),
  casePattern: z.string().max(CASE_PATTERN_MAX).nullable().optional()
    .openapi({ description: 'Tokens {n} {nnn} {m} {yy} {yyyy} {body}; exactly one of {n}/{nnn}, a year, and {m} under numbering per meeting', example: '{body} {n}/{yy}' }),
  active: z.boolean().optional(),
  validFrom: ZIsoDate.nullable().optional(),
  validTo: ZIsoDate.nullable().optional(),
});

export const BODY_PERIOD_MESSAGE = 'Organet kan ikke avsluttes før det ble opprettet';

export const ZCreateBodyRequest = ZBodyFields
  .refine((b) => b.caseNumbering !== 'running' || Boolean(b.casePrefix), {
    path: ['casePrefix'], message: 'Løpende saksnummerering krever et prefiks (f.eks. ST)',
  })
  .refine((b) => endNotBeforeStart(b.validFrom ?? undefined, b.validTo), { path: ['validTo'], message: BODY_PERIOD_MESSAGE })
  .openapi('CreateBodyRequest');
export type TCreateBodyRequest = z.infer<typeof ZCreateBodyRequest>;

export const ZUpdateBodyRequest = ZBodyFields.omit({ cooperationId: true }).partial().extend({ revision: ZRevision }).openapi('UpdateBodyRequest');
export type TUpdateBodyRequest = z.infer<typeof ZUpdateBodyRequest>;

export const ZBodiesQuery = z.object({
  cooperationId: ZRefId.optional().openapi({ param: { name: 'cooperationId', in: 'query' } }),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional()
    .openapi({ param: { name: 'active', in: 'query' }, type: 'string', enum: ['true', 'false'] }),
  /** true: only bodies that have not ended (validTo today or later, or open); the lists' default view. */
  current: z.enum(['true', 'false']).transform((v) => v === 'true').optional()
    .openapi({ param: { name: 'current', in: 'query' }, type: 'string', enum: ['true', 'false'] }),
});

export const ZBodyMember = z.object({
  id: z.string(),
  bodyId: z.string(),
  personId: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  email: z.string().nullable().optional(),
  title: z.string().nullable(),
  role: z.enum(BODY_MEMBER_ROLES),
  municipalityId: z.string().nullable(),
  municipalityName: z.string().nullable(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  /** A deputy's member (the person), and their name as the papers write it. */
  deputyForPersonId: z.string().nullable(),
  deputyForName: z.string().nullable(),
  ...revised,
}).openapi('BodyMember');

export const DEPUTY_ONLY_MESSAGE = 'Bare et varamedlem kan stå for et annet medlem';
const deputyOnlyForDeputies = (m: { role?: string; deputyForPersonId?: string | null }) => !m.deputyForPersonId || !m.role || m.role === DEPUTY_ROLE;

export const ZCreateBodyMemberRequest = z.object({
  personId: ZRefId,
  role: z.enum(BODY_MEMBER_ROLES),
  municipalityId: ZRefId.nullable().optional(),
  fromDate: ZIsoDate,
  toDate: ZIsoDate.nullable().optional(),
  deputyForPersonId: ZRefId.nullable().optional(),
}).refine((m) => endNotBeforeStart(m.fromDate, m.toDate), { path: ['toDate'], message: 'Til-dato kan ikke være før fra-dato' })
  .refine(deputyOnlyForDeputies, { path: ['deputyForPersonId'], message: DEPUTY_ONLY_MESSAGE })
  .openapi('CreateBodyMemberRequest');
export type TCreateBodyMemberRequest = z.infer<typeof ZCreateBodyMemberRequest>;

export const ZUpdateBodyMemberRequest = z.object({
  revision: ZRevision,
  role: z.enum(BODY_MEMBER_ROLES).optional(),
  municipalityId: ZRefId.nullable().optional(),
  fromDate: ZIsoDate.optional(),
  toDate: ZIsoDate.nullable().optional(),
  deputyForPersonId: ZRefId.nullable().optional(),
}).refine((m) => endNotBeforeStart(m.fromDate, m.toDate), { path: ['toDate'], message: 'Til-dato kan ikke være før fra-dato' })
  .refine(deputyOnlyForDeputies, { path: ['deputyForPersonId'], message: DEPUTY_ONLY_MESSAGE })
  .openapi('UpdateBodyMemberRequest');
export type TUpdateBodyMemberRequest = z.infer<typeof ZUpdateBodyMemberRequest>;

/**
 * A role change in the middle of a period, as one action: the membership read at `revision` ends the
 * day before `from`, and a new one in `role` starts on `from` and runs to the old one's end.
 */
export const ZChangeBodyMemberRoleRequest = z.object({
  revision: ZRevision,
  role: z.enum(BODY_MEMBER_ROLES),
  from: ZIsoDate,
  /** Left out: the municipality the member represented until now. */
  municipalityId: ZRefId.nullable().optional(),
  deputyForPersonId: ZRefId.nullable().optional(),
}).refine(deputyOnlyForDeputies, { path: ['deputyForPersonId'], message: DEPUTY_ONLY_MESSAGE })
  .openapi('ChangeBodyMemberRoleRequest');
export type TChangeBodyMemberRoleRequest = z.infer<typeof ZChangeBodyMemberRoleRequest>;

export const ZBodyMemberRoleChange = z.object({
  /** The membership as it ended, the day before the new role. */
  ended: ZBodyMember,
  started: ZBodyMember,
}).openapi('BodyMemberRoleChange');

export const ZBodyMembersQuery = z.object({
  on: ZIsoDate.optional().openapi({ param: { name: 'on', in: 'query' } }),
});

// ---- users -------------------------------------------------------------------------------------

export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  municipalityId: z.string().nullable(),
  personId: z.string().nullable(),
  oidcSubject: z.string().nullable(),
  disabled: z.boolean(),
  /** Made by the demo loader with the published password. */
  demo: z.boolean(),
  hasPassword: z.boolean(),
  createdAt: z.string(),
  ...revised,
}).openapi('User');

const ZPassword = z.string().min(10, 'Passordet må ha minst 10 tegn').max(1000);
const municipalityWhenNeeded = (u: { role?: string; municipalityId?: string | null }) =>
  u.role !== 'municipality' || Boolean(u.municipalityId);
const municipalityMessage = { path: ['municipalityId'], message: 'En kommunebruker må høre til en kommune' };

export const ZCreateUserRequest = z.object({
  email: z.string().trim().email('Ugyldig e-postadresse').max(320),
  name: ZName,
  role: z.enum(ROLES),
  municipalityId: ZRefId.nullable().optional(),
  personId: ZRefId.nullable().optional(),
  password: ZPassword.optional(),
}).refine(municipalityWhenNeeded, municipalityMessage).openapi('CreateUserRequest');
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z.object({
  revision: ZRevision,
  name: ZName.optional(),
  role: z.enum(ROLES).optional(),
  municipalityId: ZRefId.nullable().optional(),
  personId: ZRefId.nullable().optional(),
  disabled: z.boolean().optional(),
  /** The linked OpenID Connect subject (`<issuer>#<sub>`); null unlinks. */
  oidcSubject: z.string().trim().min(1).max(500).nullable().optional(),
}).openapi('UpdateUserRequest');
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

// ---- taking an install into use ------------------------------------------------------------------

// Flat, so each field's message lands at its own field on the page.
export const ZCompleteSetupRequest = z.object({
  /** From the set-up link in the server's log. */
  token: z.string().min(1, 'Oppsettlenken mangler').max(200),
  adminName: ZName,
  adminEmail: z.string().trim().email('Ugyldig e-postadresse').max(320),
  adminPassword: ZPassword,
  cooperationName: ZName,
  shortName: z.string().trim().min(1, 'Må fylles ut').max(40),
  organisationNumber: ZOrganisationNumber,
  founded: ZIsoDate,
  hostMunicipalityName: ZName,
  hostMunicipalityNumber: z.string().regex(/^\d{4}$/, 'Kommunenummer har fire sifre').nullable().optional(),
}).openapi('CompleteSetupRequest');
export type TCompleteSetupRequest = z.infer<typeof ZCompleteSetupRequest>;

export const ZResetPasswordRequest = z.object({ password: ZPassword }).openapi('ResetPasswordRequest');
export type TResetPasswordRequest = z.infer<typeof ZResetPasswordRequest>;

// ---- what the public sees ----------------------------------------------------------------------

export const ZInstance = z.object({
  /** True while any demo account (published password) exists: the web shows a demo banner. */
  demo: z.boolean(),
}).openapi('Instance');

export const ZPublicCooperation = z.object({
  name: z.string(),
  shortName: z.string(),
  members: z.array(z.object({ name: z.string(), number: z.string().nullable() })),
  bodies: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
}).openapi('PublicCooperation');
