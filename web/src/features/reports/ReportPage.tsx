// /rapporter/$id: the report as a page with its table of contents, header (version, status, approved
// date and by), sections with narrative and data blocks. Owners edit their own sections, the leader
// everything; the leader sends for review, approves, reopens and publishes. PDF and DOCX downloads.
import { Button, Heading, Link as DsLink, Paragraph, Table, Tag, Textarea } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useContentLang, useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import { PageHeading } from '../shell/PageHeading';
import { DataTable } from '../tables/DataTable';
import { LoadError, Loading } from '../shell/states';
import {
  isFull, reportFileUrl, type TReport, type TReportScope, type TReportSection, type TRenderedBlock, useAddBlock, useAddComment, useBlockTypes, useDeleteBlock, useRecordAcceptance,
  useReport, useReportData, useResolveComment, useTransition, useUpdateReport,
} from './api';
import { DataBlock } from './DataBlock';
import { RichText } from './RichText';
import { SectionEditor } from './SectionEditor';
import { useReportsT } from './messages';
import './reports.css';

const headingLevel = (depth: number) => Math.min(depth + 1, 6) as 2 | 3 | 4 | 5 | 6;

function AddBlock({ section }: { section: TReportSection }) {
  const t = useReportsT();
  const types = useBlockTypes(true);
  // Each module names its block types in both languages; the picker speaks the page's.
  const { language } = useI18n();
  const add = useAddBlock();
  const [type, setType] = useState('');
  const form = `add-block-${section.id}`;
  return (
    <form className="row" aria-label={`${t('reports.addBlock')}: ${section.number}`} onSubmit={(e) => {
      e.preventDefault();
      if (type) add.mutate({ sectionId: section.id, body: { type, params: {} } }, { onSuccess: () => setType('') });
    }}>
      <SelectField form={form} name="type" label={t('reports.blockType')} value={type} onChange={setType} placeholder="–"
        options={(types.data ?? []).map((d) => ({ value: d.type, label: d.label[language] }))} error={add.error} />
      <div className="row__end"><Button type="submit" variant="secondary" disabled={!type || add.isPending}>{t('reports.addBlock')}</Button></div>
      <FormErrors form={form} error={add.error} />
    </form>
  );
}

/** Review comments (staff only): each with who wrote it and whether it is resolved; a form to add one while the report is open. */
function Comments({ section, open }: { section: TReportSection; open: boolean }) {
  const t = useReportsT();
  const add = useAddComment();
  const resolve = useResolveComment();
  const [text, setText] = useState('');
  const form = `comment-${section.id}`;
  if (!open && !section.comments.length) return null;
  return (
    <div className="stack report-comments">
      <Heading level={headingLevel(section.depth + 1)} data-size="2xs">{t('reports.comments', { section: section.number })}</Heading>
      {section.comments.length ? (
        <ul className="report-comments__list">
          {section.comments.map((c) => (
            <li key={c.id} className={c.resolvedAt ? 'report-comments__item report-comments__item--resolved' : 'report-comments__item'}>
              <Paragraph data-size="sm"><strong>{c.authorName}</strong>: {c.text}</Paragraph>
              {c.resolvedAt ? <Paragraph data-size="xs">{t('reports.commentResolved', { name: c.resolvedByName ?? '' })}</Paragraph> : null}
              {c.mayResolve ? (
                <Button type="button" variant="tertiary" data-size="sm" disabled={resolve.isPending} onClick={() => resolve.mutate(c.id)}>
                  {t('reports.resolveComment', { name: c.authorName })}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <FormErrors form={form} error={add.error ?? resolve.error} />
      {open ? (
        <form className="stack" aria-label={t('reports.addComment', { section: section.number })} onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) add.mutate({ sectionId: section.id, text }, { onSuccess: () => setText('') });
        }}>
          <Textarea id={`${form}-text`} aria-label={t('reports.commentText', { section: section.number })} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          <div><Button type="submit" variant="secondary" data-size="sm" disabled={!text.trim() || add.isPending}>{t('reports.addComment', { section: section.number })}</Button></div>
        </form>
      ) : null}
    </div>
  );
}

function Section({ section, blocks, report }: { section: TReportSection; blocks: TRenderedBlock[]; report: TReport }) {
  const t = useReportsT();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteBlock();
  const lang = useContentLang();
  const title = `${section.number} ${section.title}`;
  return (
    <section className="report-section" aria-labelledby={`s-${section.id}`}>
      <Heading level={headingLevel(section.depth)} data-size={section.depth === 1 ? 'md' : 'sm'} id={`s-${section.id}`} lang={lang}>
        {title}
      </Heading>
      <div className="row report-section__meta">
        {section.owners.length ? <Paragraph data-size="sm">{t('reports.owners', { names: section.owners.map((o) => o.name).join(', ') })}</Paragraph> : null}
        {section.access === 'unntatt' ? <Tag data-color="warning">{section.legalBasis ?? t('reports.exempt')}</Tag> : null}
      </div>
      {editing ? <SectionEditor section={section} reportId={report.id} onClose={() => setEditing(false)} /> : (
        <div lang={lang}><RichText doc={section.narrative} changes={section.changes?.blocks} changedLabel={t('reports.changedSince')} /></div>
      )}
      {section.changes?.removed.length ? (
        <Paragraph data-size="sm" className="report-section__removed">
          {t('reports.removedSince', { text: section.changes.removed.join(' · ') })}
        </Paragraph>
      ) : null}
      {blocks.map((b, i) => (
        <div key={b.blockId} className="stack">
          {/* The block is the paper's table or chart, in the paper's language. */}
          <div lang={lang}><DataBlock block={b} place={blocks.length > 1 ? `${section.number}, ${i + 1}` : section.number} /></div>
          {section.mayEdit ? (
            <div><Button type="button" variant="tertiary" data-size="sm" onClick={() => remove.mutate(b.blockId)}>{t('reports.removeBlock', { title: b.data.title })}</Button></div>
          ) : null}
        </div>
      ))}
      {report.leaderUserId !== null ? <Comments section={section} open={report.status !== 'godkjent' && !report.archived} /> : null}
      {section.mayEdit && !editing ? (
        <div className="stack">
          <div><Button type="button" variant="secondary" onClick={() => setEditing(true)}>{t('reports.edit', { section: title })}</Button></div>
          <AddBlock section={section} />
        </div>
      ) : null}
    </section>
  );
}

function Workflow({ report }: { report: TReport }) {
  const t = useReportsT();
  const step = useTransition(report.id);
  const update = useUpdateReport(report.id);
  const current = !report.archived;
  return (
    <div className="stack">
      <FormErrors form="workflow" error={step.error ?? update.error} />
      <div className="row">
        {report.mayLead && report.status === 'utkast' ? <Button type="button" onClick={() => step.mutate({ step: 'submit', revision: report.revision })}>{t('reports.submit')}</Button> : null}
        {report.mayLead ? <Button type="button" onClick={() => step.mutate({ step: 'approve', revision: report.revision })} disabled={step.isPending}>{t('reports.approve')}</Button> : null}
        {report.status === 'godkjent' && current && report.leaderUserId ? (
          <>
            <Button type="button" variant="secondary" onClick={() => step.mutate({ step: 'reopen', revision: report.revision })}>{t('reports.reopen')}</Button>
            <Button type="button" variant="secondary" onClick={() => update.mutate({ revision: report.revision, published: !report.published })}>
              {report.published ? t('reports.unpublish') : t('reports.publish')}
            </Button>
          </>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The annual report's acceptance per member municipality (who, date); staff on an approved, current
 * report get a form to record one (the server lets the report's leader and admins do it, 403 otherwise).
 */
function Acceptances({ report }: { report: TReport }) {
  const t = useReportsT();
  const record = useRecordAcceptance(report.id);
  const pending = report.acceptances.filter((a) => !a.acceptedOn);
  const [municipalityId, setMunicipalityId] = useState('');
  const [acceptedBy, setAcceptedBy] = useState('');
  const [acceptedOn, setAcceptedOn] = useState('');
  const form = 'acceptance';
  const mayRecord = report.status === 'godkjent' && !report.archived && report.leaderUserId !== null && pending.length > 0;
  return (
    // Not a named region: the table's scroll region takes the heading's name, and two landmarks may not share one.
    <section className="stack report-acceptances">
      <Heading level={2} data-size="sm" id="report-acceptances">{t('reports.acceptances')}</Heading>
      <Paragraph data-size="sm">{t('reports.acceptancesIntro')}</Paragraph>
      <DataTable labelledBy="report-acceptances" columns={[t('reports.acceptanceMunicipality'), t('reports.acceptedBy'), t('reports.acceptedOn')]}>
        {report.acceptances.map((a) => (
          <Table.Row key={a.municipalityId}>
            <Table.Cell>{a.municipalityName}</Table.Cell>
            <Table.Cell>{a.acceptedBy ?? t('reports.acceptancePending')}</Table.Cell>
            <Table.Cell>{a.acceptedOn ? formatDate(a.acceptedOn) : '–'}</Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
      {mayRecord ? (
        <form className="stack" aria-label={t('reports.recordAcceptance')} onSubmit={(e) => {
          e.preventDefault();
          record.mutate({ municipalityId, acceptedBy, acceptedOn }, { onSuccess: () => { setMunicipalityId(''); setAcceptedBy(''); setAcceptedOn(''); } });
        }}>
          <SelectField form={form} name="municipalityId" label={t('reports.acceptanceMunicipality')} value={municipalityId} onChange={setMunicipalityId} placeholder="–"
            options={pending.map((a) => ({ value: a.municipalityId, label: a.municipalityName }))} error={record.error} required />
          <TextField form={form} name="acceptedBy" label={t('reports.acceptedBy')} description={t('reports.acceptedByHint')} value={acceptedBy} onChange={setAcceptedBy} error={record.error} required />
          <TextField form={form} name="acceptedOn" type="date" label={t('reports.acceptedOn')} value={acceptedOn} onChange={setAcceptedOn} error={record.error} required />
          <FormErrors form={form} error={record.error} />
          <div><Button type="submit" disabled={record.isPending}>{t('reports.recordAcceptance')}</Button></div>
        </form>
      ) : null}
    </section>
  );
}

/**
 * The report as a page. `scope: 'public'` is /offentlig/rapporter/$id: an approved and published report
 * read through /api/public/reports, exempt sections reduced by the server to their number and legal basis,
 * the public PDF and DOCX.
 */
export function ReportPage({ id, scope = 'internal' }: { id: string; scope?: TReportScope }) {
  const t = useReportsT();
  const lang = useContentLang();
  const report = useReport(id, scope);
  const data = useReportData(id, scope);
  if (report.isPending) return <Loading />;
  if (report.error) return <LoadError error={report.error} />;
  const r = report.data;
  const blocks = data.data ?? [];
  return (
    <article className="stack report">
      <PageHeading lang={lang}>{r.title}</PageHeading>
      <dl className="report-header">
        <div><dt>{t('reports.version')}</dt><dd>{r.version}</dd></div>
        <div><dt>{t('reports.status')}</dt><dd>{t(`reports.status.${r.status}`)}{r.archived ? ` (${t('reports.archived')})` : ''}</dd></div>
        <div><dt>{t('reports.approvedDate')}</dt><dd>{r.approvedAt ? formatDate(r.approvedAt) : '–'}</dd></div>
        <div><dt>{t('reports.approvedBy')}</dt><dd>{r.approvedByName ?? '–'}</dd></div>
        {r.leaderName ? <div><dt>{t('reports.leader')}</dt><dd>{r.leaderName}</dd></div> : null}
      </dl>
      <div className="row">
        <DsLink href={reportFileUrl(r.id, 'pdf', scope)}>{t('reports.pdf')}</DsLink>
        <DsLink href={reportFileUrl(r.id, 'docx', scope)}>{t('reports.docx')}</DsLink>
      </div>
      {scope === 'internal' ? <Workflow report={r} /> : null}
      <nav aria-labelledby="report-contents" className="report-contents">
        <Heading level={2} data-size="xs" id="report-contents">{t('reports.contents')}</Heading>
        <ul>
          {r.sections.map((s) => (
            <li key={s.id} style={{ paddingInlineStart: `${(s.depth - 1) * 1}rem` }}>
              <a href={`#s-${s.id}`}>{s.number} {isFull(s) ? <span lang={lang}>{s.title}</span> : t('reports.exempt')}</a>
            </li>
          ))}
        </ul>
      </nav>
      {data.error ? <LoadError error={data.error} /> : null}
      {r.sections.map((s) => (isFull(s) ? <Section key={s.id} section={s} report={r} blocks={blocks.filter((b) => b.sectionId === s.id)} /> : (
        <section key={s.id} className="report-section" aria-labelledby={`s-${s.id}`}>
          <Heading level={headingLevel(s.depth)} data-size="sm" id={`s-${s.id}`}>{s.number} {t('reports.exempt')}</Heading>
          <Paragraph>{s.legalBasis}</Paragraph>
        </section>
      )))}
      {r.kind === 'arsrapport' && r.acceptances.length ? <Acceptances report={r} /> : null}
    </article>
  );
}
