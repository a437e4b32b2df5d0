// /offentlig: the published meetings, newest first, each with its papers.
import { Heading, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { useContentLang } from '../../i18n';
import { StageTag } from './StageTag';
import { Link } from '@tanstack/react-router';
import { usePublicT } from './messages';
import { formatDate, formatTimeRange } from '../../i18n/format';
import { meetingLabel } from '../meetings/format';
import { LoadError, Loading } from '../shell/states';
import { usePublicMeetings } from './api';
import { hasMinutes } from './papers';
import { DataTable } from '../tables/DataTable';

export function PublicMeetingList() {
  const t = usePublicT();
  const meetings = usePublicMeetings();
  const lang = useContentLang();
  if (meetings.isPending) return <Loading />;
  if (meetings.error) return <LoadError error={meetings.error} />;
  const rows = [...meetings.data].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <section aria-labelledby="public-meetings-heading" className="stack">
      <Heading level={2} data-size="md" id="public-meetings-heading">{t('public.meetingsHeading')}</Heading>
      {rows.length === 0 ? <Paragraph>{t('public.noMeetings')}</Paragraph> : (
        <DataTable caption={t('public.meetingsHeading')} className="public-meetings" columns={[
          t('meeting.meeting'), t('meeting.status'), t('meeting.date'), t('meeting.time'), t('meeting.place'), t('meeting.papers'),
        ]}>
          {rows.map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell>
                <DsLink asChild><Link to="/offentlig/moter/$id" params={{ id: m.id }} lang={lang}>{meetingLabel(m)}</Link></DsLink>
              </Table.Cell>
              <Table.Cell><StageTag stage={m.stage} /></Table.Cell>
              <Table.Cell>{formatDate(m.date)}</Table.Cell>
              <Table.Cell>{formatTimeRange(m.startTime, m.endTime)}</Table.Cell>
              <Table.Cell lang={lang}>{m.place}</Table.Cell>
              <Table.Cell>
                <span className="inline-links">
                  {m.noticeVersion > 0 ? (
                    <DsLink href={`/api/meetings/${m.id}/notice.pdf`} aria-label={t('papers.noticeFor', { meeting: meetingLabel(m) })}>{t('papers.notice')}</DsLink>
                  ) : null}
                  {hasMinutes(m) ? (
                    <DsLink href={`/api/meetings/${m.id}/minutes.pdf`} aria-label={t('papers.minutesFor', { meeting: meetingLabel(m) })}>{t('papers.minutes')}</DsLink>
                  ) : null}
                </span>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
    </section>
  );
}
