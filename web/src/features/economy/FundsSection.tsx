// The cooperation's funds for the year: balance on 1.1, put in, taken out and balance on 31.12 per fund,
// with the decisions behind each movement; staff add a fund and register its movements here. The server
// keeps a fund from going below zero and says so (409), which shows at the form.
import { Button, Details, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { FUND_KINDS, FUND_MOVEMENT_KINDS, type TFundKind, type TFundMovementKind } from '../../../../src/modules/economy/vocabulary';
import { parseNorwegianAmount } from '../../../../src/modules/economy/calculations';
import { useEconomyT, type TEconomyT } from './messages';
import { formatDate, formatWholeKroner } from '../../i18n/format';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import { LoadError, Loading } from '../shell/states';
import { TableScroll } from '../tables/TableScroll';
import { useAddFundMovement, useCreateFund, useFunds } from './api';

const num = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;
const kindLabel = (t: TEconomyT, kind: TFundKind) => t(`economy.funds.kind.${kind}`);
const movementLabel = (t: TEconomyT, kind: TFundMovementKind) => t(`economy.funds.movement.${kind}`);

export function FundsSection({ year, canWrite }: { year: number; canWrite: boolean }) {
  const t = useEconomyT();
  const funds = useFunds(year);
  if (funds.isPending) return <Loading />;
  if (funds.error) return <LoadError error={funds.error} />;
  const f = funds.data;
  return (
    <div className="stack">
      {f.funds.length === 0 ? <Paragraph data-size="sm">{t('economy.funds.none')}</Paragraph> : (
        <TableScroll label={t('economy.funds.caption', { year })}>
          <Table zebra className="full-width" data-testid="funds-table">
            <caption style={{ textAlign: 'left', fontWeight: 600 }}>{t('economy.funds.caption', { year })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('economy.funds.fund')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" style={num}>{t('economy.funds.opening')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" style={num}>{t('economy.funds.in')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" style={num}>{t('economy.funds.out')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" style={num}>{t('economy.funds.closing')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {f.funds.map((x) => (
                <Table.Row key={x.id}>
                  <Table.HeaderCell scope="row" style={{ fontWeight: 400 }}>
                    <span lang="nb">{x.name}</span> <span className="hit__meta">({kindLabel(t, x.kind)})</span>
                  </Table.HeaderCell>
                  {[x.openingOre, x.inOre, x.outOre, x.closingOre].map((v, i) => <Table.Cell key={i} style={num}>{formatWholeKroner(v)}</Table.Cell>)}
                </Table.Row>
              ))}
            </Table.Body>
            <tfoot>
              <Table.Row>
                <Table.HeaderCell scope="row">{t('economy.sumRow')}</Table.HeaderCell>
                {[f.total.openingOre, f.total.inOre, f.total.outOre, f.total.closingOre].map((v, i) => <Table.Cell key={i} style={{ ...num, fontWeight: 700 }}>{formatWholeKroner(v)}</Table.Cell>)}
              </Table.Row>
            </tfoot>
          </Table>
        </TableScroll>
      )}
      {f.funds.some((x) => x.movements.length) ? (
        <ul data-testid="fund-movements">
          {f.funds.flatMap((x) => x.movements.map((m) => (
            <li key={m.id}>
              {formatDate(m.date)} <span lang="nb">{x.name}</span>: {movementLabel(t, m.kind)} {formatWholeKroner(m.amountOre)} kr
              {m.decisionReference ? ` (${t('economy.funds.decision', { reference: m.decisionReference })})` : ''}{m.text ? ` – ${m.text}` : ''}
            </li>
          )))}
        </ul>
      ) : null}
      {canWrite ? (
        <Details>
          <Details.Summary>{t('economy.funds.edit')}</Details.Summary>
          <Details.Content>
            <div className="stack-lg">
              <MovementForm funds={f.funds} />
              <NewFundForm />
            </div>
          </Details.Content>
        </Details>
      ) : null}
    </div>
  );
}

function NewFundForm() {
  const t = useEconomyT();
  const [kind, setKind] = useState<TFundKind>('disposisjonsfond');
  const [name, setName] = useState('');
  const write = useCreateFund();
  const submit = (e: FormEvent) => { e.preventDefault(); write.mutate({ kind, name }); };
  return (
    <form className="stack" aria-labelledby="new-fund-heading" noValidate onSubmit={submit}>
      <h4 id="new-fund-heading" style={{ margin: 0 }}>{t('economy.funds.newFund')}</h4>
      <FormErrors form="new-fund" error={write.error} labels={{ kind: t('economy.funds.kind'), name: t('common.name') }} />
      <div className="row">
        <SelectField form="new-fund" name="kind" label={t('economy.funds.kind')} value={kind} onChange={(v) => setKind(v as TFundKind)} error={write.error}
          options={FUND_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))} />
        <TextField form="new-fund" name="name" label={t('common.name')} value={name} onChange={setName} error={write.error} required />
      </div>
      <div className="actions">
        <Button type="submit" disabled={write.isPending}>{t('economy.funds.addFund')}</Button>
        {write.isSuccess ? <Paragraph role="status" data-size="sm">{t('common.saved')}</Paragraph> : null}
      </div>
    </form>
  );
}

function MovementForm({ funds }: { funds: { id: string; name: string }[] }) {
  const t = useEconomyT();
  const [fundId, setFundId] = useState('');
  const [kind, setKind] = useState<TFundMovementKind>('avsetning');
  const [date, setDate] = useState('');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [text, setText] = useState('');
  const [local, setLocal] = useState<Error | null>(null);
  const write = useAddFundMovement();
  if (!funds.length) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amountOre = parseNorwegianAmount(amount);
    setLocal(amountOre === null ? new Error(t('economy.setup.kronerError')) : null);
    if (amountOre !== null) write.mutate({ fundId, body: { kind, date, amountOre, decisionReference: reference || null, text: text || null } });
  };
  return (
    <form className="stack" aria-labelledby="fund-movement-heading" noValidate onSubmit={submit} data-testid="fund-movement-form">
      <h4 id="fund-movement-heading" style={{ margin: 0 }}>{t('economy.funds.newMovement')}</h4>
      <FormErrors form="fund-movement" error={local ?? write.error}
        labels={{ kind: t('economy.funds.movementKind'), date: t('economy.date'), amountOre: t('economy.funds.amount'), decisionReference: t('economy.setup.caseNumber') }} />
      <div className="row">
        <SelectField form="fund-movement" name="fundId" label={t('economy.funds.fund')} value={fundId} onChange={setFundId} placeholder={t('economy.funds.chooseFund')}
          options={funds.map((x) => ({ value: x.id, label: x.name }))} error={write.error} />
        <SelectField form="fund-movement" name="kind" label={t('economy.funds.movementKind')} value={kind} onChange={(v) => setKind(v as TFundMovementKind)} error={write.error}
          options={FUND_MOVEMENT_KINDS.map((k) => ({ value: k, label: movementLabel(t, k) }))} />
        <TextField form="fund-movement" name="date" label={t('economy.date')} type="date" value={date} onChange={setDate} error={write.error} />
        <TextField form="fund-movement" name="amountOre" label={t('economy.funds.amount')} value={amount} onChange={setAmount} error={write.error} description={t('economy.financingForm.krHint')} />
        <TextField form="fund-movement" name="decisionReference" label={t('economy.setup.caseNumber')} value={reference} onChange={setReference} error={write.error}
          description={t('economy.funds.decisionHint')} />
        <TextField form="fund-movement" name="text" label={t('economy.setup.text')} value={text} onChange={setText} error={write.error} />
      </div>
      <div className="actions">
        <Button type="submit" disabled={write.isPending}>{t('economy.funds.saveMovement')}</Button>
        {write.isSuccess && !local ? <Paragraph role="status" data-size="sm">{t('common.saved')}</Paragraph> : null}
      </div>
    </form>
  );
}
