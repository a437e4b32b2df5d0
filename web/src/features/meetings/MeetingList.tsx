// /moter: meetings per body and year for staff and council, with "Planlegg møte" for staff.
import { Button, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useT } from '../../i18n';
import { formatDate, formatTimeRange } from '../../i18n/format';
import { canWrite, useSession } from '../auth/session';
import { SelectField } from '../forms/fields';
import { LoadError, Loading } from '../shell/states';
import { useBodies, useMeetings } from './api';
import { PlanMeetingForm } from './PlanMeetingForm';
import { StatusTag } from './StatusTag';
import { PageHeading } from '../shell/PageHeading';

export function MeetingList({ bodyId, year, onFilter }: {
  bodyId?: string;
  year?: number;
  onFilter: (filters: { bodyId?: string; year?: number }) => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const { user } = useSession();
  const bodies = useBodies();
  const meetings = useMeetings({ bodyId, year });
  const [planning, setPlanning] = useState(false);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2015 + 2 }, (_, i) => thisYear + 1 - i);

  return (
    <div className="stack">
      <div className="section-head">
        <PageHeading>{t('meetings.heading')}</PageHeading>
        {canWrite(user) ? (
          <Button type="button" aria-expanded={planning} aria-controls="plan-meeting" onClick={() => setPlanning((p) => !p)}>
            {t('meetings.plan')}
          </Button>
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
        <div className="table-scroll">
          <Table zebra className="full-width">
            <caption className="sr-only">{t('meetings.heading')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('meeting.meeting')}</Table.HeaderCell>
                <Table.HeaderCell>{t('meeting.body')}</Table.HeaderCell>
                <Table.HeaderCell>{t('meeting.date')}</Table.HeaderCell>
                <Table.HeaderCell>{t('meeting.time')}</Table.HeaderCell>
                <Table.HeaderCell>{t('meeting.place')}</Table.HeaderCell>
                <Table.HeaderCell>{t('meeting.cases')}</Table.HeaderCell>
                <Table.HeaderCell>{t('meeting.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {meetings.data.map((m) => (
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
                    <StatusTag status={m.status} />
                    {m.published ? <> <Tag data-size="sm" data-color="success">{t('meeting.published')}</Tag></> : null}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}
