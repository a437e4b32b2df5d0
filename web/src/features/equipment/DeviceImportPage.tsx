// The monthly device export in: choose the source (its saved column mapping), the month the export
// covers and the file; the preview says what the import will do and writes nothing; a file with any bad
// row is refused whole with its rows and columns named (the service desk's issue table, shared). The
// mappings are kept through the API (PUT /api/equipment/import-mappings/{source}); this page lists them.
import { Alert, Button, Field, Heading, Input, Label, Paragraph, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { FormErrors, SelectField } from '../forms/fields';
import { IssuesTable, refusedFileOf } from '../servicedesk/import/IssuesTable';
import { PageIntro } from '../shell/PageHeading';
import { DataTable } from '../tables/DataTable';
import { useDeviceImportMappings, useImportDevices, usePreviewDeviceImport, type TDeviceImportPreview } from './api';
import { EquipmentTabs, formatCount } from './EquipmentTabs';
import { categoryKey, useEqT } from './messages';

const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Last month, the one a monthly export normally covers. */
function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function DeviceImportPage() {
  const t = useEqT();
  const mappings = useDeviceImportMappings(true);
  const preview = usePreviewDeviceImport();
  const importing = useImportDevices();
  const [source, setSource] = useState('');
  const [month, setMonth] = useState(lastMonth());
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    importing.reset();
    if (!file) {
      setMissing(true);
      fileRef.current?.focus();
      return;
    }
    preview.mutate({ file, month, source });
  };
  const refused = refusedFileOf(preview.error) ?? refusedFileOf(importing.error);
  const otherError = refused ? null : preview.error ?? importing.error;
  return (
    <div className="stack">
      <PageIntro heading={t('eq.import.heading')}>{t('eq.import.intro')}</PageIntro>
      <EquipmentTabs current="/utstyr/import" />
      <form className="stack" aria-label={t('eq.import.formLabel')} onSubmit={submit} noValidate>
        <FormErrors form="eq-import" error={otherError} labels={{ file: t('eq.import.file'), month: t('eq.import.month') }} />
        <div className="row">
          <SelectField form="eq-import" name="source" label={t('eq.import.source')} value={source} placeholder={t('eq.import.sourceNone')}
            onChange={(v) => { setSource(v); preview.reset(); }} options={(mappings.data ?? []).map((m) => ({ value: m.source, label: m.source }))} />
          <Textfield id="eq-import-month" name="month" type="month" label={t('eq.import.month')} value={month}
            onChange={(e) => { setMonth(e.target.value); preview.reset(); }} />
        </div>
        <Field>
          <Label htmlFor="eq-import-file">{t('eq.import.file')}</Label>
          <Input id="eq-import-file" ref={fileRef} type="file" name="file" accept={ACCEPT} aria-invalid={missing ? true : undefined}
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setMissing(false); preview.reset(); importing.reset(); }} />
          {missing ? <ValidationMessage role="alert">{t('eq.import.chooseFile')}</ValidationMessage> : null}
        </Field>
        <div className="actions"><Button type="submit" loading={preview.isPending}>{t('eq.import.preview')}</Button></div>
      </form>
      {refused ? <IssuesTable {...refused} columnLabel={(c) => c} /> : null}
      {preview.data && !importing.data ? (
        <PreviewView preview={preview.data} busy={importing.isPending} onImport={() => file && importing.mutate({ file, month, source })} />
      ) : null}
      {importing.data ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('eq.import.done', { rows: formatCount(importing.data.rows), new: formatCount(importing.data.newDevices), signedIn: formatCount(importing.data.signedIn) })}</Paragraph>
        </Alert>
      ) : null}
      <section className="stack" aria-labelledby="eq-mappings-heading">
        <Heading level={2} data-size="xs" id="eq-mappings-heading">{t('eq.import.mappings')}</Heading>
        {mappings.data && mappings.data.length > 0 ? (
          <ul>{mappings.data.map((m) => <li key={m.source}>{m.source}: {Object.entries(m.mapping.columns ?? {}).map(([k, v]) => `${k} ← ${v}`).join(', ')}</li>)}</ul>
        ) : <Paragraph>{t('eq.import.noMappings')}</Paragraph>}
      </section>
    </div>
  );
}

function PreviewView({ preview, busy, onImport }: { preview: TDeviceImportPreview; busy: boolean; onImport: () => void }) {
  const t = useEqT();
  const yesNo = (v: boolean) => (v ? t('eq.import.yes') : t('eq.import.no'));
  return (
    <section className="stack panel" aria-labelledby="eq-preview-heading" data-testid="eq-import-preview">
      <Heading level={2} data-size="xs" id="eq-preview-heading">{t('eq.import.previewHeading')}</Heading>
      <dl className="eq-summary" aria-label={t('eq.import.summary')}>
        {([['eq.import.rows', preview.rows], ['eq.import.new', preview.newDevices], ['eq.import.updated', preview.updatedDevices],
          ['eq.import.signedIn', preview.signedIn], ['eq.import.withoutUser', preview.withoutPrimaryUser], ['eq.import.withoutPurchase', preview.withoutPurchaseDate]] as const)
          .map(([key, value]) => <div key={key}><dt>{t(key)}</dt><dd>{formatCount(value)}</dd></div>)}
      </dl>
      <DataTable className="eq-table" caption={t('eq.import.sampleCaption')} columns={[
        { label: t('eq.import.col.row'), numeric: true }, t('eq.import.col.serial'), t('eq.import.col.municipality'), t('eq.import.col.category'),
        t('eq.import.col.model'), t('eq.import.col.user'), t('eq.import.col.signedIn'), t('eq.import.col.new'),
      ]}>
        {preview.sample.map((r) => (
          <Table.Row key={r.row}>
            <Table.Cell className="num">{r.row}</Table.Cell>
            <Table.Cell>{r.serial}</Table.Cell>
            <Table.Cell>{r.municipality}</Table.Cell>
            <Table.Cell>{t(categoryKey(r.category))}</Table.Cell>
            <Table.Cell>{r.model ?? '–'}</Table.Cell>
            <Table.Cell>{r.primaryUser ?? '–'}</Table.Cell>
            <Table.Cell>{yesNo(r.signedIn)}</Table.Cell>
            <Table.Cell>{yesNo(r.isNew)}</Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
      <div className="actions">
        <Button type="button" loading={busy} onClick={onImport}>{t('eq.import.import', { count: formatCount(preview.rows) })}</Button>
      </div>
    </section>
  );
}
