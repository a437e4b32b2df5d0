// The service desk's fixed vocabularies: stored as short ASCII keys, shown with their Norwegian labels.

export const TICKET_TYPES = ['feilmelding', 'tjenesteforesporsel', 'annet'] as const;
export type TTicketType = (typeof TICKET_TYPES)[number];
export const TICKET_TYPE_LABELS: Record<TTicketType, string> = {
  feilmelding: 'Feilmelding', tjenesteforesporsel: 'Tjenesteforespørsel', annet: 'Annet',
};

export const CHANNELS = ['portal', 'epost', 'telefon', 'oppmote', 'chat', 'annet'] as const;
export type TChannel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<TChannel, string> = {
  portal: 'Portal', epost: 'E-post', telefon: 'Telefon', oppmote: 'Oppmøte', chat: 'Chat', annet: 'Annet',
};

export const PRIORITIES = ['lav', 'medium', 'hoy', 'kritisk'] as const;
export type TPriority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<TPriority, string> = { lav: 'Lav', medium: 'Medium', hoy: 'Høy', kritisk: 'Kritisk' };

export const STATUSES = ['ny', 'under_arbeid', 'venter_bruker', 'venter_leverandor', 'lost', 'lukket'] as const;
export type TStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<TStatus, string> = {
  ny: 'Ny', under_arbeid: 'Under arbeid', venter_bruker: 'Venter på bruker', venter_leverandor: 'Venter på leverandør',
  lost: 'Løst', lukket: 'Lukket',
};
/** Statuses where the work is done and every SLA clock stops. */
export const DONE_STATUSES: readonly TStatus[] = ['lost', 'lukket'];

/**
 * Event kinds whose effect the requester's page shows (public-change.ts): the conversation, status,
 * priority, type / category / title ('field'), their files and their survey. Not assignments, teams, SLA
 * breaches (the SLA is the desk's), contact attempts or notes, even where such an event is not marked
 * internal. Here, beside the other vocabularies, because the events' partial index is built on it.
 */
export const PUBLIC_CHANGE_KINDS = ['created', 'reply', 'status', 'priority', 'field', 'attachment', 'survey'] as const;

/** The channels an agent registers a case under; the portal is the requester's own. */
export const DESK_CHANNELS = ['epost', 'telefon', 'oppmote', 'chat', 'annet'] as const satisfies readonly TChannel[];
export type TDeskChannel = (typeof DESK_CHANNELS)[number];

/** The channels a call or a walk-in is logged under (the phone policy). */
export const PHONE_CHANNELS = ['telefon', 'oppmote'] as const satisfies readonly TChannel[];

export const CONTACT_METHODS = ['telefon', 'epost', 'teams'] as const;
export type TContactMethod = (typeof CONTACT_METHODS)[number];

/** The demo's categories (DOMAIN.md); each cooperation keeps its own list as data. */
export const DEMO_CATEGORIES = [
  'Ansattadministrasjon', 'Maskiner og utstyr', 'Fagapplikasjoner', 'Rådgiving', 'Standardapplikasjoner',
  'Skrivere/multimaskiner', 'Infrastruktur', 'Støtteapplikasjoner', 'Bestillinger',
] as const;

/** What the demo's portal says about each category (our wording, from the cases the seeds count under each). */
export const DEMO_CATEGORY_GUIDE: Record<(typeof DEMO_CATEGORIES)[number], { description: string; examples: string[] }> = {
  Ansattadministrasjon: { description: 'Brukerkontoer, tilganger og roller for ansatte som begynner, bytter stilling eller slutter.', examples: ['Ny ansatt trenger bruker', 'Tilgang til fellesmappe', 'Stenge bruker for en som slutter'] },
  'Maskiner og utstyr': { description: 'PC, skjerm, mobil, nettbrett og annet utstyr som ikke virker som det skal.', examples: ['PC-en starter ikke', 'Skjermen er svart', 'Mobilen får ikke e-post'] },
  Fagapplikasjoner: { description: 'Fagsystemene kommunen bruker i tjenestene sine.', examples: ['Feil i arkivsystemet', 'Kan ikke logge inn i journalsystemet', 'Rapport i økonomisystemet mangler tall'] },
  Rådgiving: { description: 'Spørsmål og råd om IKT før du kjøper, endrer eller starter noe nytt.', examples: ['Hvilken løsning passer for oss?', 'Krav til personvern i et nytt system'] },
  Standardapplikasjoner: { description: 'Kontorprogrammer og verktøy alle bruker: e-post, Office, Teams og nettleser.', examples: ['Outlook henger', 'Får ikke delt skjerm i Teams', 'Word lagrer ikke'] },
  'Skrivere/multimaskiner': { description: 'Utskrift, kopiering og skanning.', examples: ['Skriveren skriver ikke ut', 'Skann til e-post virker ikke', 'Tomt for toner'] },
  Infrastruktur: { description: 'Nett, trådløst, servere, innlogging og telefoni som rammer flere enn deg.', examples: ['Ingen på kontoret kommer på nettet', 'Trådløst nett faller ut', 'Fellesområdet er borte'] },
  Støtteapplikasjoner: { description: 'Programmer som støtter arbeidet, men ikke er fagsystemer eller kontorprogrammer.', examples: ['PDF-leseren åpner ikke filer', 'Programvare må installeres'] },
  Bestillinger: { description: 'Når du vil ha noe nytt: utstyr, lisenser, programvare eller tilgang.', examples: ['Bestille ny PC', 'Lisens til et program', 'Ekstra skjerm'] },
};

/** The desk's work-list queues, in the order the page offers them. */
export const QUEUES = ['mine', 'team', 'unassigned', 'breaching', 'all'] as const;
export type TQueue = (typeof QUEUES)[number];
/** The work list's server-side orders; each pages by keyset with the ticket number as the last tie-breaker. */
export const TICKET_SORTS = ['created', 'number', 'due', 'priority', 'status'] as const;
export type TTicketSort = (typeof TICKET_SORTS)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type TSortDirection = (typeof SORT_DIRECTIONS)[number];
/** The order a column starts in when none is asked for: newest, highest number, nearest deadline, most urgent, first step. */
export const DEFAULT_SORT_DIRECTION: Record<TTicketSort, TSortDirection> = {
  created: 'desc', number: 'desc', due: 'asc', priority: 'desc', status: 'asc',
};
/** The work list's SLA filter: a clock breached, or open and in the last share of its time. */
export const SLA_FILTERS = ['breached', 'atRisk'] as const;
export type TSlaFilter = (typeof SLA_FILTERS)[number];

/** The fields a ticket export can hold, in the order the import's column mapping shows them. */
export const IMPORT_FIELDS = [
  'externalId', 'createdAt', 'title', 'description', 'type', 'category', 'channel', 'priority', 'status',
  'municipality', 'requesterName', 'requesterEmail', 'solvedAt', 'closedAt',
] as const;
export type TImportField = (typeof IMPORT_FIELDS)[number];
/** The fields whose values a mapping translates («kildens verdi = vår verdi»). */
export const IMPORT_VALUE_FIELDS = ['type', 'priority', 'status', 'channel', 'category'] as const satisfies readonly TImportField[];
export type TImportValueField = (typeof IMPORT_VALUE_FIELDS)[number];
