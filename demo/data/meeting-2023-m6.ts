// Samarbeidsrådet, 2023 M6 (13.12.2023): the notice with its agenda, transcribed from seed 000 with
// the OCR letters repaired. The seed is the notice, so the meeting stands as notified (no minutes).
import type { TDemoMeeting } from './types.js';


export const meeting2023M6: TDemoMeeting = {
  body: 'samarbeidsradet',
  year: 2023,
  number: 6,
  date: '2023-12-13',
  // ASSUMPTION: seed 000 gives the date only; time and place as for the council's 2024 meetings.
  startTime: '08:15',
  endTime: '11:00',
  place: 'Del (Storgata 33, 3.etg)',
  noticeSent: true,
  published: true,
  cases: [
    {
      number: '2023/M6-001',
      title: 'Godkjenning av innkalling og saksliste',
      type: 'vedtak',
      standing: 'innkalling',
      presenters: ['aasen'],
    },
    {
      number: '2023/M6-002',
      title: 'Godkjenning av møtereferat',
      type: 'vedtak',
      standing: 'referat',
      presenters: ['aasen'],
    },
    {
      number: '2023/M6-003',
      title: 'Økonomi- og aktivitetsrapport',
      type: 'orientering',
      presenters: ['gjortz'],
      description:
        'Saken gjelder orientering om økonomistatus og oversikt over aktiviteter for ROR-IKT siden forrige rapportering.',
      // The attachment is the activity report itself (demo/data/report-2023-12.ts), approved and attached
      // by the reports module before the notice goes out.
    },
    {
      number: '2023/M6-004',
      title: 'Orienteringssaker',
      type: 'orientering',
      presenters: ['kristengard', 'gjortz', 'spilling', 'mathisen'],
      description: [
        'Samarbeidsrådet for ROR-IKT vil bli orientert om følgende saker:',
        '',
        '• Status PC-anskaffelsen',
        '• Status sikkerhetspartner-anskaffelsen',
        '• Anskaffelse kontraktadministrasjonsverktøy',
        '• ROR-IKT support for politikere',
        '• Fremtidsvisjon dokumentasjonsforvaltning',
      ].join('\n'),
    },
  ],
};
