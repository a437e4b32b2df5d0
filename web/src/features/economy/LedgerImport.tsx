// Import a ledger export (CSV or XLSX): preview the totals per line first, then commit. A refused file
// lists every problem with its row and column; nothing is saved until "Importer" succeeds.
import { Alert, Button, Field, Label, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useEconomyT } from './messages';
import { formatKroner } from '../../i18n/format';
import { useCommitLedger, usePreviewLedger } from './api';
import type { TImportPreview } from './types';
import { TableScroll } from '../tables/TableScroll';

function Problems({ error }: { error: unknown }) {
  const t = useEconomyT();
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{t('economy.import.refused')}</Paragraph>
      {fields.length ? (
        <ul>{fields.map((f) => <li key={f.path}>{f.message}</li>)}</ul>
      ) : <Paragraph>{error instanceof Error ? error.message : String(error)}</Paragraph>}
    </Alert>
  );
}

function PreviewTable({ preview }: { preview: TImportPreview }) {
  const t = useEconomyT();
  return (
    <TableScroll>
      <Table className="full-width" data-testid="ledger-preview">
        <caption style={{ textAlign: 'left' }}>
          {t('economy.import.previewCaption', { filename: preview.filename, rows: preview.rowCount, periods: preview.periods.join(', '), year: preview.year })}
          {preview.replacesRows ? t('economy.import.replaces', { rows: preview.replacesRows }) : ''}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('economy.line')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" style={{ textAlign: 'right' }}>{t('economy.import.rows')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" style={{ textAlign: 'right' }}>{t('economy.import.sum')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {preview.lines.map((l) => (
            <Table.Row key={l.lineId}>
              <Table.HeaderCell scope="row" style={{ fontWeight: 400 }}>{l.name}</Table.HeaderCell>
              <Table.Cell style={{ textAlign: 'right' }}>{l.rows}</Table.Cell>
              <Table.Cell style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{formatKroner(l.totalOre)}</Table.Cell>
            </Table.Row>
          ))}
          <Table.Row>
            <Table.HeaderCell scope="row">{t('economy.import.total')}</Table.HeaderCell>
            <Table.Cell style={{ textAlign: 'right' }}>{preview.rowCount}</Table.Cell>
            <Table.Cell style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{formatKroner(preview.totalOre)}</Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

// Exactly which earlier rows the commit deletes (issue 12): grouped as the server sends them, by the
// file they came from, period, account, project and line; what stays is counted below the table.
function ReplacedRows({ preview }: { preview: TImportPreview }) {
  const t = useEconomyT();
  if (!preview.replaces.length) {
    return <Paragraph data-size="sm" data-testid="ledger-replaces">{t('economy.import.replacesNothing', { kept: preview.keepsRows })}</Paragraph>;
  }
  return (
    <TableScroll>
      <Table className="full-width" data-testid="ledger-replaces">
        <caption style={{ textAlign: 'left' }}>{t('economy.import.replacedCaption', { rows: preview.replacesRows, kept: preview.keepsRows })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('economy.import.fromFile')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" style={{ textAlign: 'right' }}>{t('economy.import.period')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('economy.import.account')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('economy.import.project')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('economy.line')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" style={{ textAlign: 'right' }}>{t('economy.import.rows')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" style={{ textAlign: 'right' }}>{t('economy.import.sum')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {preview.replaces.map((r) => (
            <Table.Row key={[r.importId, r.period, r.account, r.project, r.lineId].join('|')}>
              <Table.Cell>{r.filename}</Table.Cell>
              <Table.Cell style={{ textAlign: 'right' }}>{r.period}</Table.Cell>
              <Table.Cell>{r.account ?? ''}</Table.Cell>
              <Table.Cell>{r.project ?? ''}</Table.Cell>
              <Table.Cell>{r.lineName}</Table.Cell>
              <Table.Cell style={{ textAlign: 'right' }}>{r.rows}</Table.Cell>
              <Table.Cell style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{formatKroner(r.totalOre)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

export function LedgerImport({ year }: { year: number }) {
  const t = useEconomyT();
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewLedger(year);
  const commit = useCommitLedger(year);

  const choose = (f: File | null) => {
    setFile(f);
    preview.reset();
    commit.reset();
    if (f) preview.mutate(f);
  };

  return (
    <section className="stack" aria-labelledby="ledger-heading">
      <h3 id="ledger-heading" style={{ margin: 0 }}>{t('economy.import.heading')}</h3>
      <Paragraph data-size="sm">{t('economy.import.intro')}</Paragraph>
      <Field>
        <Label htmlFor="ledger-file">{t('economy.import.file', { year })}</Label>
        <input id="ledger-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => choose(e.target.files?.[0] ?? null)} />
      </Field>
      {preview.isPending ? <Paragraph role="status">{t('economy.import.reading')}</Paragraph> : null}
      <Problems error={preview.error ?? commit.error} />
      {preview.data && !commit.isSuccess ? (
        <>
          <PreviewTable preview={preview.data} />
          <ReplacedRows preview={preview.data} />
          <div className="actions">
            <Button type="button" disabled={!file || commit.isPending} onClick={() => file && commit.mutate(file)}>
              {t('economy.import.submit', { rows: preview.data.rowCount })}
            </Button>
            <Button type="button" variant="secondary" onClick={() => choose(null)}>{t('common.cancel')}</Button>
          </div>
        </>
      ) : null}
      {commit.isSuccess ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('economy.import.done', { rows: commit.data.rowCount, periods: commit.data.periods.join(', ') })}</Paragraph>
        </Alert>
      ) : null}
    </section>
  );
}
