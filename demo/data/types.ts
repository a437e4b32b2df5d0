// The shape of the demo cooperation as plain data. The loader turns these objects into calls to the
// org and governance services; nothing here knows about the database. Keys (`'molde'`, `'gjortz'`) tie
// the files together so a typo is a type error, not a missing row.

export type TMunicipalityKey = 'molde' | 'aukra' | 'rauma' | 'vestnes' | 'hustadvika' | 'midsund';

export type TBodyKey = 'styret' | 'samarbeidsradet';

export type TPersonKey =
  // ROR-IKT's administration
  | 'gjortz' | 'spilling' | 'kristengard' | 'mathisen'
  // Samarbeidsrådet 2024 (seed 003)
  | 'aasen' | 'ersvik' | 'skalhavn' | 'langoy' | 'ulvestad' | 'myhre' | 'skjolberg'
  // Styret 2018 (seed 001)
  | 'hovdenak' | 'rimstad' | 'dahl' | 'roaldsnes' | 'ugelvik' | 'holand';

export type TDemoMunicipality = {
  key: TMunicipalityKey;
  name: string;
  /** Kommunenummer (Hustadvika and today's Molde got new numbers in the 2020 reform). */
  number: string;
  joined: string;
  /** Last day as a member, ISO date; absent while the membership lasts. */
  left?: string;
};

export type TDemoCooperation = {
  name: string;
  shortName: string;
  host: TMunicipalityKey;
  founded: string;
};

export type TDemoBody = {
  key: TBodyKey;
  name: string;
  kind: string;
  caseNumbering: 'meeting' | 'running';
  casePrefix?: string;
  active: boolean;
};

export type TDemoPerson = {
  key: TPersonKey;
  givenName: string;
  familyName: string;
  email: string;
  title?: string;
  municipality?: TMunicipalityKey;
};

export type TBodyMemberRole = 'leder' | 'nestleder' | 'medlem' | 'varamedlem' | 'observator' | 'sekretar';

export type TDemoBodyMember = {
  body: TBodyKey;
  person: TPersonKey;
  role: TBodyMemberRole;
  municipality?: TMunicipalityKey;
  from: string;
  to?: string;
};

export type TDemoAccount = {
  email: string;
  name: string;
  role: 'admin' | 'staff' | 'council' | 'municipality';
  municipality?: TMunicipalityKey;
  person?: TPersonKey;
};

export type TCaseType = 'vedtak' | 'orientering' | 'diskusjon';

/** A small PDF the loader generates: a title and lines of body text. */
export type TDemoAttachment = {
  filename: string;
  title: string;
  lines: string[];
};

export type TDemoCase = {
  /** The number as the paper prints it; the loader checks the service numbered the case the same way. */
  number: string;
  title: string;
  type: TCaseType;
  presenters: TPersonKey[];
  description?: string;
  standing?: 'innkalling' | 'referat';
  proposalKind?: 'vedtak' | 'enighet';
  proposal?: string;
  exempt?: { publicTitle: string; legalBasisCode: string };
  presentation?: {
    archiveCode?: string;
    caseFolder?: string;
    caseOfficer?: string;
    date?: string;
    proposalHeading?: string;
    body: string;
  };
  decision?: { kind: 'vedtak' | 'enighet'; text: string };
  treatment?: string;
  attachments?: TDemoAttachment[];
};

export type TAttendanceRole = 'til_stede' | 'forfall' | 'observator' | 'administrasjon' | 'referent';

export type TDemoAttendance = {
  person: TPersonKey;
  role: TAttendanceRole;
  municipality?: TMunicipalityKey;
  /** The position as the protocol writes it ("Daglig leder ROR-IKT"). */
  note?: string;
};

export type TDemoMeeting = {
  body: TBodyKey;
  year: number;
  number: number;
  date: string;
  startTime: string;
  endTime?: string;
  place: string;
  /** Running numbering: the first case number when the body's year began before the demo's papers (ST 34/18). */
  firstCaseSequence?: number;
  cases: TDemoCase[];
  attendance?: TDemoAttendance[];
  /** Send the notice (version 1) after building the agenda. */
  noticeSent: boolean;
  /** The minutes were approved by this case of a later meeting (its printed number). */
  minutesApprovedBy?: string;
  published: boolean;
};

/** A report section as the paper prints it, in reading order; `parent` is an earlier section's key. */
export type TDemoReportSection = {
  key: string;
  parent?: string;
  title: string;
  /** Narrative markup (src/lib/rich-text-markup.ts); absent for a heading without text. */
  narrative?: string;
  blocks?: { type: string; params: Record<string, unknown> }[];
};

/** A figure entered for the annual report (src/modules/reports ENTERED_METRICS). */
export type TDemoFigure = { metric: string; dimension?: string; value: number };
