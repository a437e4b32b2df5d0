// The monthly PC status table as seed 000 §2.1.1 prints it («Status pr. 28.11.2023»): per municipality
// its two categories, the municipality's name and its Må bestilles once across both rows, and the Sum
// row. Every figure is the server's (status.service.ts); the page only lays them out.
import { Button, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { formatDate, formatMonth } from '../../i18n/format';
import { SelectField } from '../forms/fields';
import { useSession } from '../auth/session';
import { PageIntro } from '../shell/PageHeading';
import { LoadError, Loading } from '../shell/states';
import { TableFrame } from '../tables/TableFrame';
import { downloadCsv } from '../tables/sorting';
import { useMunicipalities, useStatusTable, type TStatusTable } from './api';
import { EquipmentTabs, formatCount } from './EquipmentTabs';
import { categoryKey, useEqT, type TEqT } from './messages';

/** Without `asOf` the server picks the date: the newest imported month (status.service.ts defaultStatusDate). */
export function StatusPage({ asOf, municipalityId, onChange }: {
  asOf?: string; municipalityId?: string; onChange: (next: { asOf: string; kommune?: string }) => void;
}) {
  const t = useEqT();
  const { user } = useSession();
  const ownOnly = user?.role === 'municipality';
  const table = useStatusTable(asOf, ownOnly ? undefined : municipalityId);
  return (
    <div className="stack">
      <PageIntro heading={t('eq.status.heading')}>{t('eq.status.intro')}</PageIntro>
      <EquipmentTabs current="/utstyr" />
      {/* Keyed on the date shown, so the form takes the server's date once the table without one arrives. */}
      <StatusFilters key={asOf ?? table.data?.asOf ?? ''} asOf={asOf ?? table.data?.asOf ?? ''} municipalityId={municipalityId} ownOnly={ownOnly} onChange={onChange} />
      {table.isPending ? <Loading /> : table.isError ? <LoadError error={table.error} /> : <StatusTableView table={table.data} t={t} />}
    </div>
  );
}

function StatusFilters({ asOf, municipalityId, ownOnly, onChange }: {
  asOf: string; municipalityId?: string; ownOnly: boolean; onChange: (next: { asOf: string; kommune?: string }) => void;
}) {
  const t = useEqT();
  const municipalities = useMunicipalities();
  const [draft, setDraft] = useState({ asOf, kommune: municipalityId ?? '' });
  const [bad, setBad] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.asOf)) {
      setBad(true);
      return;
    }
    onChange({ asOf: draft.asOf, kommune: draft.kommune || undefined });
  };
  return (
    <form className="row" aria-label={t('eq.status.filters')} onSubmit={submit} noValidate>
      <Textfield id="eq-status-asOf" name="asOf" type="date" label={t('eq.status.asOf')} value={draft.asOf}
        error={bad ? t('eq.status.asOf') : undefined}
        onChange={(e) => { setBad(false); setDraft((d) => ({ ...d, asOf: e.target.value })); }} />
      {ownOnly ? null : (
        <SelectField form="eq-status" name="municipality" label={t('eq.status.municipality')} value={draft.kommune}
          placeholder={t('eq.status.allMunicipalities')} onChange={(v) => setDraft((d) => ({ ...d, kommune: v }))}
          options={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
      )}
      <Button type="submit">{t('eq.status.show')}</Button>
    </form>
  );
}

/** The paper's columns, in its order. */
function headings(table: TStatusTable, t: TEqT) {
  return [
    t('eq.status.col.municipality'), t('eq.status.col.category'), t('eq.status.col.expired', { year: table.lastYear }),
    t('eq.status.col.expiring', { year: table.thisYear }), t('eq.status.col.inStock', { day: formatDate(table.asOf).slice(0, 5) }),
    t('eq.status.col.ordered'), t('eq.status.col.mustOrder'), t('eq.status.col.mustOrderMunicipality'),
  ];
}

export function StatusTableView({ table, t }: { table: TStatusTable; t: TEqT }) {
  const { language } = useI18n();
  const caption = t('eq.status.caption', { date: formatDate(table.asOf) });
  const total = new Map(table.municipalities.map((m) => [m.municipalityId, m.mustOrder]));
  const groups: { id: string; name: string; rows: TStatusTable['rows'] }[] = [];
  for (const row of table.rows) {
    const last = groups[groups.length - 1];
    if (last && last.id === row.municipalityId) last.rows.push(row);
    else groups.push({ id: row.municipalityId, name: row.municipality, rows: [row] });
  }
  const cols = headings(table, t);
  const csv = () => downloadCsv(`pc-status-${table.asOf}.csv`, [cols, ...table.rows.map((r, i) => {
    const first = i === 0 || table.rows[i - 1]!.municipalityId !== r.municipalityId;
    return [first ? r.municipality : '', t(categoryKey(r.category)), r.expired, r.expiring, r.inStock, r.orderedNotDelivered, r.mustOrder,
      first ? total.get(r.municipalityId) ?? 0 : ''];
  }), [t('eq.status.sum'), '', table.sum.expired, table.sum.expiring, table.sum.inStock, table.sum.orderedNotDelivered, table.sum.mustOrder, table.sum.mustOrder]]);
  if (groups.length === 0) return <Paragraph>{t('eq.status.empty')}</Paragraph>;
  return (
    <section className="stack" aria-label={caption}>
      <TableFrame caption={caption} className="eq-status" testId="eq-status-table">
        <Table.Head>
          <Table.Row>
            {cols.map((c, i) => <Table.HeaderCell key={i} scope="col" className={i >= 2 ? 'num' : undefined}>{c}</Table.HeaderCell>)}
          </Table.Row>
        </Table.Head>
        {/* One body per municipality: its name and total span its category rows, as on the paper. */}
        {groups.map((g) => (
          <Table.Body key={g.id} data-municipality={g.name}>
            {g.rows.map((r, i) => (
              <Table.Row key={r.category} data-testid={`eq-status-${g.name}-${r.category}`}>
                {i === 0 ? <Table.HeaderCell scope="rowgroup" rowSpan={g.rows.length}>{g.name}</Table.HeaderCell> : null}
                <Table.HeaderCell scope="row">{t(categoryKey(r.category))}</Table.HeaderCell>
                <Table.Cell className="num">{formatCount(r.expired)}</Table.Cell>
                <Table.Cell className="num">{formatCount(r.expiring)}</Table.Cell>
                <Table.Cell className="num">{formatCount(r.inStock)}</Table.Cell>
                <Table.Cell className="num">{formatCount(r.orderedNotDelivered)}</Table.Cell>
                <Table.Cell className="num">{formatCount(r.mustOrder)}</Table.Cell>
                {i === 0 ? <Table.Cell className="num" rowSpan={g.rows.length}>{formatCount(total.get(g.id) ?? 0)}</Table.Cell> : null}
              </Table.Row>
            ))}
          </Table.Body>
        ))}
        <Table.Foot>
          <Table.Row className="sum-row" data-testid="eq-status-sum">
            <Table.HeaderCell scope="row" colSpan={2}>{t('eq.status.sum')}</Table.HeaderCell>
            <Table.Cell className="num">{formatCount(table.sum.expired)}</Table.Cell>
            <Table.Cell className="num">{formatCount(table.sum.expiring)}</Table.Cell>
            <Table.Cell className="num">{formatCount(table.sum.inStock)}</Table.Cell>
            <Table.Cell className="num">{formatCount(table.sum.orderedNotDelivered)}</Table.Cell>
            <Table.Cell className="num">{formatCount(table.sum.mustOrder)}</Table.Cell>
            <Table.Cell className="num">{formatCount(table.sum.mustOrder)}</Table.Cell>
          </Table.Row>
        </Table.Foot>
      </TableFrame>
      <Paragraph data-size="sm">{t('eq.status.note', { month: formatMonth(table.month, { long: true, language }) })}</Paragraph>
      {table.sum.assumedPurchase ? <Paragraph data-size="sm">{t('eq.status.assumed', { count: formatCount(table.sum.assumedPurchase) })}</Paragraph> : null}
      <div className="actions"><Button type="button" variant="secondary" onClick={csv}>{t('eq.status.csv')}</Button></div>
    </section>
  );
}
