// Small renderings shared by the meeting pages and the public pages.
import type { TTranslate } from '../../i18n';
import type { TCaseType } from '../../../../src/modules/governance/vocabulary';
import type { TMeetingSummary, TPerson } from './types';

/** "Samarbeidsrådet 2023 M6", as the papers name a meeting. */
export function meetingLabel(meeting: Pick<TMeetingSummary, 'bodyName' | 'year' | 'number'>): string {
  return `${meeting.bodyName} ${meeting.year} M${meeting.number}`.trim();
}

export function caseTypeLabel(t: TTranslate, type: TCaseType): string {
  return t(`caseType.${type}`);
}

/** "Gjørtz, Fred": the papers' order, which also sorts well in pickers. */
export function personLabel(p: Pick<TPerson, 'givenName' | 'familyName'>): string {
  return `${p.familyName}, ${p.givenName}`;
}
