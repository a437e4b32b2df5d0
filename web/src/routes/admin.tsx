import { createRoute } from '@tanstack/react-router';
import { ADMIN_SECTIONS, AdminPage, type TAdminSection } from '../features/admin/AdminPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

function AdminRoutePage() {
  const { fane } = adminRoute.useSearch();
  return (
    <RequireRole roles={['admin']}>
      <AdminPage section={fane} />
    </RequireRole>
  );
}

export const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  validateSearch: (search: Record<string, unknown>): { fane: TAdminSection } => ({
    fane: (ADMIN_SECTIONS as readonly string[]).includes(String(search.fane)) ? (search.fane as TAdminSection) : 'kommuner',
  }),
  component: AdminRoutePage,
});
