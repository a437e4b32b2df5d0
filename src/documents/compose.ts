// Turns the governance read model (getMeetingView, already redacted for the reader) into the print data
// of each template: Norwegian dates and labels, and for a redacted case nothing but its number, public
// title and legal basis. Pure functions, so what a paper may show is testable without Typst.
import { isRedactedCase, type TCaseView, type TMeeting, type TMeetingView, type TRedactedCaseView } from '../modules/governance/model.js';
import type {
  TDocAttendee, TDocCase, TDocDecidedCase, TDocLetterhead, TDocMeeting, TMinutesDocument, TNoticeDocument, TPresentationDocument,
} from './types.js';
import { formatDate, formatDateLong } from '../lib/norwegian-format.js';

/** "08:15 - 11:00"; empty for a historical meeting the papers give no time for (the paper prints the date only). */
export function formatTimeSpan(start: string | null, end: string | null): string {
  if (!start) return '';
  return end ? `${start} - ${end}` : start;
}

const TYPE_LABEL: Record<TCaseView['caseType'], string> = { vedtak: 'Vedtak', orientering: 'Orientering', diskusjon: 'Diskusjon' };
const KIND_LABEL: Record<'vedtak' | 'enighet', string> = { vedtak: 'Vedtak', enighet: 'Enighet' };
const VOTE_LABEL: Record<'for' | 'mot' | 'blank', string> = { for: 'For', mot: 'Mot', blank: 'Blank' };

export function docMeeting(m: TMeeting): TDocMeeting {
  return {
    bodyName: m.bodyName,
    label: `${m.year}/${m.numberLabel}`,
    date: formatDate(m.date),
    dateLong: formatDateLong(m.date),
    time: formatTimeSpan(m.startTime, m.endTime),
    place: m.place,
  };
}

function redactedDocCase(c: TRedactedCaseView): TDocCase {
  return {
    number: c.number, title: c.publicTitle, typeLabel: '', presenters: [], description: '', proposalLabel: '',
    proposal: '', attachments: [], legalBasis: c.legalBasis, redacted: true,
  };
}

export function docCase(c: TCaseView | TRedactedCaseView): TDocCase {
  if (isRedactedCase(c)) return redactedDocCase(c);
  return {
    number: c.number,
    title: c.title,
    typeLabel: TYPE_LABEL[c.caseType],
    presenters: c.presenters,
    description: c.description,
    proposalLabel: `Forslag til ${c.proposalKind === 'enighet' ? 'enighet' : 'vedtak'}`,
    proposal: c.proposal,
    attachments: c.attachments.map((a) => a.filename),
    legalBasis: c.access === 'unntatt' ? c.legalBasis : null,
    redacted: false,
  };
}

export function docDecidedCase(c: TCaseView | TRedactedCaseView): TDocDecidedCase {
  const base = docCase(c);
  if (isRedactedCase(c)) return { ...base, decisionLabel: '', decisionText: '', treatment: '', votes: [], voteSummary: '' };
  const votes = c.votes?.perMember.map((v) => ({ name: v.name, choice: VOTE_LABEL[v.choice] })) ?? [];
  return {
    ...base,
    decisionLabel: c.decisionKind ? KIND_LABEL[c.decisionKind] : '',
    decisionText: c.decisionText ?? '',
    treatment: c.treatment ?? '',
    votes,
    voteSummary: c.votes ? `${c.votes.for} for, ${c.votes.against} mot, ${c.votes.blank} blanke` : '',
  };
}

export type TComposeNoticeOptions = {
  /** When the current version went out (ISO timestamp), if it did. */
  sentAt?: string | null;
  /** The agenda has changed since the last version was sent. */
  changedSinceSent?: boolean;
  /** The cooperation's letterhead (org's letterheadOfBody); none when left out. */
  letterhead?: TDocLetterhead | null;
};

export function composeNotice(view: TMeetingView, options: TComposeNoticeOptions = {}): TNoticeDocument {
  const version = view.meeting.noticeVersion;
  let status = 'Utkast, ikke sendt';
  if (version > 0) {
    status = `Versjon ${version}${options.sentAt ? `, sendt ${formatDate(new Date(options.sentAt))}` : ''}`;
    if (options.changedSinceSent) status += '; endringer etter dette er ikke sendt ut';
  }
  return { letterhead: options.letterhead ?? null, meeting: docMeeting(view.meeting), version, status, cases: view.cases.map(docCase) };
}

export type TComposeMinutesOptions = { approval?: string; letterhead?: TDocLetterhead | null };

export function composeMinutes(view: TMeetingView, options: TComposeMinutesOptions = {}): TMinutesDocument {
  const byRole = (role: TMeetingView['attendance'][number]['role']): TDocAttendee[] => view.attendance
    .filter((a) => a.role === role)
    .map((a) => ({ name: a.name, detail: a.municipality ? municipalityLabel(a.municipality) : a.note ?? '' }));
  return {
    letterhead: options.letterhead ?? null,
    meeting: docMeeting(view.meeting),
    present: byRole('til_stede'),
    absent: byRole('forfall'),
    observers: byRole('observator'),
    administration: byRole('administrasjon'),
    referents: byRole('referent').map((a) => a.name),
    cases: view.cases.map(docDecidedCase),
    approval: options.approval ?? '',
  };
}

/** The saksframlegg of a case the reader may read in full (callers refuse redacted cases first). */
export function composePresentation(c: TCaseView, meeting: TMeeting | null): TPresentationDocument {
  const p = c.presentation;
  return {
    archiveCode: p?.archiveCode ?? '',
    caseFolder: p?.caseFolder ?? '',
    caseOfficer: p?.caseOfficer ?? c.presenters.map(fullName).join(', '),
    date: p?.date ? formatDate(p.date) : '',
    title: c.title,
    caseNumber: c.number,
    bodyName: meeting?.bodyName ?? '',
    meetingDate: meeting ? formatDate(meeting.date) : '',
    proposalHeading: p?.proposalHeading ?? `Forslag til ${c.proposalKind === 'enighet' ? 'enighet' : 'vedtak'}`,
    proposal: c.proposal,
    body: p?.body || c.description,
    attachments: c.attachments.map((a) => a.filename),
    legalBasis: c.access === 'unntatt' ? c.legalBasis : null,
  };
}

/** "Rauma" → "Rauma kommune", as the protocol writes whom a member represents. */
export function municipalityLabel(name: string): string {
  return /kommune$/i.test(name.trim()) ? name.trim() : `${name.trim()} kommune`;
}

// "Gjørtz, Fred" → "Fred Gjørtz": the saksframlegg writes the case officer given name first.
function fullName(name: string): string {
  const [family, given] = name.split(', ');
  return given ? `${given} ${family}` : name;
}
