// Financing of the year: the key, what each member pays of the net operating and gross investment
// frames (parts sum exactly to the frames; decision record 0007), and the year-end settlement of the
// operating result by the same key (positive = paid back to the member), and of the investment
// projects: balances carried over for projects that go on, settled by the key for the rest (0010).
import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useEconomyT } from './messages';
import { formatDate, formatSharePercent, formatWholeKroner } from '../../i18n/format';
import { LoadError, Loading } from '../shell/states';
import { useFinancing, useSettlement } from './api';
import type { TApiSchema } from '../../api/client';
import type { TSettlement } from './types';
import { TableScroll } from '../tables/TableScroll';

const num = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

export function FinancingTables({ year, asOf, yearEnd }: { year: number; asOf: string; yearEnd: boolean }) {
  const t = useEconomyT();
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
      <TableScroll>
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
                <Table.Cell style={num}>{formatSharePercent(r.percent, f.percentDecimals)}</Table.Cell>
                <Table.Cell style={num}>{formatWholeKroner(r.operatingOre)}</Table.Cell>
                <Table.Cell style={num}>{formatWholeKroner(r.investmentOre)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
          <tfoot>
            <Table.Row>
              <Table.HeaderCell scope="row">{t('economy.total')}</Table.HeaderCell>
              <Table.Cell style={{ ...num, fontWeight: 700 }}>{formatSharePercent('100', f.percentDecimals)}</Table.Cell>
              <Table.Cell style={{ ...num, fontWeight: 700 }}>{formatWholeKroner(sum((r) => r.operatingOre))}</Table.Cell>
              <Table.Cell style={{ ...num, fontWeight: 700 }}>{formatWholeKroner(sum((r) => r.investmentOre))}</Table.Cell>
            </Table.Row>
          </tfoot>
        </Table>
      </TableScroll>
      {!yearEnd ? <Paragraph data-size="sm">{t('economy.settlementLater')}</Paragraph> : !isFullSettlement(s) ? null : (
        <>
          <SharesTable testId="settlement-table" rows={s.rows} decimals={s.percentDecimals}
            caption={t('economy.settlementCaption', {
              date: formatDate(s.asOf),
              result: t(s.resultOre >= 0 ? 'economy.underspend' : 'economy.overspend'),
              amount: formatWholeKroner(Math.abs(s.resultOre)),
            })} />
          <InvestmentSettlement settlement={s} />
        </>
      )}
    </div>
  );
}

/**
 * The settlement with its result and investment projects; a member municipality's user gets only its
 * rows (MemberSettlement), which this page does not show.
 */
function isFullSettlement(s: TSettlement | TApiSchema<'MemberSettlement'>): s is TSettlement {
  return 'resultOre' in s;
}

function InvestmentSettlement({ settlement }: { settlement: TSettlement }) {
  const t = useEconomyT();
  const inv = settlement.investment;
  if (!inv.projects.length) return null;
  return (
    <div className="stack">
      <TableScroll>
        <Table zebra className="full-width" data-testid="investment-settlement-table">
          <caption style={{ textAlign: 'left', fontWeight: 600 }}>
            {t('economy.invSettlement.caption', {
              date: formatDate(settlement.asOf),
              carried: formatWholeKroner(inv.carriedOverOre),
              settled: formatWholeKroner(inv.settledOre),
            })}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('economy.project')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" style={num}>{t('economy.invSettlement.budget')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" style={num}>{t('economy.invSettlement.actual')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" style={num}>{t('economy.invSettlement.balance')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('economy.invSettlement.treatment')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {inv.projects.map((p) => (
              <Table.Row key={p.lineId}>
                <Table.HeaderCell scope="row" style={{ fontWeight: 400 }}>{p.name}</Table.HeaderCell>
                <Table.Cell style={num}>{formatWholeKroner(p.budgetOre)}</Table.Cell>
                <Table.Cell style={num}>{formatWholeKroner(p.actualOre)}</Table.Cell>
                <Table.Cell style={num}>{formatWholeKroner(p.balanceOre)}</Table.Cell>
                <Table.Cell>{t(p.treatment === 'overfores' ? 'economy.invSettlement.carried' : 'economy.invSettlement.settled')}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      {inv.rows.length ? <SharesTable testId="investment-settlement-shares" rows={inv.rows} decimals={settlement.percentDecimals} caption={t('economy.invSettlement.sharesCaption')} /> : null}
    </div>
  );
}

/** What each member gets back (+) or pays (−) of a settled amount, by the year's key. */
function SharesTable({ caption, rows, decimals, testId }: { caption: string; rows: TSettlement['rows']; decimals: number; testId: string }) {
  const t = useEconomyT();
  return (
    <TableScroll>
      <Table zebra className="full-width" data-testid={testId}>
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('economy.municipality')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" style={num}>{t('economy.share')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" style={num}>{t('economy.settlementAmount')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.municipalityId}>
              <Table.HeaderCell scope="row" style={{ fontWeight: 400 }}>{r.name}</Table.HeaderCell>
              <Table.Cell style={num}>{formatSharePercent(r.percent, decimals)}</Table.Cell>
              <Table.Cell style={num}>{formatWholeKroner(r.amountOre)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
