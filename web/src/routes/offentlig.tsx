import { createRoute } from '@tanstack/react-router';
import { PublicMeetingList } from '../features/public/PublicMeetingList';
import { PublicReportList } from '../features/public/PublicReportList';
import { PublicSearch } from '../features/public/PublicSearch';
import { usePublicT } from '../features/public/messages';
import { rootRoute } from './__root';
import { PageIntro } from '../features/shell/PageHeading';

function PublicPage() {
  const t = usePublicT();
  return (
    <div className="stack-lg">
      <PageIntro heading={t('public.heading')}>{t('public.intro')}</PageIntro>
      <PublicMeetingList />
      <PublicReportList />
      <PublicSearch />
    </div>
  );
}

export const publicRoute = createRoute({ getParentRoute: () => rootRoute, path: '/offentlig', component: PublicPage });
