// /rapporter: the reports staff and the council may read, newest first; staff create a new one (carried
// forward from the previous of its kind); admins reach the templates.
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { formatDate } from '../../i18n/format';
import { canWrite, useSession } from '../auth/session';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import { PageHeading } from '../shell/PageHeading';
import { LoadError, Loading } from '../shell/states';
import { useCreateReport, useReports } from './api';
import { useReportsT } from './messages';
import { DataTable } from '../tables/DataTable';

const KINDS = ['aktivitetsrapport', 'arsrapport'] as const;

function NewReportForm({ onDone }: { onDone: (id: string) => void }) {
  const t = useReportsT();
  const create = useCreateReport();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('aktivitetsrapport');
  const [asOf, setAsOf] = useState(new Date().toISOString().slice(0, 10));
  return (
    <form className="panel stack" aria-label={t('reports.new')} onSubmit={(e) => {
      e.preventDefault();
      create.mutate({ kind, asOf }, { onSuccess: (r) => onDone(r.id) });
    }}>
      <FormErrors form="new-report" error={create.error} />
      <div className="row">
        <SelectField form="new-report" name="kind" label={t('reports.kind')} value={kind} onChange={(v) => setKind(v as typeof kind)}
          options={KINDS.map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))} />
        <TextField form="new-report" name="asOf" type="date" label={t('reports.asOf')} value={asOf} onChange={setAsOf} error={create.error} required />
      </div>
      <div><Button type="submit" disabled={create.isPending}>{t('reports.create')}</Button></div>
    </form>
  );
}

export function ReportsPage() {
  const t = useReportsT();
  const navigate = useNavigate();
  const { user } = useSession();
  const reports = useReports();
  const [creating, setCreating] = useState(false);
  return (
    <div className="stack">
      <div className="section-head">
        <PageHeading>{t('reports.heading')}</PageHeading>
        {canWrite(user) ? (
          <Button type="button" aria-expanded={creating} aria-controls="new-report" onClick={() => setCreating((c) => !c)}>{t('reports.new')}</Button>
        ) : null}
      </div>
      <Paragraph>{t('reports.intro')}</Paragraph>
      {user?.role === 'admin' ? <Paragraph><Link to="/rapporter/maler">{t('reports.templates')}</Link></Paragraph> : null}
      {user?.role === 'admin' || user?.role === 'staff' ? <Paragraph><Link to="/rapporter/tall">{t('reports.figures')}</Link></Paragraph> : null}
      <div id="new-report">{creating ? <NewReportForm onDone={(id) => navigate({ to: '/rapporter/$id', params: { id } })} /> : null}</div>
      {reports.isPending ? <Loading /> : reports.error ? <LoadError error={reports.error} /> : reports.data.length === 0 ? (
        <Paragraph>{t('reports.none')}</Paragraph>
      ) : (
        <DataTable caption={t('reports.heading')} columns={[t('reports.title'), t('reports.version'), t('reports.status'), t('reports.approvedDate')]}>
          {reports.data.map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell><Link to="/rapporter/$id" params={{ id: r.id }}>{r.title}</Link></Table.Cell>
              <Table.Cell>{r.version}</Table.Cell>
              <Table.Cell>{t(`reports.status.${r.status}`)}{r.archived ? ` (${t('reports.archived')})` : ''}{r.published ? ` · ${t('reports.published')}` : ''}</Table.Cell>
              <Table.Cell>{r.approvedAt ? formatDate(r.approvedAt) : '–'}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
    </div>
  );
}
