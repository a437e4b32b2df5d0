// Document data transcribed from the seeds (2023 M6 notice, 2024 M2 minutes, ST 39/18 saksframlegg),
// used by the renderer tests and the timing measurement. Letters repaired from the OCR.
import type { TDocCase, TDocDecidedCase, TMinutesDocument, TNoticeDocument, TPresentationDocument } from './types.js';

const meetingM6 = {
  bodyName: 'Samarbeidsrådet for ROR-IKT',
  label: '2023/M6',
  date: '13.12.2023',
  dateLong: '13. desember 2023',
  time: '08:15 - 11:00',
  place: 'Del (Storgata 33, 3. etg), Molde',
};

const docCase = (c: Partial<TDocCase> & Pick<TDocCase, 'number' | 'title'>): TDocCase => ({
  typeLabel: 'Vedtak', presenters: [], description: '', proposalLabel: 'Forslag til vedtak', proposal: '',
  attachments: [], legalBasis: null, redacted: false, ...c,
});

/** The letterhead as ROR-IKT's papers would print it (no logo: the fixtures have no file store). */
export const letterheadRor = { name: 'ROR-IKT', lines: ['Postboks 1', '6401 Molde', 'Org.nr. 974 760 673'], logo: null };

export const noticeM6: TNoticeDocument = {
  letterhead: letterheadRor,
  meeting: meetingM6,
  version: 1,
  status: 'Versjon 1, sendt 06.12.2023',
  cases: [
    docCase({ number: '2023/M6-001', title: 'Godkjenning av innkalling og saksliste', presenters: ['Aasen, Marianne Stokkereit'] }),
    docCase({ number: '2023/M6-002', title: 'Godkjenning av møtereferat', presenters: ['Aasen, Marianne Stokkereit'] }),
    docCase({
      number: '2023/M6-003', title: 'Økonomi- og aktivitetsrapport', typeLabel: 'Orientering', presenters: ['Gjørtz, Fred'],
      description: 'Saken gjelder orientering om økonomistatus og oversikt over aktiviteter for ROR-IKT siden forrige rapportering.',
      attachments: ['2023.12.13 Aktivitetsrapport per 1.12.2023.pdf'],
    }),
    docCase({
      number: '2023/M6-004', title: 'Orienteringssaker', typeLabel: 'Orientering',
      presenters: ['Kristengård, Mette Kristin', 'Gjørtz, Fred', 'Spilling, Thormod', 'Mathisen, Elisabeth Sande'],
      description: 'Samarbeidsrådet for ROR-IKT vil bli orientert om følgende saker:\n\n• Status PC-anskaffelsen\n• Status sikkerhetspartner-anskaffelsen\n• Anskaffelse kontraktadministrasjonsverktøy\n• ROR-IKT support for politikere\n• Fremtidsvisjon dokumentasjonsforvaltning',
    }),
  ],
};

const decided = (c: TDocCase, d: Partial<TDocDecidedCase>): TDocDecidedCase => ({
  decisionLabel: 'Enighet', decisionText: '', treatment: '', votes: [], voteSummary: '', ...c, ...d,
});

export const minutesM2: TMinutesDocument = {
  letterhead: letterheadRor,
  meeting: { ...meetingM6, label: '2024/M2', date: '13.03.2024', dateLong: '13. mars 2024', place: 'Del (Storgata 33, 3.etg)' },
  present: [
    { name: 'Gjørtz, Fred', detail: 'Leder ROR-IKT' },
    { name: 'Aasen, Marianne Stokkereit', detail: 'Molde kommune' },
    { name: 'Ersvik, Per Sverre', detail: 'Aukra kommune' },
    { name: 'Skålhavn, Kristian', detail: 'Rauma kommune' },
    { name: 'Langøy, Gerd Marit', detail: 'Vestnes kommune' },
    { name: 'Ulvestad, Perry Helge', detail: 'Hustadvika kommune' },
  ],
  absent: [{ name: 'Spilling, Thormod', detail: '' }, { name: 'Skjølberg, Hege-Beate', detail: '' }],
  observers: [{ name: 'Myhre, Randi', detail: 'Tillitsvalgt' }],
  administration: [{ name: 'Kristengård, Mette Kristin', detail: 'Avdelingsleder Tjenesteutvikling' }],
  referents: ['Gjørtz, Fred', 'Kristengård, Mette Kristin'],
  approval: '',
  cases: [
    decided(docCase({ number: '2024/M2-001', title: 'Godkjenning av innkalling og saksliste' }), { decisionText: 'Innkalling og saksliste godkjent' }),
    decided(docCase({ number: '2024/M2-002', title: 'Godkjenning av møtereferat' }), { decisionText: 'Møtereferat fra møtet 14.02.2024 godkjent' }),
    decided(docCase({ number: '2024/M2-003', title: 'Økonomi- og aktivitetsrapport', typeLabel: 'Orientering' }), {
      decisionText: 'Saken tas til orientering',
      treatment: 'Leder ROR-IKT redegjorde for noen temaer fra rapporten:\n\n• PC rullering går som normalt\n• Ny kompetanseportal er publisert, alle oppfordres til å ta den i bruk',
    }),
    decided(docCase({ number: '2024/M2-004', title: 'Omorganisering Molde kommune' }), {
      decisionLabel: 'Vedtak',
      decisionText: 'Samarbeidsrådet godkjenner at lønnskostnadene for leder ROR-IKT deles mellom vertskommunesamarbeidet og Molde kommune med hhv. 85% og 15%. Endringen trer i kraft fra 01.05.2024.',
      treatment: 'Leder ROR-IKT orienterte om saken som ble godkjent uten videre kommentarer fra Samarbeidsrådet.',
      votes: [
        { name: 'Aasen, Marianne Stokkereit', choice: 'For' },
        { name: 'Ersvik, Per Sverre', choice: 'For' },
        { name: 'Skålhavn, Kristian', choice: 'Mot' },
      ],
      voteSummary: '2 for, 1 mot, 0 blanke',
    }),
    decided(docCase({ number: '2024/M2-005', title: 'Anskaffelse av sak-arkivsystem', redacted: true, typeLabel: '', proposalLabel: '', legalBasis: 'Unntatt offentlighet, offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 2' }), { decisionLabel: '' }),
  ],
};

export const presentationST39: TPresentationDocument = {
  archiveCode: '033',
  caseFolder: '2016/2947-0',
  caseOfficer: 'Fred Gjørtz',
  date: '25.09.2018',
  title: 'Endringer i saksbehandling ROR-IKT Servicedesk',
  caseNumber: 'ST 39/18',
  bodyName: 'Styret for ROR-IKT',
  meetingDate: '03.10.2018',
  proposalHeading: 'Daglig leders forslag til vedtak',
  proposal: 'Styret tar de foreslåtte endringene til orientering',
  body: 'ROR-IKT har orientert styret ved tidligere anledninger om muligheter for forbedringer av saksbehandlingen på Servicedesken.\n\nLukking av løste saker\n\nVi ønsker derfor å introdusere en retningslinje for lukning av saker. Vi foreslår å etablere en regel kalt 3-2-1, der vi forsøker kontakte brukeren 3 ganger over 2 dager.',
  attachments: ['ST 39-18 Endringer i saksbehandling ROR-IKT Servicedesk.pdf'],
  legalBasis: null,
};
