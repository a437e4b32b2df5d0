// Samarbeidsrådet, 2023 M6 (13.12.2023): the notice with its agenda, transcribed from seed 000 with
// the OCR letters repaired. The seed is the notice, so the meeting stands as notified (no minutes).
import type { TDemoMeeting } from './types.js';

const activityReport = {
  filename: '2023.12.13 Aktivitetsrapport per 1.12.2023.pdf',
  title: 'Økonomi- og aktivitetsrapport per 1.12.2023',
  // An excerpt of section 1.1 of the report in seed 000, enough to be a real paper to open.
  lines: [
    '1.1 Driftskostnader',
    '',
    'Driftskostnadene pr. 1.12.2023 er angitt nedenfor. Prognosen for året 2023 er oppdatert og',
    'viser et estimert merforbruk på 261.000 kr. Merforbruket kommer hovedsakelig fra',
    'prisøkninger, økning i kostnadene relatert til ID-er til Helseplattformen og endret produktmiks',
    'for Microsoft lisenser for skole som ble reforhandlet i april/mai for de neste tre årene.',
    '',
    'Vi har gjennomført en reforhandling av alle Hustadvikas linjesamband og oppnådd en god',
    'reduksjon i pris for nåværende linjekapasitet.',
    '',
    'Tall i hele 1000           Regnskap  Årsbudsjett   Avvik  Prognose',
    'Lønn                         25 858       29 233     450    28 783',
    'Drift av stab og lokaler      2 970        3 021    -138     3 159',
    'Kjøp/leasing                    422          321    -103       424',
    'Konsulenter                   2 765          715  -2 265     2 980',
    'Lisens, vedlikehold og support 52 099     51 176  -1 361    52 537',
    'Samband og tele               3 827        4 638     368     4 270',
    'Inntekter                   -10 684       -5 238   2 787    -8 025',
    'SUM                          77 257       83 866    -261    84 127',
  ],
};

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
      attachments: [activityReport],
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
