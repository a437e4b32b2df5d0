import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext } from '@tanstack/react-router';
import { Layout } from '../features/shell/Layout';
import { ProblemPage } from '../features/shell/states';

function NotFound() {
  return <ProblemPage problem="notFound" />;
}

export const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Layout,
  notFoundComponent: NotFound,
});
