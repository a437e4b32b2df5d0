// Financing of the year: the key, what each member pays of the net operating and gross investment
// frames (parts sum exactly to the frames; decision record 0007), and the year-end settlement of the
// operating result by the same key (positive = paid back to the member).
import { Paragraph, Table } from '@digdir/designsystemet-react';
import { formatDate } from '../../i18n/format';
import { LoadError, Loading } from '../shell/states';
import { useFinancing, useSettlement } from './api';
import { formatPercent, formatWholeKroner } from './format';

const num = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

export function FinancingTables({ year, asOf, yearEnd }: { year: number; asOf: string; yearEnd: boolean }) {
  const financing = useFinancing(year);
  // Actuals against the whole year's budget only mean something once the year is closed.
  const settlement = useSettlement(year, yearEnd ? asOf : `${year + 1}-01-01`);
  if (financing.isPending || settlement.isPending) return <Loading />;
  if (financing.error) return <LoadError error={financing.error} />;
  if (settlement.error) return <LoadError error={settlement.error} />;
  const f = financing.data;
  const s = settlement.data;
  if (!f.shares.length) return <Paragraph>Ingen fordelingsnøkkel for {year} ennå.</Paragraph>;
  const sum = (pick: (r: (typeof f.shares)[number]) => number) => f.shares.reduce((a, r) => a + pick(r), 0);
  return (
    <div className="stack">
      <div className="table-scroll">
        <Table zebra className="full-width" data-testid="financing-table">
          <caption style={{ textAlign: 'left', fontWeight: 600 }}>Finansiering {year} etter fordelingsnøkkel (kr)</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">Kommune</Table.HeaderCell>
              <Table.HeaderCell scope="col" style={num}>Andel</Table.HeaderCell>
              <Table.HeaderCell scope="col" style={num}>Netto driftsramme</Table.HeaderCell>
              <Table.HeaderCell scope="col" style={num}>Brutto investeringsramme</Table.HeaderCell>
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
              <Table.HeaderCell scope="row">Sum</Table.HeaderCell>
              <Table.Cell style={{ ...num, fontWeight: 700 }}>{formatPercent('100')}</Table.Cell>
              <Table.Cell style={{ ...num, fontWeight: 700 }}>{formatWholeKroner(sum((r) => r.operatingOre))}</Table.Cell>
              <Table.Cell style={{ ...num, fontWeight: 700 }}>{formatWholeKroner(sum((r) => r.investmentOre))}</Table.Cell>
            </Table.Row>
          </tfoot>
        </Table>
      </div>
      {!yearEnd ? <Paragraph data-size="sm">Oppgjøret av driftsresultatet vises når rapportdatoen er etter årets slutt.</Paragraph> : (
      <div className="table-scroll">
        <Table zebra className="full-width" data-testid="settlement-table">
          <caption style={{ textAlign: 'left', fontWeight: 600 }}>
            Oppgjør av driftsresultatet pr. {formatDate(s.asOf)}: {s.resultOre >= 0 ? 'mindreforbruk' : 'merforbruk'} {formatWholeKroner(Math.abs(s.resultOre))} kr
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">Kommune</Table.HeaderCell>
              <Table.HeaderCell scope="col" style={num}>Andel</Table.HeaderCell>
              <Table.HeaderCell scope="col" style={num}>Tilbake (+) / etterbetaling (−), kr</Table.HeaderCell>
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
