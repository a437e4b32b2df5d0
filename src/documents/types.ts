// The data each Typst template is filled with. Everything is already formatted for print (dates as
// 13.12.2023, labels in bokmål) and already redacted for the reader: templates only lay out text, so
// no access rule and no date arithmetic lives in Typst.

/** One case as a paper shows it. For the public, an exempt case carries only number, title (the public
 * title) and legalBasis; every other field is empty. */
export type TDocCase = {
  number: string;
  title: string;
  /** "Vedtak", "Orientering" or "Diskusjon"; empty when redacted. */
  typeLabel: string;
  presenters: string[];
  description: string;
  /** "Forslag til vedtak" / "Forslag til enighet" and its text. */
  proposalLabel: string;
  proposal: string;
  attachments: string[];
  /** The citation, "Unntatt offentlighet, offl. § 13 …", or null for a public case. */
  legalBasis: string | null;
  /** True when the reader may not see the content: only number, title and legal basis are filled. */
  redacted: boolean;
};

export type TDocDecidedCase = TDocCase & {
  /** "Vedtak" or "Enighet"; empty when nothing is recorded. */
  decisionLabel: string;
  decisionText: string;
  treatment: string;
  /** Per-member votes, when a vote was taken. */
  votes: { name: string; choice: string }[];
  voteSummary: string;
};

export type TDocMeeting = {
  /** "Samarbeidsrådet for ROR-IKT". */
  bodyName: string;
  /** "2023/M6". */
  label: string;
  /** "13.12.2023". */
  date: string;
  /** "13. desember 2023". */
  dateLong: string;
  /** "08:15 - 11:00" or "08:15". */
  /** Empty when the meeting has no known time (a historical one): the paper leaves the row out. */
  time: string;
  place: string;
};

/** The cooperation's letterhead at the top of the notice and the minutes; null prints none. */
export type TDocLetterhead = {
  name: string;
  /** Address, "Org.nr. 974 760 673", and further lines, each as printed. */
  lines: string[];
  /** The logo's path among the render job's files, or null. */
  logo: string | null;
};

export type TNoticeDocument = {
  letterhead: TDocLetterhead | null;
  meeting: TDocMeeting;
  /** Version of the notice, 0 for a draft never sent. */
  version: number;
  /** Where this paper stands: "Versjon 2, sendt 06.12.2023", "Utkast, ikke sendt" … */
  status: string;
  cases: TDocCase[];
};

export type TDocAttendee = { name: string; detail: string };

export type TMinutesDocument = {
  letterhead: TDocLetterhead | null;
  meeting: TDocMeeting;
  present: TDocAttendee[];
  absent: TDocAttendee[];
  observers: TDocAttendee[];
  administration: TDocAttendee[];
  referents: string[];
  cases: TDocDecidedCase[];
  /** "Godkjent i sak 2024/M2-002, 13.03.2024", or empty while a draft. */
  approval: string;
};

export type TPresentationDocument = {
  archiveCode: string;
  caseFolder: string;
  caseOfficer: string;
  date: string;
  title: string;
  caseNumber: string;
  bodyName: string;
  meetingDate: string;
  proposalHeading: string;
  proposal: string;
  body: string;
  attachments: string[];
  legalBasis: string | null;
};

// The economy tables (economy.ts composes them from the report).
/** A table's figures in the order of the document's `columns`, already printed. */
export type TPrintTable = { rows: { name: string; explanation: string | null; figures: string[] }[]; sum: string[] };
export type TPrintFinancing = {
  year: number;
  operatingFrame: string;
  investmentFrame: string;
  /** The sum row's percent, with the key's decimals: «100,0 %». */
  wholeKey: string;
  shares: { name: string; percent: string; operating: string; investment: string }[];
  settlement: { resultText: string; rows: { name: string; percent: string; amount: string }[] } | null;
};
export type TEconomyDocument = {
  cooperationName: string;
  asOfText: string;
  ruleText: string;
  /** The figure columns' headings: Prognose while the year runs, Avvik % once it is closed. */
  columns: string[];
  operating: TPrintTable;
  investment: TPrintTable;
  investmentFrameNote: string | null;
  financing: TPrintFinancing | null;
};

// The service desk's section of the activity report (servicedesk.ts composes it from the KPI pack).
export type TPrintRow = { label: string; cells: string[] };
import type { TPrintChart } from './charts.js';
export type { TPrintChart };
export type TPrintIncident = { date: string; municipality: string; title: string; sla: string };

export type TServiceDeskDocument = {
  cooperationName: string;
  scope: string;
  periodText: string;
  months: string[];
  byCategory: TPrintRow[];
  byMunicipality: TPrintRow[];
  trend: TPrintRow[];
  /** Vector charts (ECharts SVG) with their figures as alt text; each chart's table is printed beside it. */
  charts: { byCategory: TPrintChart; byMunicipality: TPrintChart; trend: TPrintChart };
  openText: string;
  /** Critical incidents and high-priority ones, listed apart (seed 000 reports them apart). */
  critical: TPrintIncident[];
  high: TPrintIncident[];
  resolution: TPrintRow[];
  sla: TPrintRow[];
  phone: TPrintRow[];
  /** For one municipality: which months' calls the phone export did not attribute to municipalities. */
  phoneNote: string | null;
  years: string[];
  byType: TPrintRow[];
  byChannel: TPrintRow[];
};
