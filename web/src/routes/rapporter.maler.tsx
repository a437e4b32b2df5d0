import { createRoute } from '@tanstack/react-router';
import { TemplateEditor } from '../features/reports/TemplateEditor';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

export const reportTemplatesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rapporter/maler',
  component: () => <RequireRole roles={[]}><TemplateEditor /></RequireRole>,
});
