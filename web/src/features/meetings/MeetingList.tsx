// /moter: meetings per body and year for staff and council, with "Planlegg møte" for staff.
import { Button, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useMeetingsT } from './messages';
import { formatDate, formatTimeRange } from '../../i18n/format';
import { canWrite, useSession } from '../auth/session';
import { SelectField } from '../forms/fields';
import { LoadError, Loading } from '../shell/states';
import { useBodies, useMeetings } from './api';
import { PlanMeetingForm } from './PlanMeetingForm';
import { HistoricalMeetingForm } from './HistoricalMeeting';
import { StatusTag } from './StatusTag';
import { YearStats } from './YearStats';
import { downloadCsv, useSorted } from '../tables/sorting';
import type { TMeetingSummary } from './types';

type TRow = TMeetingSummary & { caseCount?: number };
const SORT_KEYS = {
  meeting: (m: TRow) => m.year * 100 + m.number,
  body: (m: TRow) => m.bodyName,
  date: (m: TRow) => m.date,
  place: (m: TRow) => m.place,
  cases: (m: TRow) => m.caseCount ?? 0,
  status: (m: TRow) => m.status,
};
const NO_ROWS: TRow[] = [];
import { PageHeading } from '../shell/PageHeading';
import { TableScroll } from '../tables/TableScroll';

export function MeetingList({ bodyId, year, onFilter }: {
  bodyId?: string;
  year?: number;
  onFilter: (filters: { bodyId?: string; year?: number }) => void;
}) {
  const t = useMeetingsT();
  const navigate = useNavigate();
  const { user } = useSession();
  const bodies = useBodies();
  const meetings = useMeetings({ bodyId, year });
  const [planning, setPlanning] = useState(false);
  const [registering, setRegistering] = useState(false);
  const { sorted, header } = useSorted(meetings.data ?? NO_ROWS, SORT_KEYS, { key: 'date', direction: 'descending' });
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2015 + 2 }, (_, i) => thisYear + 1 - i);

  return (
    <div className="stack">
      <div className="section-head">
        <PageHeading>{t('meetings.heading')}</PageHeading>
        {canWrite(user) ? (
          <div className="actions">
          <Button type="button" aria-expanded={planning} aria-controls="plan-meeting" onClick={() => setPlanning((p) => !p)}>
            {t('meetings.plan')}
          </Button>
          <Button type="button" variant="secondary" aria-expanded={registering} aria-controls="historical-meeting" onClick={() => setRegistering((r) => !r)}>
            {t('meetings.registerHistorical')}
          </Button>
          </div>
        ) : null}
      </div>
      <div id="plan-meeting">
        {planning && bodies.data ? (
          <PlanMeetingForm
            bodies={bodies.data.filter((b) => b.active)}
            defaultBodyId={bodyId}
            onCancel={() => setPlanning(false)}
            onCreated={(view) => navigate({ to: '/moter/$id', params: { id: view.meeting.id } })}
          />
        ) : null}
      </div>
      <div id="historical-meeting">
        {registering && bodies.data ? (
          <HistoricalMeetingForm
            bodies={bodies.data.filter((b) => b.active)}
            defaultBodyId={bodyId}
            onCancel={() => setRegistering(false)}
            onCreated={(view) => navigate({ to: '/moter/$id', params: { id: view.meeting.id } })}
          />
        ) : null}
      </div>
      <form className="row" aria-label={t('meetings.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField form="meetings" name="bodyId" label={t('meeting.body')} value={bodyId ?? ''}
          onChange={(v) => onFilter({ bodyId: v || undefined, year })} placeholder={t('meetings.allBodies')}
          options={(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
        <SelectField form="meetings" name="year" label={t('meetings.year')} value={year ? String(year) : ''}
          onChange={(v) => onFilter({ bodyId, year: v ? Number(v) : undefined })} placeholder={t('meetings.allYears')}
          options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      </form>
      {meetings.isPending ? <Loading /> : meetings.error ? <LoadError error={meetings.error} /> : meetings.data.length === 0 ? (
        <Paragraph>{t('meetings.none')}</Paragraph>
      ) : (
        <TableScroll>
          <Table zebra className="full-width">
            <caption className="sr-only">{t('meetings.heading')}</caption>
            <Table.Head>
              <Table.Row>
                {header('meeting', t('meeting.meeting'))}
                {header('body', t('meeting.body'))}
                {header('date', t('meeting.date'))}
                <Table.HeaderCell>{t('meeting.time')}</Table.HeaderCell>
                {header('place', t('meeting.place'))}
                {header('cases', t('meeting.cases'))}
                {header('status', t('meeting.status'))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {sorted.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>
                    <DsLink asChild><Link to="/moter/$id" params={{ id: m.id }}>{`${m.year} M${m.number}`}</Link></DsLink>
                  </Table.Cell>
                  <Table.Cell>{m.bodyName}</Table.Cell>
                  <Table.Cell>{formatDate(m.date)}</Table.Cell>
                  <Table.Cell>{formatTimeRange(m.startTime, m.endTime)}</Table.Cell>
                  <Table.Cell>{m.place}</Table.Cell>
                  <Table.Cell>{m.caseCount ?? ''}</Table.Cell>
                  <Table.Cell>
                    <StatusTag meeting={m} />
                    {m.historical ? <> <Tag data-size="sm" data-color="neutral">{t('historical.tag')}</Tag></> : null}
                    {m.published ? <> <Tag data-size="sm" data-color="success">{t('meeting.published')}</Tag></> : null}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <div className="actions" style={{ marginTop: '0.75rem' }}>
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => downloadCsv('moter.csv', [
              [t('meeting.meeting'), t('meeting.body'), t('meeting.date'), t('meeting.time'), t('meeting.place'), t('meeting.cases'), t('meeting.status')],
              ...sorted.map((m) => [`${m.year} M${m.number}`, m.bodyName, formatDate(m.date), formatTimeRange(m.startTime, m.endTime), m.place, m.caseCount ?? '', m.awaitsRecording ? t('status.awaitsRecording') : t(`status.${m.status}`)]),
            ])}>
              {t('common.downloadCsv')}
            </Button>
          </div>
        </TableScroll>
      )}
      {year ? <YearStats year={year} /> : null}
    </div>
  );
}
