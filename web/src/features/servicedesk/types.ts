// The service desk API's shapes, as the server documents them (web/src/api/schema.ts, generated from
// /api/openapi.json), so a changed field shows up in `npm run typecheck`.
import type { TApiQuery, TApiSchema } from '../../api/client';
import type {
  TChannel, TContactMethod, TPriority, TQueue, TSlaFilter, TSortDirection, TStatus, TTicketSort, TTicketType,
} from '../../../../src/modules/servicedesk/vocabulary';

export type { TChannel, TContactMethod, TPriority, TQueue, TSlaFilter, TSortDirection, TStatus, TTicketSort, TTicketType };
export type TAgent = TApiSchema<'ServiceDeskAgent'>;
export type TCreateTicketRequest = TApiSchema<'CreateTicketRequest'>;
export type TPhoneCallRequest = TApiSchema<'PhoneCallRequest'>;
export type TUpdateTicketRequest = TApiSchema<'UpdateTicketRequest'>;
export type TKpiPack = TApiSchema<'ServiceDeskKpiPack'>;
export type TListTicketsQuery = TApiQuery<'/api/servicedesk/tickets'>;
export type TTicket = TApiSchema<'Ticket'>;
export type TTicketAttachment = TApiSchema<'TicketAttachment'>;
export type TTicketListItem = TApiSchema<'TicketListItem'>;
export type TTicketPage = TApiSchema<'TicketPage'>;
export type TSlaClock = NonNullable<TTicket['sla']>['resolution'];
export type TTeam = TApiSchema<'ServiceDeskTeam'>;

// The vocabularies themselves (pure lists, no server code) come from the server's module, so each is
// written once.
export {
  CHANNELS, CONTACT_METHODS, DEFAULT_SORT_DIRECTION, DEMO_CATEGORIES, DONE_STATUSES, PHONE_CHANNELS, PRIORITIES, QUEUES, SLA_FILTERS, SORT_DIRECTIONS,
  STATUSES, TICKET_SORTS, TICKET_TYPES,
} from '../../../../src/modules/servicedesk/vocabulary';
