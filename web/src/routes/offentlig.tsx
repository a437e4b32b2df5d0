import { Paragraph } from '@digdir/designsystemet-react';
import { createRoute } from '@tanstack/react-router';
import { PublicMeetingList } from '../features/public/PublicMeetingList';
import { PublicSearch } from '../features/public/PublicSearch';
import { useT } from '../i18n';
import { rootRoute } from './__root';
import { PageHeading } from '../features/shell/PageHeading';

function PublicPage() {
  const t = useT();
  return (
    <div className="stack-lg">
      <div className="stack">
        <PageHeading>{t('public.heading')}</PageHeading>
        <Paragraph>{t('public.intro')}</Paragraph>
      </div>
      <PublicMeetingList />
      <PublicSearch />
    </div>
  );
}

export const publicRoute = createRoute({ getParentRoute: () => rootRoute, path: '/offentlig', component: PublicPage });
