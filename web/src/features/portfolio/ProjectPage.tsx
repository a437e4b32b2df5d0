// /portefolje/prosjekter/$id: one project, its status for a week (staff save it; a week without its own
// status starts from last week's as a draft, flagged) and its history over the last weeks.
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useContentLang, useI18n } from '../../i18n';
import { canWrite, useSession } from '../auth/session';
import { PanelForm } from '../forms/PanelForm';
import { SelectField, TextField } from '../forms/fields';
import { PageHeading } from '../shell/PageHeading';
import { LoadError, Loading } from '../shell/states';
import { DataTable } from '../tables/DataTable';
import { useProject, useSetWeekStatus, useStatusHistory, useWeekTable } from './api';
import { addWeeks, phaseLabel, statusLabel, weekNumber, WEEK_STATUSES } from './labels';
import { usePortfolioT } from './messages';
import { ProjectForm } from './ProjectForm';
import { WeekPicker } from './WeekPicker';

type TStatus = (typeof WEEK_STATUSES)[number];

export function ProjectPage({ id, week, onWeek }: { id: string; week: string; onWeek: (week: string) => void }) {
  const t = usePortfolioT();
  const { language } = useI18n();
  const lang = useContentLang();
  const { user } = useSession();
  const project = useProject(id);
  const [editing, setEditing] = useState(false);
  if (project.isPending) return <Loading />;
  if (project.error) return <LoadError error={project.error} />;
  const p = project.data;
  return (
    <div className="stack">
      <PageHeading lang={lang}>{p.title}</PageHeading>
      <section className="stack" aria-labelledby="project-details">
        <Heading level={2} data-size="sm" id="project-details">{t('portfolio.project.details')}</Heading>
        <dl className="facts">
          <dt>{t('portfolio.col.kind')}</dt><dd lang={lang}>{p.kindName}</dd>
          <dt>{t('portfolio.col.phase')}</dt><dd>{phaseLabel(p.phase, language)}</dd>
          <dt>{t('portfolio.col.municipality')}</dt><dd lang={lang}>{p.municipalityName}</dd>
          <dt>{t('portfolio.col.owner')}</dt><dd lang={lang}>{p.owner ?? '–'}</dd>
          {p.benefits ? <><dt>{t('portfolio.project.benefits')}</dt><dd lang={lang}>{p.benefits}</dd></> : null}
          {p.active ? null : <><dt>{t('portfolio.form.active')}</dt><dd>{t('portfolio.project.closed')}</dd></>}
        </dl>
        {canWrite(user) ? (
          editing ? <ProjectForm key={p.revision} project={p} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
            : <div><Button type="button" variant="secondary" id="edit-project-open" onClick={() => setEditing(true)}>{t('portfolio.form.editProject')}</Button></div>
        ) : null}
      </section>
      {p.weeklyStatus ? (
        <>
          <section className="stack" aria-labelledby="week-status-heading">
            <Heading level={2} data-size="sm" id="week-status-heading">{t('portfolio.status.heading', { week: weekNumber(week) })}</Heading>
            <WeekPicker week={week} onChange={onWeek} />
            <WeekStatus projectId={id} week={week} editable={canWrite(user)} />
          </section>
          <History projectId={id} to={week} />
        </>
      ) : null}
    </div>
  );
}

function WeekStatus({ projectId, week, editable }: { projectId: string; week: string; editable: boolean }) {
  const t = usePortfolioT();
  const { language } = useI18n();
  const lang = useContentLang();
  const table = useWeekTable(week);
  const save = useSetWeekStatus(projectId, week);
  const row = table.data?.rows.find((r) => r.projectId === projectId);
  const [status, setStatus] = useState<TStatus | ''>('');
  const [comment, setComment] = useState('');
  const [saved, setSaved] = useState(false);
  // The form starts from what the week shows: its own status, or last week's as a draft.
  useEffect(() => {
    setStatus(row?.status ?? '');
    setComment(row?.comment ?? '');
  }, [row?.status, row?.comment, row?.fromWeek, week]);
  useEffect(() => { setSaved(false); save.reset(); }, [week]); // eslint-disable-line react-hooks/exhaustive-deps
  if (table.isPending) return <Loading />;
  if (table.error) return <LoadError error={table.error} />;
  const draft = row?.status && !row.updatedThisWeek;
  if (!editable) {
    return <Paragraph lang={lang}>{row?.status ? `${statusLabel(row.status, language)}: ${row.comment}` : t('portfolio.noStatus')}</Paragraph>;
  }
  return (
    <PanelForm form="week-status" headingId="week-status-form" title={t('portfolio.status.form')} error={save.error}
      labels={{ status: t('portfolio.status.status'), comment: t('portfolio.status.comment') }}
      submitLabel={t('portfolio.status.save')} pending={save.isPending}
      notice={<>
        {draft && row?.fromWeek ? <Alert data-color="warning">{t('portfolio.status.draft', { week: weekNumber(row.fromWeek) })}</Alert> : null}
        {saved ? <Alert data-color="success" role="status">{t('portfolio.status.saved')}</Alert> : null}
      </>}
      onSubmit={() => {
        if (!status) return;
        setSaved(false);
        save.mutate({ status, comment, revision: row?.updatedThisWeek ? row.revision : null }, { onSuccess: () => setSaved(true) });
      }}>
      <SelectField form="week-status" name="status" label={t('portfolio.status.status')} value={status} required
        onChange={(v) => setStatus(v as TStatus)} placeholder="–"
        options={WEEK_STATUSES.map((s) => ({ value: s, label: statusLabel(s, language) }))} error={save.error} />
      <TextField form="week-status" name="comment" label={t('portfolio.status.comment')} value={comment} onChange={setComment} multiline rows={3} error={save.error} />
    </PanelForm>
  );
}

function History({ projectId, to }: { projectId: string; to: string }) {
  const t = usePortfolioT();
  const { language } = useI18n();
  const lang = useContentLang();
  const from = addWeeks(to, -7);
  const history = useStatusHistory(from, to);
  if (history.isPending) return <Loading />;
  if (history.error) return <LoadError error={history.error} />;
  const project = history.data.projects.find((p) => p.projectId === projectId);
  return (
    <section className="stack" aria-labelledby="history-heading">
      <Heading level={2} data-size="sm" id="history-heading">{t('portfolio.history')}</Heading>
      <DataTable caption={t('portfolio.history.caption', { from: weekNumber(from), to: weekNumber(to) })} testId="status-history"
        columns={[t('portfolio.week'), t('portfolio.col.status'), t('portfolio.col.comment')]}>
        {history.data.weeks.map((w, i) => {
          const cell = project?.cells[i] ?? null;
          return (
            <Table.Row key={w}>
              <Table.Cell>{weekNumber(w)}</Table.Cell>
              <Table.Cell>{cell ? statusLabel(cell.status, language) : '–'}</Table.Cell>
              <Table.Cell lang={lang}>{cell?.comment ?? ''}</Table.Cell>
            </Table.Row>
          );
        })}
      </DataTable>
    </section>
  );
}
