// One report table (Driftskostnader or Investeringskostnader) as the paper prints it: whole thousands,
// Avvik with its sign, a SUM row from the unrounded amounts, and the explanation per line.
import { Table } from '@digdir/designsystemet-react';
import { useEconomyT, type TEconomyKey } from './messages';
import { formatPerMille, formatThousands } from '../../i18n/format';
import { figureColumns, figureOf, type TFigureColumn } from '../../../../src/modules/economy/report-columns';
import type { TFigures, TReportMode, TReportTable } from './types';
import { TableScroll } from '../tables/TableScroll';

const LABELS: Record<TFigureColumn, TEconomyKey> = {
  actual: 'economy.col.actual', budget: 'economy.col.budget', deviation: 'economy.col.deviation',
  forecast: 'economy.col.forecast', deviationPercent: 'economy.col.deviationPercent',
};
const num = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

const print = (figures: TFigures, perMille: number | null, column: TFigureColumn) =>
  column === 'deviationPercent' ? formatPerMille(perMille) : formatThousands(figureOf(figures, perMille, column) ?? 0);

/** `mode`: a closed year (`arsslutt`) shows the deviation in per cent where the forecast was. */
export function ReportTable({ caption, firstColumn, table, mode, testId }: { caption: string; firstColumn: string; table: TReportTable; mode: TReportMode; testId: string }) {
  const t = useEconomyT();
  const COLUMNS = figureColumns(mode).map((key) => ({ key, label: LABELS[key] }));
  return (
    <TableScroll>
      <Table zebra className="full-width" data-testid={testId}>
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>{caption} <span style={{ fontWeight: 400 }}>{t('economy.inThousands')}</span></caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{firstColumn}</Table.HeaderCell>
            {COLUMNS.map((c) => <Table.HeaderCell key={c.key} scope="col" style={num}>{t(c.label)}</Table.HeaderCell>)}
            <Table.HeaderCell scope="col">{t('economy.col.explanation')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {table.rows.map((r) => (
            <Table.Row key={r.lineId}>
              <Table.HeaderCell scope="row" style={{ fontWeight: 400 }}>{r.name}</Table.HeaderCell>
              {COLUMNS.map((c) => <Table.Cell key={c.key} style={num}>{print(r.figures, r.deviationPerMille, c.key)}</Table.Cell>)}
              <Table.Cell>
                {r.explanation ?? ''}
                {r.forecastComment ? <div style={{ fontSize: '0.85em', opacity: 0.8 }}>{t('economy.forecastComment', { comment: r.forecastComment })}</div> : null}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
        <tfoot>
          <Table.Row>
            <Table.HeaderCell scope="row">{t('economy.sumRow')}</Table.HeaderCell>
            {COLUMNS.map((c) => <Table.Cell key={c.key} style={{ ...num, fontWeight: 700 }}>{print(table.sum, table.sumDeviationPerMille, c.key)}</Table.Cell>)}
            <Table.Cell />
          </Table.Row>
        </tfoot>
      </Table>
    </TableScroll>
  );
}
