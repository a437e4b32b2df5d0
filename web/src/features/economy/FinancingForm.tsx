// Staff set the year's financing: the net operating frame, the gross investment frame and the key (a
// share per member municipality, exactly 100 %). The key prints in the order it is entered here, so
// the rows move up and down; a member of the year that is not in the key yet is offered at 0 %.
// The server checks the key (members of the year, four decimals, 100 %); the sum shown here only helps.
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { formatPercent, parseNorwegianAmount, parsePercent, WHOLE_KEY } from '../../../../src/modules/economy/calculations';
import { useEconomyT } from './messages';
import { formatKroner, formatSharePercent } from '../../i18n/format';
import { FormErrors, TextField } from '../forms/fields';
import { MoveButtons } from '../forms/MoveButtons';
import { announce } from '../shell/focus';
import { useInstallCooperation } from '../shell/cooperation';
import { LoadError, Loading } from '../shell/states';
import { TableScroll } from '../tables/TableScroll';
import { useFinancing, useMembersInYear, useSetFinancing } from './api';
import type { TFinancing } from './types';

const FORM = 'financing';
type TKeyRow = { municipalityId: string; name: string; percent: string };

export function FinancingForm({ year }: { year: number }) {
  const financing = useFinancing(year);
  const cooperation = useInstallCooperation();
  const members = useMembersInYear(cooperation.data?.id, year);
  // The mutation lives here, above the form that remounts on the saved data, so «Lagret» survives it.
  const write = useSetFinancing(year);
  const error = financing.error ?? cooperation.error ?? members.error;
  if (error) return <LoadError error={error} />;
  if (financing.isPending || !members.data) return <Loading />;
  const f = financing.data;
  // Staff read the whole financing; a municipality user's own share (no frames) never reaches this form.
  if (!f || !('operatingFrameOre' in f)) return null;
  return <FinancingFields key={JSON.stringify(f)} year={year} financing={f} members={members.data} write={write} />;
}

function initialRows(f: TFinancing, members: { municipalityId: string; name: string }[]): TKeyRow[] {
  const rows: TKeyRow[] = f.shares.map((s) => ({ municipalityId: s.municipalityId, name: s.name, percent: s.percent.replace('.', ',') }));
  for (const m of members) if (!rows.some((r) => r.municipalityId === m.municipalityId)) rows.push({ municipalityId: m.municipalityId, name: m.name, percent: '0' });
  return rows;
}

const kronerText = (ore: number | null) => (ore === null ? '' : formatKroner(ore).replace(/,00$/, ''));

function FinancingFields({ year, financing, members, write }: {
  year: number; financing: TFinancing; members: { municipalityId: string; name: string }[]; write: ReturnType<typeof useSetFinancing>;
}) {
  const t = useEconomyT();
  const [operating, setOperating] = useState(kronerText(financing.operatingFrameOre));
  const [investment, setInvestment] = useState(kronerText(financing.investmentFrameOre));
  const [rows, setRows] = useState(() => initialRows(financing, members));
  const [local, setLocal] = useState<Error | null>(null);
  const shares = rows.map((r) => parsePercent(r.percent));
  const sum = shares.every((s) => s !== null) ? shares.reduce<number>((a, s) => a + (s ?? 0), 0) : null;
  // A municipality at 0 % pays nothing and is left out, as the key the council decides names only payers;
  // the server's `key.N` paths count these rows.
  const payers = rows.filter((_, i) => shares[i] !== 0);

  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    setRows(next);
    announce(t('economy.financingForm.moved', { name: row!.name, place: index + by + 1 }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const operatingFrameOre = parseNorwegianAmount(operating);
    const investmentFrameOre = parseNorwegianAmount(investment);
    if (operatingFrameOre === null || investmentFrameOre === null) {
      setLocal(new Error(t('economy.setup.kronerError')));
      return;
    }
    setLocal(null);
    write.mutate({
      operatingFrameOre, investmentFrameOre,
      key: payers.map((r) => ({ municipalityId: r.municipalityId, percent: r.percent })),
    });
  };

  return (
    <form className="stack" aria-labelledby="financing-form-heading" noValidate onSubmit={submit} data-testid="financing-form">
      <h4 id="financing-form-heading" style={{ margin: 0 }}>{t('economy.financingForm.title', { year })}</h4>
      <Paragraph data-size="sm">{t('economy.financingForm.hint')}</Paragraph>
      <FormErrors form={FORM} error={local ?? write.error}
        fields={(path) => {
          const m = /^key\.(\d+)\.(percent|municipalityId)$/.exec(path);
          const row = m ? payers[Number(m[1])] : undefined;
          return row ? { label: row.name, name: `percent-${row.municipalityId}` } : undefined;
        }}
        labels={{ operatingFrameOre: t('economy.netOperating'), investmentFrameOre: t('economy.grossInvestment'), key: t('economy.financingForm.key') }} />
      <div className="row">
        <TextField form={FORM} name="operatingFrameOre" label={t('economy.netOperating')} value={operating} onChange={setOperating} error={write.error} description={t('economy.financingForm.krHint')} />
        <TextField form={FORM} name="investmentFrameOre" label={t('economy.grossInvestment')} value={investment} onChange={setInvestment} error={write.error} description={t('economy.financingForm.krHint')} />
      </div>
      <TableScroll label={t('economy.financingForm.key')}>
        <Table className="full-width">
          <caption style={{ textAlign: 'left', fontWeight: 600 }}>{t('economy.financingForm.key')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('economy.municipality')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('economy.share')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('economy.financingForm.order')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r, i) => (
              <Table.Row key={r.municipalityId}>
                <Table.HeaderCell scope="row" style={{ fontWeight: 400 }}>{r.name}</Table.HeaderCell>
                <Table.Cell className="field--in-row">
                  <TextField form={FORM} name={`percent-${r.municipalityId}`} label={t('economy.financingForm.percentOf', { name: r.name })} value={r.percent}
                    onChange={(v) => setRows(rows.map((x) => (x.municipalityId === r.municipalityId ? { ...x, percent: v } : x)))} error={null} />
                </Table.Cell>
                <Table.Cell>
                  <div className="actions actions--nowrap">
                    <MoveButtons idPrefix="key" rowId={r.municipalityId} name={r.name} index={i} count={rows.length}
                      labels={{ up: t('economy.financingForm.up'), down: t('economy.financingForm.down') }} onMove={(by) => move(i, by)} />
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <Paragraph data-size="sm" data-testid="financing-form-sum">
        {sum === null
          ? t('economy.financingForm.sumUnknown')
          : t(sum === WHOLE_KEY ? 'economy.financingForm.sumWhole' : 'economy.financingForm.sumOff', { sum: formatSharePercent(formatPercent(sum), financing.percentDecimals) })}
      </Paragraph>
      <div className="actions">
        <Button type="submit" disabled={write.isPending}>{t('economy.financingForm.save')}</Button>
        {write.isSuccess && !local ? <Paragraph role="status" data-size="sm">{t('common.saved')}</Paragraph> : null}
      </div>
    </form>
  );
}
