import { describe, expect, it } from 'vitest';
import type { TCaseView, TMeetingView } from '../modules/governance/model.js';
import { composeMinutes, composeNotice, composePresentation, municipalityLabel } from './compose.js';
import { formatDate, formatDateLong } from '../lib/norwegian-format.js';

const meeting: TMeetingView['meeting'] = {
  id: '00000000-0000-0000-0000-000000000001', bodyId: '00000000-0000-0000-0000-000000000002', bodyName: 'Samarbeidsrådet for ROR-IKT',
  year: 2023, number: 6, numberLabel: 'M6', date: '2023-12-13', startTime: '08:15', endTime: null, place: 'Del',
  status: 'innkalt', stage: 'avholdt', awaitsRecording: true, noticeVersion: 2, published: true, historical: false, firstCaseSequence: null, minutesApprovedAt: null, revision: 1, attendanceRevision: 1, agendaRevision: 1,
};

const fullCase: TCaseView = {
  id: '00000000-0000-0000-0000-000000000003', meetingId: meeting.id, position: 1, sequence: 1, number: '2023/M6-004', numberLocked: true,
  standing: null, title: 'Hemmelig tittel', caseType: 'vedtak', description: 'Hemmelig', proposalKind: 'enighet', proposal: 'Forslag',
  presenters: ['Gjørtz, Fred'], presenterIds: [], access: 'unntatt', publicTitle: 'Offentlig tittel', legalBasisId: null,
  legalBasis: 'Unntatt offentlighet, offl. § 23 første ledd', attachments: [], presentation: null,
  decisionKind: 'vedtak', decisionText: 'Vedtatt', treatment: 'Drøftet', voted: true,
  votes: { for: 1, against: 0, blank: 0, perMember: [{ name: 'Aasen, Marianne Stokkereit', choice: 'for' }] }, revision: 1,
};

describe('compose', () => {
  it('formats Norwegian dates', () => {
    expect(formatDate('2023-12-13')).toBe('13.12.2023');
    expect(formatDateLong('2023-12-13')).toBe('13. desember 2023');
    expect(formatDateLong('2024-03-01')).toBe('1. mars 2024');
  });

  it('prints an exempt case in full with its legal basis for readers of everything', () => {
    const doc = composeNotice({ meeting, redacted: false, cases: [fullCase], attendance: [] });
    expect(doc.meeting).toMatchObject({ label: '2023/M6', date: '13.12.2023', time: '08:15' });
    expect(doc.cases[0]).toMatchObject({ title: 'Hemmelig tittel', proposalLabel: 'Forslag til enighet', legalBasis: fullCase.legalBasis, redacted: false });
  });

  it('keeps only number, public title and legal basis of a redacted case', () => {
    const redacted = { access: 'unntatt' as const, number: '2023/M6-004', publicTitle: 'Offentlig tittel', legalBasis: 'Unntatt offentlighet, offl. § 23 første ledd' };
    const doc = composeMinutes({ meeting, redacted: true, cases: [redacted], attendance: [] });
    expect(doc.cases[0]).toEqual({
      number: '2023/M6-004', title: 'Offentlig tittel', typeLabel: '', presenters: [], description: '', proposalLabel: '', proposal: '',
      attachments: [], legalBasis: redacted.legalBasis, redacted: true,
      decisionLabel: '', decisionText: '', treatment: '', votes: [], voteSummary: '',
    });
  });

  it('sorts attendance by role and names whom members represent', () => {
    const doc = composeMinutes({
      meeting, redacted: false, cases: [fullCase], attendance: [
        { name: 'Aasen, Marianne Stokkereit', role: 'til_stede', municipality: 'Molde', note: null },
        { name: 'Myhre, Randi', role: 'observator', municipality: null, note: 'Tillitsvalgt' },
        { name: 'Gjørtz, Fred', role: 'referent', municipality: null, note: null },
      ],
    });
    expect(doc.present).toEqual([{ name: 'Aasen, Marianne Stokkereit', detail: 'Molde kommune' }]);
    expect(doc.observers).toEqual([{ name: 'Myhre, Randi', detail: 'Tillitsvalgt' }]);
    expect(doc.referents).toEqual(['Gjørtz, Fred']);
    expect(doc.cases[0]).toMatchObject({ decisionLabel: 'Vedtak', votes: [{ name: 'Aasen, Marianne Stokkereit', choice: 'For' }], voteSummary: '1 for, 0 mot, 0 blanke' });
    expect(municipalityLabel('Molde kommune')).toBe('Molde kommune');
  });

  it('fills the saksframlegg from the case when it has no presentation of its own', () => {
    const doc = composePresentation({ ...fullCase, access: 'offentlig' }, meeting);
    expect(doc).toMatchObject({ caseOfficer: 'Fred Gjørtz', body: 'Hemmelig', proposalHeading: 'Forslag til enighet', meetingDate: '13.12.2023', legalBasis: null });
  });
});
