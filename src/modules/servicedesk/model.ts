// The service desk's API shapes, shared by routes, services and the web app.
import { z } from '@hono/zod-openapi';
import { ZId } from '../../lib/id-schemas.js';
import { ZPolicyDocument } from './desk-rules.js';
import {
  CHANNELS, CONTACT_METHODS, PHONE_CHANNELS, PRIORITIES, QUEUES, SLA_FILTERS, SORT_DIRECTIONS, STATUSES, TICKET_SORTS, TICKET_TYPES,
} from './vocabulary.js';
import { ZIsoDate } from '../../lib/date-schemas.js';

const ZUuid = z.string().uuid();
const ZText = (max: number) => z.string().trim().min(1, 'Må fylles ut').max(max);

export const ZCreateTicketRequest = z.object({
  type: z.enum(TICKET_TYPES),
  category: ZText(100),
  title: ZText(200),
  description: ZText(20_000),
  /** Staff only; a portal user's ticket is always in their own municipality and of their own priority guess. */
  priority: z.enum(PRIORITIES).optional(),
  channel: z.enum(CHANNELS).optional(),
  municipalityId: ZUuid.optional(),
  requesterUserId: ZUuid.optional(),
  requesterName: ZText(200).optional(),
  requesterEmail: z.string().trim().email().max(320).optional(),
}).openapi('CreateTicketRequest');
export type TCreateTicketRequest = z.infer<typeof ZCreateTicketRequest>;

export const ZPhoneCallRequest = z.object({
  type: z.enum(TICKET_TYPES).default('feilmelding'),
  category: ZText(100),
  title: ZText(200),
  description: ZText(20_000),
  priority: z.enum(PRIORITIES),
  municipalityId: ZUuid,
  requesterUserId: ZUuid.optional(),
  requesterName: ZText(200),
  requesterEmail: z.string().trim().email().max(320).optional(),
  /** Telephone or walk-in. */
  channel: z.enum(PHONE_CHANNELS).default('telefon'),
  /** Solved during the call: allowed for the priorities the policy names (Kritisk and Høy in the demo). */
  solvedOnCall: z.boolean().default(false),
  solution: z.string().trim().max(20_000).optional(),
}).openapi('PhoneCallRequest');
export type TPhoneCallRequest = z.infer<typeof ZPhoneCallRequest>;

export const ZUpdateTicketRequest = z.object({
  status: z.enum(STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  type: z.enum(TICKET_TYPES).optional(),
  category: ZText(100).optional(),
  title: ZText(200).optional(),
  assigneeUserId: ZUuid.nullable().optional(),
  teamId: ZUuid.nullable().optional(),
  /** The ticket's `revision` as the client read it (decision 0024). A stale one answers 409 and changes nothing. */
  revision: z.number().int().min(1)
    .openapi({ description: 'Sakens revision fra visningen; er saken endret siden, svarer tjenesten 409 (code stale) med gjeldende revision i error.current' }),
}).refine(({ revision: _revision, ...changes }) => Object.values(changes).some((x) => x !== undefined), 'Ingen endringer').openapi('UpdateTicketRequest');
export type TUpdateTicketRequest = z.infer<typeof ZUpdateTicketRequest>;

export const ZMessageRequest = z.object({ text: ZText(20_000) }).openapi('TicketMessageRequest');
export type TMessageRequest = z.infer<typeof ZMessageRequest>;
export const ZContactAttemptRequest = z.object({
  method: z.enum(CONTACT_METHODS),
  note: z.string().trim().max(2000).optional(),
  /** When the attempt was made, if not just now (an agent logging yesterday's call); not before the solve. */
  at: z.string().datetime({ offset: true, message: 'Tidspunkt som ISO 8601, f.eks. 2025-03-04T13:00:00+01:00' }).optional(),
}).openapi('ContactAttemptRequest');
export type TContactAttemptRequest = z.infer<typeof ZContactAttemptRequest>;
export const ZSurveyRequest = z.object({
  score: z.number().int().min(1, 'Fra 1 til 5').max(5, 'Fra 1 til 5'),
  comment: z.string().trim().max(5000).optional(),
}).openapi('SurveyRequest');
export type TSurveyRequest = z.infer<typeof ZSurveyRequest>;

export const ZListTicketsQuery = z.object({
  queue: z.enum(QUEUES).default('all'),
  status: z.enum([...STATUSES, 'open'] as [string, ...string[]]).optional()
    .openapi({ description: "En status, eller 'open' for alle som ikke er løst eller lukket" }),
  priority: z.enum(PRIORITIES).optional(),
  type: z.enum(TICKET_TYPES).optional(),
  channel: z.enum(CHANNELS).optional(),
  category: z.string().max(100).optional(),
  municipalityId: ZUuid.optional(),
  assigneeUserId: ZUuid.optional(),
  teamId: ZUuid.optional(),
  requesterUserId: ZUuid.optional().openapi({ description: 'Innmelderens konto' }),
  requester: z.string().trim().min(1, 'Må fylles ut').max(200).optional().openapi({ description: 'Del av innmelderens navn' }),
  createdFrom: ZIsoDate.optional().openapi({ description: 'Opprettet denne dagen (Oslo) eller senere, ÅÅÅÅ-MM-DD' }),
  createdTo: ZIsoDate.optional().openapi({ description: 'Opprettet denne dagen (Oslo) eller tidligere, ÅÅÅÅ-MM-DD' }),
  sla: z.enum(SLA_FILTERS).optional()
    .openapi({ description: 'breached: en SLA-klokke (løsning eller første svar) er brutt; atRisk: åpen, ikke brutt, i siste del av fristen' }),
  description: z.string().trim().min(1, 'Må fylles ut').max(200).optional().openapi({ description: 'Tekst i beskrivelsen' }),
  // Empty text filters are refused alike (q, requester, description): the web app leaves them out.
  q: z.string().trim().min(1, 'Må fylles ut').max(200).optional().openapi({ description: 'Tekst i tittel eller beskrivelse, eller saksnummeret' }),
  sort: z.enum(TICKET_SORTS).default('created')
    .openapi({ description: 'created, number, due (SLA-frist; saker uten løpende frist sist; bare kundeservice), priority (Kritisk > Høy > Medium > Lav) eller status' }),
  dir: z.enum(SORT_DIRECTIONS).optional().openapi({ description: 'asc eller desc; uten: created/number/priority synkende, due/status stigende' }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).superRefine((v, ctx) => {
  if (v.createdFrom && v.createdTo && v.createdFrom > v.createdTo) {
    ctx.addIssue({ code: 'custom', path: ['createdTo'], message: 'Til-datoen kan ikke være før fra-datoen' });
  }
});
export type TListTicketsQuery = z.infer<typeof ZListTicketsQuery>;

const ZClock = z.object({
  targetMillis: z.number(), elapsedMillis: z.number(), remainingMillis: z.number(),
  running: z.boolean(), paused: z.boolean(), breached: z.boolean(), atRisk: z.boolean(),
  dueAt: z.string().nullable(), breachedAt: z.string().nullable(), stoppedAt: z.string().nullable(), met: z.boolean().nullable(),
});
export const ZSlaView = z.object({ priority: z.enum(PRIORITIES), firstResponse: ZClock, resolution: ZClock }).openapi('SlaState');

const ZTicketBase = {
  id: z.string(), number: z.number(), type: z.enum(TICKET_TYPES), category: z.string(), channel: z.enum(CHANNELS),
  priority: z.enum(PRIORITIES), status: z.enum(STATUSES), title: z.string(), municipalityId: z.string(),
  municipalityName: z.string(), requesterName: z.string(), createdAt: z.string(),
  /**
   * For the desk, the last change of any kind. A municipality user gets the same time as `lastChangedAt`:
   * the real one would show when the desk did something internal.
   */
  updatedAt: z.string(),
  /** «Sist endret»: for the desk the last change of any kind; for a municipality user the last one they can see. */
  lastChangedAt: z.string(),
  solvedAt: z.string().nullable(), closedAt: z.string().nullable(),
};

export const ZTicketListItem = z.object({
  ...ZTicketBase,
  assigneeUserId: z.string().nullable().optional(),
  assigneeName: z.string().nullable().optional(),
  teamId: z.string().nullable().optional(),
  slaDueAt: z.string().nullable().optional(),
  slaWarnAt: z.string().nullable().optional(),
  /** Resolution clock past its deadline at the answer's `now` (also when the breach job has not run yet). */
  slaBreached: z.boolean().optional(),
  /** First-response deadline while no first response has been given; null once answered. */
  slaFirstResponseDueAt: z.string().nullable().optional(),
  slaFirstResponseBreached: z.boolean().optional(),
  /** The ticket waits in one of its policy's paused statuses, so its clocks stand still (desk only). */
  slaPaused: z.boolean().optional(),
  /**
   * Business time left on the running resolution clock at the answer's `now`, in its calendar (negative
   * past the deadline); null when no clock runs (done, paused, no target). Desk only.
   */
  slaRemainingMillis: z.number().nullable().optional(),
  /** The same for the first response while none has been given. */
  slaFirstResponseRemainingMillis: z.number().nullable().optional(),
  /** A running clock has at most the policy's warning share of its target left, and none is breached. */
  slaAtRisk: z.boolean().optional(),
}).openapi('TicketListItem');

export const ZConversationEntry = z.object({
  id: z.number(), at: z.string(), authorName: z.string(), byDesk: z.boolean(), kind: z.enum(['reply', 'note']), text: z.string(),
});

// ---- the ticket's history ----------------------------------------------------------------------------
// Every kind of history entry and the shape of its payload, once: the writers (appendEvent, the import,
// the jobs) take TTicketEventBody, the API answers ZTicketEvent, and the web's history list switches on
// `kind` with the payload typed by it.

const ZEventId = z.string().nullable();
export const TICKET_EVENT_DATA = {
  /** The ticket was made: how it came in, and what it started as (an imported one says so). */
  created: z.object({
    priority: z.enum(PRIORITIES), status: z.enum(STATUSES), channel: z.enum(CHANNELS).optional(), respondedAtCreation: z.boolean().optional(),
    solvedOnCall: z.boolean().optional(), solution: z.string().optional(), imported: z.boolean().optional(),
  }),
  status: z.object({
    from: z.enum(STATUSES), to: z.enum(STATUSES), reason: z.string().optional(), reopen: z.boolean().optional(),
    /** Closed because the requester confirmed it, by the button or by answering the survey. */
    confirmed: z.boolean().optional(), via: z.enum(['bekreftet', 'undersokelse']).optional(), imported: z.boolean().optional(),
  }),
  priority: z.object({ from: z.enum(PRIORITIES), to: z.enum(PRIORITIES) }),
  field: z.object({ field: z.enum(['type', 'category', 'title']), from: ZEventId, to: ZEventId }),
  assigned: z.object({ field: z.literal('assigneeUserId'), from: ZEventId, to: ZEventId }),
  team: z.object({ field: z.literal('teamId'), from: ZEventId, to: ZEventId }),
  reply: z.object({ text: z.string() }),
  note: z.object({ text: z.string() }),
  attachment: z.object({ attachmentId: z.string(), filename: z.string(), size: z.number() }),
  contact_attempt: z.object({ method: z.enum(CONTACT_METHODS), note: z.string().optional() }),
  survey: z.object({ score: z.number() }),
  sla_breached: z.object({ clock: z.enum(['resolution', 'first_response']), breachedAt: z.string(), priority: z.enum(PRIORITIES) }),
} as const;
export type TTicketEventKind = keyof typeof TICKET_EVENT_DATA;

const ZEventBase = { id: z.number(), at: z.string(), actorName: z.string(), byDesk: z.boolean(), internal: z.boolean() };
const entry = <K extends TTicketEventKind>(kind: K) => z.object({ ...ZEventBase, kind: z.literal(kind), data: TICKET_EVENT_DATA[kind] });
export const ZTicketEvent = z.discriminatedUnion('kind', [
  entry('created'), entry('status'), entry('priority'), entry('field'), entry('assigned'), entry('team'), entry('reply'), entry('note'),
  entry('attachment'), entry('contact_attempt'), entry('survey'), entry('sla_breached'),
]).openapi('TicketEvent');
export type TTicketEvent = z.infer<typeof ZTicketEvent>;
/** A history entry as a writer gives it: its kind and that kind's payload. */
export type TTicketEventBody = TTicketEvent extends infer E ? E extends TTicketEvent ? { kind: E['kind']; data: E['data'] } : never : never;

export const ZSurvey = z.object({ score: z.number(), comment: z.string().nullable(), answeredAt: z.string() });

export const ZTicketAttachment = z.object({
  id: z.string(), filename: z.string(), contentType: z.string(), size: z.number(), sha256: z.string(), internal: z.boolean(),
  uploadedByName: z.string(), uploadedAt: z.string(),
}).openapi('TicketAttachment');

export const ZTicket = z.object({
  ...ZTicketBase,
  description: z.string(),
  requesterEmail: z.string().nullable(),
  conversation: z.array(ZConversationEntry),
  attachments: z.array(ZTicketAttachment),
  survey: ZSurvey.nullable(),
  canReopen: z.boolean(),
  canAnswerSurvey: z.boolean(),
  /** The requester may confirm the solution (POST …/confirm): the ticket is solved and they reported it. */
  canConfirm: z.boolean(),
  /** The page offers a public reply and a file upload: always to the desk, to the requester while the ticket is not done. */
  canReply: z.boolean(),
  canUpload: z.boolean(),
  /**
   * What the policy promises about the first answer while none has come: within this much (business) time,
   * due then. Null once answered, while paused, or when the ticket is done. The portal's receipt says it.
   */
  responsePromise: z.object({
    within: z.object({ value: z.number(), unit: z.enum(['minutes', 'hours', 'days']) }),
    /** The clock runs in opening hours only (a business calendar), not around the clock. */
    businessHours: z.boolean(),
    dueAt: z.string(),
  }).nullable(),
  /** The requester's reopen window (days) and whether it has run out on this done ticket, so the page can say so. */
  reopenWindowDays: z.number(),
  reopenExpired: z.boolean(),
  // What only the desk sees:
  /** The ticket's revision: the desk's edit sends it back (decision 0024). Not given to a requester, whose actions take none. */
  revision: z.number().int().optional(),
  assigneeUserId: z.string().nullable().optional(),
  teamId: z.string().nullable().optional(),
  sla: ZSlaView.optional(),
  events: z.array(ZTicketEvent).optional(),
}).openapi('Ticket');
export type TTicketView = z.infer<typeof ZTicket>;

export const ZTicketPage = z.object({
  tickets: z.array(ZTicketListItem),
  nextCursor: z.string().nullable(),
  /** The server's moment of answering (the test clock's when it is on): remaining times count from it, not the browser's clock. */
  now: z.string(),
}).openapi('TicketPage');

export const ZRecomputeRequest = z.object({
  cooperationId: ZUuid.optional(),
  createdFrom: z.string().datetime({ offset: true }).optional(),
  createdTo: z.string().datetime({ offset: true }).optional(),
}).openapi('RecomputeSlaRequest');

export const ZBulkAssignRequest = z.object({
  ticketIds: z.array(ZUuid).min(1, 'Velg minst én sak').max(200, 'Høyst 200 saker om gangen'),
  assigneeUserId: ZUuid.nullable().optional(),
  teamId: ZUuid.nullable().optional(),
}).refine((v) => v.assigneeUserId !== undefined || v.teamId !== undefined, { message: 'Velg saksbehandler eller team', path: ['assigneeUserId'] })
  .openapi('BulkAssignRequest');
export type TBulkAssignRequest = z.infer<typeof ZBulkAssignRequest>;

/** How many tickets an action covered and how many it changed (bulk assign, SLA recomputation). */
/** Open cases per work-list queue (the desk's own view). */
export const ZQueueCounts = z.object({
  open: z.object({ mine: z.number().int(), team: z.number().int(), unassigned: z.number().int(), breaching: z.number().int(), all: z.number().int() }),
  now: z.string(),
}).openapi('QueueCounts');
export const ZTicketCount = z.object({ tickets: z.number(), changed: z.number() });
export const ZReopenRequest = z.object({ reason: z.string().trim().max(20_000).optional() });
export type TReopenRequest = z.infer<typeof ZReopenRequest>;
export const ZTicketUploadRequest = z.object({
  file: z.instanceof(File, { message: 'Velg en fil (feltet file)' }).openapi({ type: 'string', format: 'binary' }),
  internal: z.enum(['true', 'false']).optional().openapi({ description: 'true: bare for kundeservice' }),
});
export const ZCloseUnconfirmedResult = z.object({ ran: z.boolean(), closed: z.array(z.number()) });

export const ZPolicyQuery = z.object({ cooperationId: ZId, municipalityId: ZId.optional() });
export const ZPolicyResponse = z.object({
  document: ZPolicyDocument,
  /** True while nothing is saved: the document is the neutral default (or, for a municipality, the cooperation's). */
  isDefault: z.boolean(),
  /** 0 while nothing is saved; a save sends back the revision it was made on (decision 0024). */
  revision: z.number().int().min(0),
}).openapi('ServiceDeskPolicyResponse');
export const ZSavePolicyRequest = z.object({
  cooperationId: ZId, municipalityId: ZId.optional(), document: ZPolicyDocument, revision: z.number().int().min(0),
}).openapi('SaveServiceDeskPolicyRequest');
export type TSavePolicyRequest = z.infer<typeof ZSavePolicyRequest>;
/** Which municipality's own rules to delete, at the revision they were read at (decision 0024). */
export const ZDeletePolicyQuery = z.object({
  cooperationId: ZId,
  municipalityId: ZId.openapi({ description: 'Kommunen som skal følge samarbeidets regler igjen' }),
  revision: z.coerce.number().int().min(1).openapi({ type: 'integer', description: 'Versjonen av kommunens regler slik de ble lest' }),
});

export const ZTeam = z.object({ id: z.string(), cooperationId: z.string(), name: z.string(), memberUserIds: z.array(z.string()) }).openapi('ServiceDeskTeam');
export const ZTeamList = z.object({ teams: z.array(ZTeam) });
export const ZCreateTeamRequest = z.object({ cooperationId: ZId, name: ZText(100), memberUserIds: z.array(ZId).max(200).default([]) });
export type TCreateTeamRequest = z.infer<typeof ZCreateTeamRequest>;
export const ZSharingRequest = z.object({ seesMunicipality: z.boolean() });
export type TSharingRequest = z.infer<typeof ZSharingRequest>;
export const ZPortalSharing = z.object({ userId: z.string(), seesMunicipality: z.boolean() });
export const ZUserIdParam = z.object({ userId: ZId.openapi({ param: { name: 'userId', in: 'path' } }) });

export const ZAgent = z.object({ id: z.string(), name: z.string(), email: z.string(), teamIds: z.array(z.string()) }).openapi('ServiceDeskAgent');
export type TAgent = z.infer<typeof ZAgent>;
export const ZAgentList = z.object({ agents: z.array(ZAgent) });

export const ZCategoryQuery = z.object({ municipality: ZId.optional().openapi({ description: 'Kommunens id (bare kundeservice); uten den: samarbeidets standard' }) });
export const ZCategoryList = z.object({
  cooperationId: z.string(), municipalityId: z.string().nullable(), categories: z.array(z.string()),
  /** Per category, in the list's order: the policy's explanation for the portal (null when it has none). */
  guide: z.array(z.object({ category: z.string(), description: z.string().nullable(), examples: z.array(z.string()) })),
}).openapi('ServiceDeskCategories');
