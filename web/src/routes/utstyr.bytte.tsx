import { createRoute } from '@tanstack/react-router';
import { CampaignPage } from '../features/equipment/campaign/CampaignPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

/** Staff's replacement campaign: campaigns, approvers, invitations and the requests' steps. */
export const equipmentCampaignRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/utstyr/bytte',
  component: () => <RequireRole roles={['staff']}><CampaignPage /></RequireRole>,
});
