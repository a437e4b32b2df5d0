// /rapporter/tall: the annual report's entered figures for one year (staffing, sick leave, historical
// figures for years before samrad held the data) as rows of figure, what it is per, and value; the
// year's set is saved whole with the version read (409 when someone saved in between).
import { Alert, Button, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { FormErrors } from '../forms/fields';
import { PageHeading } from '../shell/PageHeading';
import { LoadError, Loading } from '../shell/states';
import { type TEnteredFigures, useEnteredFigures, useSaveEnteredFigures } from './api';
import { useReportsT } from './messages';
import './reports.css';

type TRow = { metric: string; dimension: string; value: string };

function YearForm({ year, data }: { year: number; data: TEnteredFigures }) {
  const t = useReportsT();
  const save = useSaveEnteredFigures(year);
  const toRows = (d: TEnteredFigures): TRow[] => d.figures.map((f) => ({ metric: f.metric, dimension: f.dimension ?? '', value: String(f.value).replace('.', ',') }));
  const [rows, setRows] = useState<TRow[]>(() => toRows(data));
  const [saved, setSaved] = useState(false);
  useEffect(() => { setRows(toRows(data)); }, [data]);
  const change = (next: TRow[]) => { setRows(next); setSaved(false); };
  const set = (i: number, patch: Partial<TRow>) => change(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const form = 'entered-figures';
  const stale = save.error instanceof ApiError && save.error.code === 'stale';
  return (
    <form className="stack panel" aria-label={t('reports.saveFigures', { year: String(year) })} onSubmit={(e) => {
      e.preventDefault();
      save.mutate({
        version: data.version,
        figures: rows.map((r) => ({ metric: r.metric as never, dimension: r.dimension, value: Number(r.value.replace(/\s|\u202f/g, '').replace(',', '.')) })),
      }, { onSuccess: () => setSaved(true) });
    }}>
      {stale ? <Alert data-color="warning"><Paragraph>{t('reports.stale')}</Paragraph></Alert> : <FormErrors form={form} error={save.error} />}
      {saved ? <Paragraph role="status">{t('reports.saved')}</Paragraph> : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('reports.figures')}>
        <Table data-size="sm" className="full-width">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('reports.figureMetric')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reports.figureDimension')}</Table.HeaderCell>
              <Table.HeaderCell>{t('reports.figureValue')}</Table.HeaderCell>
              <Table.HeaderCell><span className="sr-only">✕</span></Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r, i) => (
              <Table.Row key={i}>
                <Table.Cell>
                  <Select aria-label={`${t('reports.figureMetric')} ${i + 1}`} value={r.metric} onChange={(e) => set(i, { metric: e.target.value })}>
                    {data.metrics.map((m) => <Select.Option key={m.metric} value={m.metric}>{m.label} ({m.unit})</Select.Option>)}
                  </Select>
                </Table.Cell>
                <Table.Cell>
                  <Textfield aria-label={`${t('reports.figureDimension')} ${i + 1}`} value={r.dimension} onChange={(e) => set(i, { dimension: e.target.value })}
                    description={data.metrics.find((m) => m.metric === r.metric)?.dimension ?? undefined} />
                </Table.Cell>
                <Table.Cell>
                  <Textfield aria-label={`${t('reports.figureValue')} ${i + 1}`} inputMode="decimal" value={r.value} onChange={(e) => set(i, { value: e.target.value })} />
                </Table.Cell>
                <Table.Cell>
                  <Button type="button" variant="tertiary" data-size="sm" aria-label={t('reports.removeFigure', { n: String(i + 1) })}
                    onClick={() => change(rows.filter((_, j) => j !== i))}>✕</Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <div className="row">
        <Button type="button" variant="secondary" onClick={() => change([...rows, { metric: data.metrics[0]!.metric, dimension: '', value: '' }])}>{t('reports.addFigure')}</Button>
        <Button type="submit" disabled={save.isPending}>{t('reports.saveFigures', { year: String(year) })}</Button>
      </div>
    </form>
  );
}

export function FiguresEditor() {
  const t = useReportsT();
  const [year, setYear] = useState(() => new Date().getFullYear() - 1);
  const figures = useEnteredFigures(year);
  return (
    <div className="stack">
      <PageHeading>{t('reports.figures')}</PageHeading>
      <Paragraph>{t('reports.figuresIntro')}</Paragraph>
      <Textfield label={t('reports.figuresYear')} type="number" min={1990} max={2100} value={String(year)}
        onChange={(e) => { const y = Number(e.target.value); if (y >= 1990 && y <= 2100) setYear(y); }} />
      {figures.isPending ? <Loading /> : figures.error ? <LoadError error={figures.error} /> : <YearForm key={year} year={year} data={figures.data} />}
    </div>
  );
}
