// One report table (Driftskostnader or Investeringskostnader) as the paper prints it: whole thousands,
// Avvik with its sign, a SUM row from the unrounded amounts, and the explanation per line.
import { Table } from '@digdir/designsystemet-react';
import { useEconomyT, type TEconomyKey } from './messages';
import { formatThousands } from '../../i18n/format';
import type { TFigures, TReportTable } from './types';
import { TableScroll } from '../tables/TableScroll';

const COLUMNS: { key: keyof TFigures; label: TEconomyKey }[] = [
  { key: 'actual', label: 'economy.col.actual' },
  { key: 'budget', label: 'economy.col.budget' },
  { key: 'deviation', label: 'economy.col.deviation' },
  { key: 'forecast', label: 'economy.col.forecast' },
];
const num = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

export function ReportTable({ caption, firstColumn, table, testId }: { caption: string; firstColumn: string; table: TReportTable; testId: string }) {
  const t = useEconomyT();
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
              {COLUMNS.map((c) => <Table.Cell key={c.key} style={num}>{formatThousands(r.figures[c.key])}</Table.Cell>)}
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
            {COLUMNS.map((c) => <Table.Cell key={c.key} style={{ ...num, fontWeight: 700 }}>{formatThousands(table.sum[c.key])}</Table.Cell>)}
            <Table.Cell />
          </Table.Row>
        </tfoot>
      </Table>
    </TableScroll>
  );
}
