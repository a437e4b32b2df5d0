// /offentlig/moter/$id: one published meeting with its agenda. Exempt cases show number, public
// title and legal basis only (CaseBody with publicView). What the server withholds until the notice is
// sent or the minutes approved (docs/decisions/0016) is said in words, not left blank. The economy report published with the meeting
// follows the agenda, when there is one.
import { Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { usePublicT } from './messages';
import { useContentLang } from '../../i18n';
import { formatDate, formatTimeRange } from '../../i18n/format';
import { CaseBody, caseKey } from '../meetings/CaseBody';
import { meetingLabel } from '../meetings/format';
import { LoadError, PageLoadError, Loading } from '../shell/states';
import { usePublicMeeting } from './api';
import { PublicEconomyReport } from './PublicEconomyReport';
import { hasMinutes } from './papers';
import { StageTag } from './StageTag';
import { PageHeading } from '../shell/PageHeading';

export function PublicMeeting({ id }: { id: string }) {
  const t = usePublicT();
  const meeting = usePublicMeeting(id);
  const contentLang = useContentLang();
  if (meeting.isPending) return <Loading />;
  if (meeting.error) return <PageLoadError error={meeting.error} onRetry={() => meeting.refetch()} />;
  const m = meeting.data.meeting;
  const cases = meeting.data.cases;
  const withheld = meeting.data.withheld ?? [];
  return (
    <div className="stack">
      <DsLink asChild><Link to="/offentlig">{t('public.backToList')}</Link></DsLink>
      <div className="title-row">
        <PageHeading lang={contentLang}>{meetingLabel(m)}</PageHeading>
        <StageTag stage={m.stage} />
      </div>
      <dl className="facts">
        <dt>{t('meeting.date')}</dt><dd>{formatDate(m.date)}</dd>
        {/* A historical meeting the papers give no time for shows its date only. */}
        {m.startTime ? <><dt>{t('meeting.time')}</dt><dd>{formatTimeRange(m.startTime, m.endTime)}</dd></> : null}
        <dt>{t('meeting.place')}</dt><dd>{m.place}</dd>
      </dl>
      <nav aria-label={t('meeting.papers')} className="inline-links">
        {/* Only a sent notice is a paper; a historical meeting's agenda is public without one (decision 0042). */}
        {!withheld.includes('agenda') && m.noticeVersion > 0 ? <DsLink href={`/api/meetings/${m.id}/notice.pdf`}>{t('papers.noticePdf')}</DsLink> : null}
        {!withheld.includes('agenda') && m.noticeVersion > 0 ? <DsLink href={`/api/meetings/${m.id}/notice-bundle.pdf`}>{t('papers.noticeBundlePdf')}</DsLink> : null}
        {!withheld.includes('minutes') && hasMinutes(m) ? <DsLink href={`/api/meetings/${m.id}/minutes.pdf`}>{t('papers.minutesPdf')}</DsLink> : null}
      </nav>
      <section aria-labelledby="agenda-heading" className="stack">
        <Heading level={2} data-size="md" id="agenda-heading">{t('meeting.agenda')}</Heading>
        {withheld.includes('agenda') ? <Paragraph>{t('public.agendaWithheld')}</Paragraph>
          : cases.length === 0 ? <Paragraph>{t('meeting.noCases')}</Paragraph> : cases.map((c) => <CaseBody key={caseKey(c)} c={c} />)}
        {withheld.includes('minutes') && !withheld.includes('agenda') ? <Paragraph data-testid="minutes-withheld">{t('public.minutesWithheld')}</Paragraph> : null}
      </section>
      <PublicEconomyReport meetingId={m.id} />
    </div>
  );
}
