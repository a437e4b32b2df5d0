// Financing of the year: the key, what each member pays of the net operating and gross investment
// frames (parts sum exactly to the frames; decision record 0007), and the year-end settlement of the
// operating result by the same key (positive = paid back to the member).
import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useT } from '../../i18n';
import { formatDate, formatPercent, formatWholeKroner } from '../../i18n/format';
import { LoadError, Loading } from '../shell/states';
import { useFinancing, useSettlement } from './api';

const num = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

export function FinancingTables({ year, asOf, yearEnd }: { year: number; asOf: string; yearEnd: boolean }) {
  const t = useT();
  const financing = useFinancing(year);
  // Actuals against the whole year's budget only mean something once the year is closed.
  const settlement = useSettlement(year, yearEnd ? asOf : `${year + 1}-01-01`);
  if (financing.isPending || settlement.isPending) return <Loading />;
  if (financing.error) return <LoadError error={financing.error} />;
  if (settlement.error) return <LoadError error={settlement.error} />;
  const f = financing.data;
  const s = settlement.data;
  if (!f.shares.length) return <Paragraph>{t('economy.noShares', { year })}</Paragraph>;
  const sum = (pick: (r: (typeof f.shares)[number]) => number) => f.shares.reduce((a, r) => a + pick(r), 0);
  return (
    <div className="stack">
      <div className="table-scroll">
        <Table zebra className="full-width" data-testid="financing-table">
          <caption style={{ textAlign: 'left', fontWeight: 600 }}>{t('economy.financingCaption', { year })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('economy.municipality')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" style={num}>{t('economy.share')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" style={num}>{t('economy.netOperating')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" style={num}>{t('economy.grossInvestment')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {f.shares.map((r) => (
              <Table.Row key={r.municipalityId}>
                <Table.HeaderCell scope="row" style={{ fontWeight: 400 }}>{r.name}</Table.HeaderCell>
                <Table.Cell style={num}>{formatPercent(r.percent)}</Table.Cell>
                <Table.Cell style={num}>{formatWholeKroner(r.operatingOre)}</Table.Cell>
                <Table.Cell style={num}>{formatWholeKroner(r.investmentOre)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
          <tfoot>
            <Table.Row>
              <Table.HeaderCell scope="row">{t('economy.total')}</Table.HeaderCell>
              <Table.Cell style={{ ...num, fontWeight: 700 }}>{formatPercent('100')}</Table.Cell>
              <Table.Cell style={{ ...num, fontWeight: 700 }}>{formatWholeKroner(sum((r) => r.operatingOre))}</Table.Cell>
              <Table.Cell style={{ ...num, fontWeight: 700 }}>{formatWholeKroner(sum((r) => r.investmentOre))}</Table.Cell>
            </Table.Row>
          </tfoot>
        </Table>
      </div>
      {!yearEnd ? <Paragraph data-size="sm">{t('economy.settlementLater')}</Paragraph> : (
      <div className="table-scroll">
        <Table zebra className="full-width" data-testid="settlement-table">
          <caption style={{ textAlign: 'left', fontWeight: 600 }}>
            {t('economy.settlementCaption', {
              date: formatDate(s.asOf),
              result: t(s.resultOre >= 0 ? 'economy.underspend' : 'economy.overspend'),
              amount: formatWholeKroner(Math.abs(s.resultOre)),
            })}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('economy.municipality')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" style={num}>{t('economy.share')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" style={num}>{t('economy.settlementAmount')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {s.rows.map((r) => (
              <Table.Row key={r.municipalityId}>
                <Table.HeaderCell scope="row" style={{ fontWeight: 400 }}>{r.name}</Table.HeaderCell>
                <Table.Cell style={num}>{formatPercent(r.percent)}</Table.Cell>
                <Table.Cell style={num}>{formatWholeKroner(r.amountOre)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      )}
    </div>
  );
}
