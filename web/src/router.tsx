// The route tree, code-based: one file per page under routes/, assembled here.
import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { LoadError, PageLoadError } from './features/shell/states';
import { rootRoute } from './routes/__root';
import { indexRoute } from './routes/index';
import { loginRoute } from './routes/logg-inn';
import { setupRoute } from './routes/oppsett';
import { profileRoute } from './routes/profil';
import { publicRoute } from './routes/offentlig';
import { publicMeetingRoute } from './routes/offentlig.moter.$id';
import { publicReportRoute } from './routes/offentlig.rapporter.$id';
import { meetingsRoute } from './routes/moter';
import { meetingRoute } from './routes/moter.$id';
import { searchRoute } from './routes/sok';
import { adminRoute } from './routes/admin';
import { economyRoute } from './routes/okonomi';
import { serviceDeskRoute } from './routes/kundeservice';
import { serviceDeskTicketRoute } from './routes/kundeservice.saker.$id';
import { serviceDeskWorkRoute } from './routes/kundeservice.arbeidsliste';
import { serviceDeskKpiRoute } from './routes/kundeservice.nokkeltall';
import { serviceDeskImportRoute } from './routes/kundeservice.import';
import { serviceDeskPhoneStatsRoute } from './routes/kundeservice.telefonstatistikk';
import { reportsRoute } from './routes/rapporter';
import { reportRoute } from './routes/rapporter.$id';
import { reportTemplatesRoute } from './routes/rapporter.maler';
import { reportFiguresRoute } from './routes/rapporter.tall';
import { overviewRoute } from './routes/oversikt';
import { equipmentStatusRoute } from './routes/utstyr';
import { equipmentDevicesRoute } from './routes/utstyr.pc-er';
import { equipmentStockRoute } from './routes/utstyr.lager';
import { equipmentImportRoute } from './routes/utstyr.import';
import { equipmentLicencesRoute } from './routes/utstyr.lisenser';
import { equipmentCampaignRoute } from './routes/utstyr.bytte';
import { equipmentReplacementRoute } from './routes/utstyr.bytte.$id';
import { equipmentApprovalRoute } from './routes/utstyr.godkjenning';
import { messagesRoute } from './routes/meldinger';
import { equipmentMyOrdersRoute } from './routes/utstyr.mine';
import { portfolioRoute } from './routes/portefolje';
import { projectRoute } from './routes/portefolje.prosjekter.$id';
import { proposalRoute } from './routes/portefolje.forslag.$id';
import { procurementRoute } from './routes/portefolje.anskaffelser.$id';

export const routeTree = rootRoute.addChildren([
  indexRoute,
  loginRoute,
  setupRoute,
  profileRoute,
  publicRoute,
  publicMeetingRoute,
  publicReportRoute,
  meetingsRoute,
  meetingRoute,
  searchRoute,
  adminRoute,
  economyRoute,
  serviceDeskRoute,
  serviceDeskTicketRoute,
  serviceDeskWorkRoute,
  serviceDeskKpiRoute,
  serviceDeskImportRoute,
  serviceDeskPhoneStatsRoute,
  reportsRoute,
  reportTemplatesRoute,
  reportFiguresRoute,
  overviewRoute,
  equipmentStatusRoute,
  equipmentDevicesRoute,
  equipmentStockRoute,
  equipmentImportRoute,
  equipmentLicencesRoute,
  equipmentCampaignRoute,
  equipmentReplacementRoute,
  equipmentApprovalRoute,
  messagesRoute,
  equipmentMyOrdersRoute,
  reportRoute,
  portfolioRoute,
  projectRoute,
  proposalRoute,
  procurementRoute,
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // A page that throws while rendering shows the message inside the frame (header, navigation), not a blank screen.
    defaultErrorComponent: ({ error, reset }) => <PageLoadError error={error} onRetry={reset} />,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
