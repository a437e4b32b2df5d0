// /offentlig: the published reports (approved and published by the leader), newest first, each a link to
// its page, where exempt sections show their number and legal basis only.
import { Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useContentLang } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { usePublicReports } from '../reports/api';
import { LoadError, Loading } from '../shell/states';
import { usePublicT } from './messages';

export function PublicReportList() {
  const t = usePublicT();
  const reports = usePublicReports();
  const lang = useContentLang();
  if (reports.isPending) return <Loading />;
  if (reports.error) return <LoadError error={reports.error} />;
  const rows = [...reports.data].sort((a, b) => b.asOf.localeCompare(a.asOf));
  return (
    <section aria-labelledby="public-reports-heading" className="stack">
      <Heading level={2} data-size="md" id="public-reports-heading">{t('public.reportsHeading')}</Heading>
      {rows.length === 0 ? <Paragraph>{t('public.noReports')}</Paragraph> : (
        <ul>
          {rows.map((r) => (
            <li key={r.id}>
              <DsLink asChild><Link to="/offentlig/rapporter/$id" params={{ id: r.id }} lang={lang}>{r.title}</Link></DsLink>
              {r.approvedAt ? ` (${t('public.reportApproved', { date: formatDate(r.approvedAt) })})` : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
