import { createRoute, useNavigate } from '@tanstack/react-router';
import { osloToday } from '../../../src/lib/oslo-time';
import { weekOfDate } from '../features/portfolio/labels';
import { ProjectPage } from '../features/portfolio/ProjectPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';
import { searchWeek } from './portefolje';
import { searchParams } from './search-params';

function ProjectRoutePage() {
  const { id } = projectRoute.useParams();
  const { uke } = projectRoute.useSearch();
  const navigate = useNavigate();
  return (
    <RequireRole roles={['staff', 'council', 'municipality']}>
      <ProjectPage id={id} week={uke ?? weekOfDate(osloToday())}
        onWeek={(week) => navigate({ to: '/portefolje/prosjekter/$id', params: { id }, search: { uke: week }, replace: true })} />
    </RequireRole>
  );
}

export const projectRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portefolje/prosjekter/$id',
  validateSearch: searchParams({ uke: searchWeek }),
  component: ProjectRoutePage,
});
