// /kundeservice/import: historical tickets from another help-desk tool. Choose the source (its saved
// column mapping, or none for the usual column names), edit and save the mapping, upload the export,
// preview (the mapped values and the totals, or the row-level errors of a refused file) and import. The
// server refuses a file with any error whole, in preview and import alike, and skips tickets whose
// external id is already here, so importing twice is safe.
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../../i18n/format';
import { FormErrors, SelectField, TextField } from '../../forms/fields';
import { PageIntro } from '../../shell/PageHeading';
import { LoadError, Loading } from '../../shell/states';
import { useCategories } from '../categories';
import { formatNumber } from '../format';
import { priorityKey, statusKey, typeKey, useSdT, type TSdKey } from '../messages';
import type { TPriority, TStatus, TTicketType } from '../types';
import '../servicedesk.css';
import './import.css';
import {
  EMPTY_MAPPING, useImportMappings, useImportTickets, usePreviewTicketImport, useSaveImportMapping,
  type TImportMapping, type TTicketImportPreview,
} from './api';
import { FileForm } from './FileForm';
import { IssuesTable, refusedFileOf, useColumnLabel } from './IssuesTable';
import { draftOf, mappingOf, type TMappingDraft } from './mapping-text';
import { MAPPING_FORM, MappingEditor } from './MappingEditor';
import { DataTable } from '../../tables/DataTable';

const NEW = '__new__';

export function TicketImportPage() {
  const t = useSdT();
  const mappings = useImportMappings();
  const [choice, setChoice] = useState('');
  const [newName, setNewName] = useState('');
  const [draft, setDraft] = useState<TMappingDraft>(() => draftOf(EMPTY_MAPPING));
  const [badLines, setBadLines] = useState<string[]>([]);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const save = useSaveImportMapping();
  // The cooperation's categories, for the hint beside the category translations.
  const categories = useCategories().data?.categories ?? [];

  const saved: TImportMapping | null = choice && choice !== NEW ? mappings.data?.find((m) => m.source === choice)?.mapping ?? null : null;
  // Show the saved mapping when a source is chosen (a new source starts from the empty one).
  useEffect(() => {
    setDraft(draftOf(saved ?? EMPTY_MAPPING));
    setBadLines([]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [choice, mappings.data]);
  const dirty = useMemo(() => {
    if (!choice) return false;
    const now = mappingOf(draft);
    return now.bad.length > 0 || JSON.stringify(now.mapping) !== JSON.stringify(mappingOf(draftOf(saved ?? EMPTY_MAPPING)).mapping);
  }, [choice, draft, saved]);
  // The preview and the import read the saved mapping; a new source has none until it is saved.
  const source = choice && choice !== NEW ? choice : undefined;

  const saveMapping = (e: FormEvent) => {
    e.preventDefault();
    setSavedNote(null);
    const { mapping, bad } = mappingOf(draft);
    setBadLines(bad.map((b) => t('import.valuesBadLine', { field: t(`import.field.${b.field}` as TSdKey), line: b.line })));
    if (bad.length) return;
    const name = choice === NEW ? newName.trim() : choice;
    save.mutate({ source: name, mapping }, {
      onSuccess: (result) => {
        setSavedNote(t('import.mappingSaved', { source: result.source }));
        setChoice(result.source);
        setNewName('');
      },
    });
  };

  if (mappings.isPending) return <Loading />;
  if (mappings.error) return <LoadError error={mappings.error} />;
  const sourceLabels = { source: t('import.newSource'), columns: t('import.columnsHeading'), values: t('import.valuesHeading'), defaults: t('import.defaultsHeading') };
  return (
    <div className="stack-lg sd-import">
      <PageIntro heading={t('import.heading')}>{t('import.intro')}</PageIntro>

      <section className="stack panel" aria-labelledby="sd-import-source-heading">
        <Heading level={2} data-size="xs" id="sd-import-source-heading">{t('import.sourceHeading')}</Heading>
        <form className="stack" aria-label={t('import.sourceHeading')} onSubmit={saveMapping} noValidate>
          <FormErrors form={MAPPING_FORM} error={save.error} labels={sourceLabels} />
          {badLines.length ? (
            <Alert data-color="danger" role="alert"><ul>{badLines.map((line) => <li key={line}>{line}</li>)}</ul></Alert>
          ) : null}
          <div className="grid-form">
            <SelectField form={MAPPING_FORM} name="choice" label={t('import.source')} value={choice}
              onChange={(v) => { setChoice(v); setSavedNote(null); save.reset(); }}
              options={[
                { value: '', label: t('import.sourceNone') },
                ...(mappings.data ?? []).map((m) => ({ value: m.source, label: m.source })),
                { value: NEW, label: t('import.sourceNew') },
              ]} />
            {choice === NEW ? (
              <TextField form={MAPPING_FORM} name="source" label={t('import.newSource')} value={newName} onChange={setNewName}
                error={save.error} description={t('import.newSourceHint')} />
            ) : null}
          </div>
          {choice ? (
            <>
              <MappingEditor draft={draft} onChange={setDraft} categories={categories} error={save.error} />
              <div className="actions"><Button type="submit" variant="secondary" loading={save.isPending}>{t('import.saveMapping')}</Button></div>
            </>
          ) : <Paragraph data-size="sm">{t('import.noMapping')}</Paragraph>}
          {savedNote ? <Paragraph role="status">{savedNote}</Paragraph> : null}
        </form>
      </section>

      <FileAndPreview source={source} unsaved={dirty} />
    </div>
  );
}

function FileAndPreview({ source, unsaved }: { source: string | undefined; unsaved: boolean }) {
  const t = useSdT();
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewTicketImport();
  const run = useImportTickets();
  const [result, setResult] = useState<TTicketImportPreview | null>(null);
  const columnLabel = useColumnLabel('import.field');
  const refused = refusedFileOf(preview.error);

  // A preview belongs to one file under one mapping: a new choice of either makes it stale.
  useEffect(() => {
    preview.reset();
    run.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, source]);

  const showPreview = (chosen: File) => {
    setResult(null);
    run.reset();
    preview.mutate({ file: chosen, source });
  };
  const importNow = () => {
    if (!file) return;
    run.mutate({ file, source }, {
      onSuccess: (done) => {
        setResult(done);
        preview.reset();
      },
    });
  };

  return (
    <>
      <section className="stack panel" aria-labelledby="sd-import-file-heading">
        <Heading level={2} data-size="xs" id="sd-import-file-heading">{t('import.fileHeading')}</Heading>
        {unsaved ? <Alert data-color="warning"><Paragraph>{t('import.unsaved')}</Paragraph></Alert> : null}
        <FileForm form="sd-import" label={t('import.fileHeading')} hint={t('import.fileHint')} file={file} onFile={(f) => { setFile(f); setResult(null); }}
          error={preview.error} busy={preview.isPending} onPreview={showPreview} />
      </section>

      {refused ? <IssuesTable {...refused} columnLabel={columnLabel} /> : null}
      {preview.data ? <Preview preview={preview.data} importing={run.isPending} error={run.error} onImport={importNow} /> : null}

      {result ? (
        <section className="stack" aria-labelledby="sd-import-result-heading">
          <Heading level={2} data-size="xs" id="sd-import-result-heading">{t('import.doneHeading')}</Heading>
          <Alert data-color="success" role="status">
            <Paragraph>{t('import.done', { imported: formatNumber(result.newTickets), skipped: formatNumber(result.alreadyImported) })}</Paragraph>
          </Alert>
        </section>
      ) : null}
    </>
  );
}

function Preview({ preview, importing, error, onImport }: { preview: TTicketImportPreview; importing: boolean; error: unknown; onImport: () => void }) {
  const t = useSdT();
  const columnLabel = useColumnLabel('import.field');
  // The file may have changed since its preview; then the import is refused with its issues too.
  const refused = refusedFileOf(error);
  return (
    <section className="stack panel" aria-labelledby="sd-import-preview-heading">
      <Heading level={2} data-size="xs" id="sd-import-preview-heading">{t('import.previewHeading')}</Heading>
      <dl className="facts" data-testid="sd-import-totals">
        <dt>{t('import.summaryRows')}</dt><dd>{formatNumber(preview.rows)}</dd>
        <dt>{t('import.summaryNew')}</dt><dd>{formatNumber(preview.newTickets)}</dd>
        <dt>{t('import.summaryAlready')}</dt><dd>{formatNumber(preview.alreadyImported)}</dd>
      </dl>
      {preview.newTickets === 0 ? <Paragraph>{t('import.noneNew')}</Paragraph> : null}
      {preview.sample.length ? <Sample preview={preview} /> : null}
      {refused ? <IssuesTable {...refused} columnLabel={columnLabel} /> : <FormErrors form="sd-import" error={error} labels={{ file: t('import.file') }} />}
      <div className="actions"><Button type="button" onClick={onImport} loading={importing}>{t('import.run')}</Button></div>
    </section>
  );
}

function Sample({ preview }: { preview: TTicketImportPreview }) {
  const t = useSdT();
  const heading = t('import.sampleHeading');
  return (
    <div className="stack">
      <h3 style={{ margin: 0 }}>{heading}</h3>
      <DataTable caption={heading} testId="sd-import-sample" columns={[
        t('import.row'), t('import.field.externalId'), t('import.field.createdAt'), t('import.field.title'), t('import.field.type'), t('import.field.category'), t('import.field.priority'), t('import.field.status'),
      ]}>
        {preview.sample.map((r) => (
          <Table.Row key={r.externalId}>
            <Table.Cell>{r.row}</Table.Cell>
            <Table.Cell>{r.externalId}</Table.Cell>
            <Table.Cell>{formatDateTime(r.createdAt)}</Table.Cell>
            <Table.Cell>{r.title}</Table.Cell>
            <Table.Cell>{t(typeKey(r.type as TTicketType))}</Table.Cell>
            <Table.Cell>{r.category}</Table.Cell>
            <Table.Cell>{t(priorityKey(r.priority as TPriority))}</Table.Cell>
            <Table.Cell>{t(statusKey(r.status as TStatus))}</Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
      {preview.sample.length < preview.newTickets ? (
        <Paragraph data-size="sm">{t('import.sampleMore', { shown: preview.sample.length, total: formatNumber(preview.newTickets) })}</Paragraph>
      ) : null}
    </div>
  );
}
