import { createRoute } from '@tanstack/react-router';
import { ProposalPage } from '../features/portfolio/ProposalPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

function ProposalRoutePage() {
  const { id } = proposalRoute.useParams();
  return (
    <RequireRole roles={['staff', 'council']}>
      <ProposalPage id={id} />
    </RequireRole>
  );
}

export const proposalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portefolje/forslag/$id',
  component: ProposalRoutePage,
});
