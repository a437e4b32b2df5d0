// /oversikt: where the staff land. What waits for them across the modules, each item a link to where it
// is done: meetings to call, to record and whose minutes to approve (the server decides which), the
// desk's queues that need someone, and the reports being written.
import { useContentLang } from '../../i18n';
import { Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { TApiSchema } from '../../api/client';
import { formatDate } from '../../i18n/format';
import { useMeetingsAwaiting } from '../meetings/api';
import { useReports } from '../reports/api';
import { useReportsT } from '../reports/messages';
import { useQueueCounts } from '../servicedesk/api';
import { PageHeading } from '../shell/PageHeading';
import { LoadError, Loading } from '../shell/states';
import { useOverviewT } from './messages';

type TMeeting = TApiSchema<'MeetingSummary'>;

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="stack" aria-labelledby={`overview-${id}`}>
      <h2 id={`overview-${id}`} style={{ margin: 0 }}>{title}</h2>
      {children}
    </section>
  );
}

function MeetingList({ title, meetings }: { title: string; meetings: TMeeting[] }) {
  // A body's name is the cooperation's own words: marked bokmål on an English page.
  const contentLang = useContentLang();
  if (meetings.length === 0) return null;
  return (
    <div className="stack">
      <h3 style={{ margin: 0 }}>{title}</h3>
      <ul>
        {meetings.map((m) => (
          <li key={m.id}>
            <DsLink asChild><Link to="/moter/$id" params={{ id: m.id }} lang={contentLang}>{`${m.bodyName} ${m.year} ${m.numberLabel}`}</Link></DsLink>
            {`, ${formatDate(m.date)}`}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function OverviewPage() {
  const t = useOverviewT();
  const rt = useReportsT();
  const meetings = useMeetingsAwaiting();
  const counts = useQueueCounts();
  const reports = useReports();
  const open = reports.data?.filter((r) => r.status !== 'godkjent') ?? [];
  const nothingWaits = meetings.data && meetings.data.toPrepare.length + meetings.data.toRecord.length + meetings.data.toApprove.length === 0;
  return (
    <div className="stack-lg">
      <div className="stack">
        <PageHeading>{t('overview.heading')}</PageHeading>
        <Paragraph>{t('overview.intro')}</Paragraph>
      </div>
      <Part id="meetings" title={t('overview.meetings')}>
        {meetings.isPending ? <Loading /> : meetings.error ? <LoadError error={meetings.error} /> : (
          <>
            {nothingWaits ? <Paragraph>{t('overview.noMeetings')}</Paragraph> : null}
            <MeetingList title={t('overview.toPrepare')} meetings={meetings.data.toPrepare} />
            <MeetingList title={t('overview.toRecord')} meetings={meetings.data.toRecord} />
            <MeetingList title={t('overview.toApprove')} meetings={meetings.data.toApprove} />
          </>
        )}
        <DsLink asChild><Link to="/moter">{t('overview.toMeetings')}</Link></DsLink>
      </Part>
      <Part id="desk" title={t('overview.desk')}>
        {counts.isPending ? <Loading /> : counts.error ? <LoadError error={counts.error} /> : (
          <ul>
            <li><DsLink asChild><Link to="/kundeservice/arbeidsliste" search={{ queue: 'mine' }}>{t('overview.mine', { count: counts.data.open.mine })}</Link></DsLink></li>
            <li><DsLink asChild><Link to="/kundeservice/arbeidsliste" search={{ queue: 'unassigned' }}>{t('overview.unassigned', { count: counts.data.open.unassigned })}</Link></DsLink></li>
            <li><DsLink asChild><Link to="/kundeservice/arbeidsliste" search={{ queue: 'breaching' }}>{t('overview.breaching', { count: counts.data.open.breaching })}</Link></DsLink></li>
          </ul>
        )}
      </Part>
      <Part id="reports" title={t('overview.reports')}>
        {reports.isPending ? <Loading /> : reports.error ? <LoadError error={reports.error} /> : open.length === 0 ? <Paragraph>{t('overview.noReports')}</Paragraph> : (
          <ul>
            {open.map((r) => (
              <li key={r.id}>
                <DsLink asChild><Link to="/rapporter/$id" params={{ id: r.id }}>{t('overview.reportStatus', { title: r.title, status: rt(`reports.status.${r.status}`) })}</Link></DsLink>
              </li>
            ))}
          </ul>
        )}
      </Part>
    </div>
  );
}
