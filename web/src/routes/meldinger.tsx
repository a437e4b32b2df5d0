import { createRoute } from '@tanstack/react-router';
import { MessagesPage } from '../features/messages/MessagesPage';
import { RequireRole } from '../features/shell/states';
import { ROLES } from '../../../src/modules/org/vocabulary';
import { rootRoute } from './__root';

/** Everyone's own in-app messages (src/modules/messages). */
export const messagesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/meldinger',
  component: () => <RequireRole roles={[...ROLES]}><MessagesPage /></RequireRole>,
});
