// The service desk API's shapes, taken type-only from the server's zod models (nothing of the server is
// bundled), so a changed field shows up in `npm run typecheck`.
import type { z } from '@hono/zod-openapi';
import type {
  TCreateTicketRequest, TListTicketsQuery, TPhoneCallRequest, TTicketView, TUpdateTicketRequest, ZTicketListItem, ZTicketPage,
} from '../../../../src/modules/servicedesk/model';
import type { TChannel, TContactMethod, TPriority, TStatus, TTicketType } from '../../../../src/modules/servicedesk/vocabulary';
import type { TKpiPack } from '../../../../src/modules/servicedesk/kpi/kpi';
import type { TAgent } from '../../../../src/modules/servicedesk/agents.service';

export type { TAgent, TChannel, TContactMethod, TCreateTicketRequest, TKpiPack, TListTicketsQuery, TPhoneCallRequest, TPriority, TStatus, TTicketType, TUpdateTicketRequest };
export type TTicket = TTicketView;
export type TTicketAttachment = TTicket['attachments'][number];
export type TTicketListItem = z.infer<typeof ZTicketListItem>;
export type TTicketPage = z.infer<typeof ZTicketPage>;
export type TQueue = TListTicketsQuery['queue'];
export type TSlaClock = NonNullable<TTicket['sla']>['resolution'];
export type TTeam = { id: string; cooperationId: string; name: string; memberUserIds: string[] };

// The vocabularies' keys, kept here as values because the web app bundles nothing of the server; the
// typecheck ties each list to the server's type.
export const TICKET_TYPES: readonly TTicketType[] = ['feilmelding', 'tjenesteforesporsel', 'annet'];
export const CHANNELS: readonly TChannel[] = ['portal', 'epost', 'telefon', 'oppmote', 'chat', 'annet'];
export const PRIORITIES: readonly TPriority[] = ['lav', 'medium', 'hoy', 'kritisk'];
export const STATUSES: readonly TStatus[] = ['ny', 'under_arbeid', 'venter_bruker', 'venter_leverandor', 'lost', 'lukket'];
export const CONTACT_METHODS: readonly TContactMethod[] = ['telefon', 'epost', 'teams'];
export const QUEUES: readonly TQueue[] = ['mine', 'team', 'unassigned', 'breaching', 'all'];
/** The demo's categories (DOMAIN.md), for the portal, which may not read the desk's policy. */
export const DEMO_CATEGORIES = [
  'Ansattadministrasjon', 'Maskiner og utstyr', 'Fagapplikasjoner', 'Rådgiving', 'Standardapplikasjoner',
  'Skrivere/multimaskiner', 'Infrastruktur', 'Støtteapplikasjoner', 'Bestillinger',
] as const;
