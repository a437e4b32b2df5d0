// /portefolje: the week's status table as the activity report prints it (seed 000 §2.4.1), the projects
// the user may see, and (staff and council) the procurements and the proposals of the innovation
// pipeline. Staff open the form for a new project, procurement or proposal here; a new one opens on
// its own page.
import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useI18n, useContentLang } from '../../i18n';
import { formatDateTime, formatWholeKroner } from '../../i18n/format';
import { canWrite, useSession } from '../auth/session';
import { useFocusFirstField } from '../forms/fields';
import { PageIntro } from '../shell/PageHeading';
import { LoadError, Loading } from '../shell/states';
import { DataTable } from '../tables/DataTable';
import { useProcurements, useProjects, useProposals, useWeekTable } from './api';
import { phaseLabel, procurementStageLabel, stageLabel, statusLabel, weekNumber } from './labels';
import { NewProcurementForm } from './ProcurementPage';
import { ProjectForm } from './ProjectForm';
import { NewProposalForm } from './ProposalForms';
import { PopulationsForm, ProjectKindForm } from './SettingsForms';
import { usePortfolioT } from './messages';
import { WeekPicker } from './WeekPicker';

export function PortfolioPage({ week, onWeek }: { week: string; onWeek: (week: string) => void }) {
  const t = usePortfolioT();
  const { user } = useSession();
  const readsPipeline = user?.role === 'admin' || user?.role === 'staff' || user?.role === 'council';
  const editable = canWrite(user);
  const navigate = useNavigate();
  return (
    <div className="stack">
      <PageIntro heading={t('portfolio.heading')}>{t('portfolio.intro')}</PageIntro>
      <section className="stack" aria-labelledby="week-table-heading">
        <Heading level={2} data-size="sm" id="week-table-heading">{t('portfolio.weekTable')}</Heading>
        <WeekPicker week={week} onChange={onWeek} />
        <WeekTable week={week} />
      </section>
      <section className="stack" aria-labelledby="projects-heading">
        <Heading level={2} data-size="sm" id="projects-heading">{t('portfolio.projects')}</Heading>
        <ProjectList />
        {editable ? (
          <Opener id="new-project" label={t('portfolio.form.newProject')}>
            {(close) => <ProjectForm onCancel={close} onDone={(id) => navigate({ to: '/portefolje/prosjekter/$id', params: { id }, search: {} })} />}
          </Opener>
        ) : null}
      </section>
      {readsPipeline ? (
        <>
          <section className="stack" aria-labelledby="procurements-heading">
            <Heading level={2} data-size="sm" id="procurements-heading">{t('portfolio.procurements')}</Heading>
            <ProcurementList />
            {editable ? (
              <Opener id="new-procurement" label={t('portfolio.procurement.new')}>
                {() => <NewProcurementForm onDone={(id) => navigate({ to: '/portefolje/anskaffelser/$id', params: { id } })} />}
              </Opener>
            ) : null}
          </section>
          <section className="stack" aria-labelledby="proposals-heading">
            <Heading level={2} data-size="sm" id="proposals-heading">{t('portfolio.proposals')}</Heading>
            <ProposalList />
            {editable ? (
              <Opener id="new-proposal" label={t('portfolio.form.newProposal')}>
                {() => <NewProposalForm onDone={(id) => navigate({ to: '/portefolje/forslag/$id', params: { id } })} />}
              </Opener>
            ) : null}
          </section>
        </>
      ) : null}
      {editable ? (
        <section className="stack" aria-labelledby="portfolio-settings-heading">
          <Heading level={2} data-size="sm" id="portfolio-settings-heading">{t('portfolio.settings.heading')}</Heading>
          <Opener id="portfolio-settings" label={t('portfolio.settings.open')}>
            {() => <div className="stack-lg"><ProjectKindForm /><PopulationsForm /></div>}
          </Opener>
        </section>
      ) : null}
    </div>
  );
}

function WeekTable({ week }: { week: string }) {
  const t = usePortfolioT();
  const { language } = useI18n();
  const lang = useContentLang();
  const table = useWeekTable(week);
  if (table.isPending) return <Loading />;
  if (table.error) return <LoadError error={table.error} />;
  if (!table.data.rows.length) return <Paragraph>{t('portfolio.noProjects')}</Paragraph>;
  return (
    <DataTable caption={t('portfolio.weekLabel', { number: weekNumber(week), week })} testId="week-table"
      columns={[t('portfolio.col.title'), t('portfolio.col.status'), `${t('portfolio.col.comment')} ${t('portfolio.week').toLowerCase()} ${table.data.weekNumber}`, t('portfolio.col.municipality')]}>
      {table.data.rows.map((r) => (
        <Table.Row key={r.projectId}>
          <Table.Cell><Link to="/portefolje/prosjekter/$id" params={{ id: r.projectId }} search={{ uke: week }} lang={lang}>{r.title}</Link></Table.Cell>
          <Table.Cell>
            {r.status ? statusLabel(r.status, language) : t('portfolio.noStatus')}
            {r.status && !r.updatedThisWeek && r.fromWeek ? <> <Tag data-color="warning" data-size="sm">{t('portfolio.notUpdated', { week: weekNumber(r.fromWeek) })}</Tag></> : null}
          </Table.Cell>
          <Table.Cell lang={lang}>{r.comment}</Table.Cell>
          <Table.Cell lang={lang}>{r.municipalityName}</Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  );
}

function ProjectList() {
  const t = usePortfolioT();
  const { language } = useI18n();
  const lang = useContentLang();
  const projects = useProjects();
  if (projects.isPending) return <Loading />;
  if (projects.error) return <LoadError error={projects.error} />;
  if (!projects.data.length) return <Paragraph>{t('portfolio.noProjects')}</Paragraph>;
  return (
    <DataTable labelledBy="projects-heading" testId="project-list"
      columns={[t('portfolio.col.title'), t('portfolio.col.kind'), t('portfolio.col.phase'), t('portfolio.col.municipality'), t('portfolio.col.owner')]}>
      {projects.data.map((p) => (
        <Table.Row key={p.id}>
          <Table.Cell><Link to="/portefolje/prosjekter/$id" params={{ id: p.id }} search={{}} lang={lang}>{p.title}</Link></Table.Cell>
          <Table.Cell lang={lang}>{p.kindName}</Table.Cell>
          <Table.Cell>{phaseLabel(p.phase, language)}</Table.Cell>
          <Table.Cell lang={lang}>{p.municipalityName}</Table.Cell>
          <Table.Cell lang={lang}>{p.owner ?? ''}</Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  );
}

function ProposalList() {
  const t = usePortfolioT();
  const { language } = useI18n();
  const lang = useContentLang();
  const proposals = useProposals(true);
  if (proposals.isPending) return <Loading />;
  if (proposals.error) return <LoadError error={proposals.error} />;
  if (!proposals.data.length) return <Paragraph>{t('portfolio.proposals.none')}</Paragraph>;
  return (
    <DataTable caption={t('portfolio.proposals.caption')} testId="proposal-list"
      columns={[t('portfolio.col.title'), t('portfolio.proposal.by'), t('portfolio.proposal.stage'), { label: t('portfolio.proposal.estimate'), numeric: true }]}>
      {proposals.data.map((p) => (
        <Table.Row key={p.id}>
          <Table.Cell><Link to="/portefolje/forslag/$id" params={{ id: p.id }} lang={lang}>{p.title}</Link></Table.Cell>
          <Table.Cell lang={lang}>{p.proposedBy}</Table.Cell>
          <Table.Cell>{stageLabel(p.stage, language)}</Table.Cell>
          <Table.Cell className="num">{p.costEstimateOre === null ? '' : formatWholeKroner(p.costEstimateOre)}</Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  );
}

/** A button that opens a form below it (focus moves into the form) and closes it again. */
function Opener({ id, label, children }: { id: string; label: string; children: (close: () => void) => ReactNode }) {
  const t = usePortfolioT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <div>
        <Button type="button" variant="secondary" id={`${id}-open`} aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('portfolio.form.close') : label}
        </Button>
      </div>
      {open ? <Focused>{children(() => setOpen(false))}</Focused> : null}
    </>
  );
}

function Focused({ children }: { children: ReactNode }) {
  const ref = useFocusFirstField<HTMLDivElement>();
  return <div ref={ref}>{children}</div>;
}

function ProcurementList() {
  const t = usePortfolioT();
  const { language } = useI18n();
  const lang = useContentLang();
  const procurements = useProcurements();
  if (procurements.isPending) return <Loading />;
  if (procurements.error) return <LoadError error={procurements.error} />;
  if (!procurements.data.length) return <Paragraph>{t('portfolio.procurements.none')}</Paragraph>;
  return (
    <DataTable labelledBy="procurements-heading" testId="procurement-list"
      columns={[t('portfolio.col.title'), t('portfolio.procurement.stage'), t('portfolio.procurement.supplier'), t('portfolio.procurement.standstillEnds')]}>
      {procurements.data.map((p) => (
        <Table.Row key={p.id}>
          <Table.Cell><Link to="/portefolje/anskaffelser/$id" params={{ id: p.id }} lang={lang}>{p.title}</Link></Table.Cell>
          <Table.Cell>{procurementStageLabel(p.stage, language)}</Table.Cell>
          <Table.Cell lang={lang}>{p.supplier ?? ''}</Table.Cell>
          <Table.Cell>{p.standstillEndsAt ? formatDateTime(p.standstillEndsAt) : ''}</Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  );
}
