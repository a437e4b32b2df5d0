import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext } from '@tanstack/react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import { Layout } from '../features/shell/Layout';
import { useT } from '../i18n';
import { PageHeading } from '../features/shell/PageHeading';

function NotFound() {
  const t = useT();
  return (
    <>
      <PageHeading>{t('common.pageNotFound')}</PageHeading>
      <Paragraph>{t('common.pageNotFoundText')}</Paragraph>
    </>
  );
}

export const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Layout,
  notFoundComponent: NotFound,
});
