import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext } from '@tanstack/react-router';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { Layout } from '../features/shell/Layout';
import { useT } from '../i18n';

function NotFound() {
  const t = useT();
  return (
    <>
      <Heading level={1} data-size="lg">{t('common.pageNotFound')}</Heading>
      <Paragraph>{t('common.pageNotFoundText')}</Paragraph>
    </>
  );
}

export const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Layout,
  notFoundComponent: NotFound,
});
