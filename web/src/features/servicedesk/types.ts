// The service desk API's shapes, taken type-only from the server's zod models (no server code is
// bundled), so a changed field shows up in `npm run typecheck`.
import type { z } from '@hono/zod-openapi';
import type {
  TAgent, TCreateTicketRequest, TListTicketsQuery, TPhoneCallRequest, TTicketView, TUpdateTicketRequest, ZTicketListItem, ZTicketPage,
} from '../../../../src/modules/servicedesk/model';
import type {
  TChannel, TContactMethod, TPriority, TQueue, TSlaFilter, TSortDirection, TStatus, TTicketSort, TTicketType,
} from '../../../../src/modules/servicedesk/vocabulary';
import type { TKpiPack } from '../../../../src/modules/servicedesk/kpi/kpi';

export type {
  TAgent, TChannel, TContactMethod, TCreateTicketRequest, TKpiPack, TListTicketsQuery, TPhoneCallRequest, TPriority, TQueue, TSlaFilter,
  TSortDirection, TStatus, TTicketSort, TTicketType, TUpdateTicketRequest,
};
export type TTicket = TTicketView;
export type TTicketAttachment = TTicket['attachments'][number];
export type TTicketListItem = z.infer<typeof ZTicketListItem>;
export type TTicketPage = z.infer<typeof ZTicketPage>;
export type TSlaClock = NonNullable<TTicket['sla']>['resolution'];
export type TTeam = { id: string; cooperationId: string; name: string; memberUserIds: string[] };

// The vocabularies themselves (pure lists, no server code) come from the server's module, so each is
// written once.
export {
  CHANNELS, CONTACT_METHODS, DEFAULT_SORT_DIRECTION, DEMO_CATEGORIES, DONE_STATUSES, PHONE_CHANNELS, PRIORITIES, QUEUES, SLA_FILTERS, SORT_DIRECTIONS,
  STATUSES, TICKET_SORTS, TICKET_TYPES,
} from '../../../../src/modules/servicedesk/vocabulary';
