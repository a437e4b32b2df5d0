// Exit settlements (utmeldingsoppgjør) on /okonomi: one table per leaving member (each line, the amount
// the share is taken of, the share and the member's part, the sum), for everyone who may read them. Staff
// make a draft for a membership that ends, add amounts the council decided, and decide it with the case
// number; the server computes the key lines, refuses what may not be done (409) and says why.
import { Button, Details, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { parseNorwegianAmount } from '../../../../src/modules/economy/calculations';
import { EXIT_SETTLEMENT_BASES, type TExitSettlementBasis, type TExitSettlementLineKind } from '../../../../src/modules/economy/vocabulary';
import { formatDate, formatSharePercent, formatWholeKroner } from '../../i18n/format';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import { LoadError, Loading } from '../shell/states';
import { TableScroll } from '../tables/TableScroll';
import {
  useAddExitSettlementLine, useCreateExitSettlement, useDecideExitSettlement, useDeleteExitSettlement, useExitSettlements,
  useRemoveExitSettlementLine, type TExitSettlement,
} from './api';
import { useExitSettlementT, type TExitSettlementT } from './messages';

const num = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;
const kindLabel = (t: TExitSettlementT, kind: TExitSettlementLineKind) => t(`exitSettlement.kind.${kind}`);

/**
 * `own`: a municipality user's view (decision 0040), read-only; the server answers with their own
 * municipality's settlements only, so the page has nothing to filter.
 */
export function ExitSettlementSection({ canWrite, own = false }: { canWrite: boolean; own?: boolean }) {
  const t = useExitSettlementT();
  const data = useExitSettlements();
  if (data.isPending) return <Loading />;
  if (data.error) return <LoadError error={data.error} />;
  const { settlements, leaving } = data.data;
  const open = leaving.filter((l) => l.settlementId === null);
  return (
    <div className="stack">
      <Paragraph data-size="sm">{t(own ? 'exitSettlement.ownIntro' : 'exitSettlement.intro')}</Paragraph>
      {settlements.length === 0 ? <Paragraph data-size="sm">{t(own ? 'exitSettlement.ownNone' : 'exitSettlement.none')}</Paragraph> : null}
      {settlements.map((s) => <SettlementTable key={s.id} settlement={s} canWrite={canWrite && !own} />)}
      {canWrite && !own ? (
        open.length ? <NewSettlementForm leaving={open} /> : <Paragraph data-size="sm">{t('exitSettlement.noneLeaving')}</Paragraph>
      ) : null}
    </div>
  );
}

function SettlementTable({ settlement: s, canWrite }: { settlement: TExitSettlement; canWrite: boolean }) {
  const t = useExitSettlementT();
  const caption = t('exitSettlement.caption', { municipality: s.municipalityName, date: formatDate(s.leavingDate) });
  const status = s.status === 'vedtatt'
    ? t('exitSettlement.decided', { reference: s.decisionReference ?? '' })
    : t('exitSettlement.draft');
  return (
    <div className="stack" data-testid="exit-settlement">
      <TableScroll>
        <Table zebra className="full-width" data-testid="exit-settlement-table">
          <caption style={{ textAlign: 'left', fontWeight: 600 }}>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('exitSettlement.item')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('exitSettlement.kind')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" style={num}>{t('exitSettlement.base')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" style={num}>{t('exitSettlement.share')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" style={num}>{t('exitSettlement.amount')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {s.lines.map((l, i) => (
              <Table.Row key={l.id ?? `key-${i}`}>
                <Table.HeaderCell scope="row" style={{ fontWeight: 400 }}><span lang="nb">{l.text}</span></Table.HeaderCell>
                <Table.Cell>{kindLabel(t, l.kind)}</Table.Cell>
                <Table.Cell style={num}>{l.baseOre === null ? '' : formatWholeKroner(l.baseOre)}</Table.Cell>
                <Table.Cell style={num}>{l.percent === null ? '' : formatSharePercent(l.percent, s.percentDecimals)}</Table.Cell>
                <Table.Cell style={num}>{formatWholeKroner(l.amountOre)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
          <tfoot>
            <Table.Row>
              <Table.HeaderCell scope="row">{t('exitSettlement.sum')}</Table.HeaderCell>
              <Table.Cell /><Table.Cell /><Table.Cell />
              <Table.Cell style={{ ...num, fontWeight: 700 }} data-testid="exit-settlement-sum">{formatWholeKroner(s.sumOre)}</Table.Cell>
            </Table.Row>
          </tfoot>
        </Table>
      </TableScroll>
      <Paragraph data-size="sm">
        <Tag data-color={s.status === 'vedtatt' ? 'success' : 'warning'} data-testid="exit-settlement-status">{status}</Tag>{' '}
        {s.percent === null ? t('exitSettlement.decidedOnly') : t('exitSettlement.keyNote', { percent: formatSharePercent(s.percent, s.percentDecimals), year: s.keyYear })}{' '}
        {t('exitSettlement.signNote')}
      </Paragraph>
      {s.problem ? <Paragraph data-size="sm" role="note">{s.problem}</Paragraph> : null}
      {canWrite && s.status === 'utkast' ? <DraftActions settlement={s} caption={caption} /> : null}
    </div>
  );
}

function DraftActions({ settlement: s, caption }: { settlement: TExitSettlement; caption: string }) {
  const t = useExitSettlementT();
  const remove = useRemoveExitSettlementLine();
  const discard = useDeleteExitSettlement();
  const decided = s.lines.filter((l) => l.kind === 'vedtatt_belop' && l.id !== null);
  return (
    <Details>
      <Details.Summary>{t('exitSettlement.edit', { caption })}</Details.Summary>
      <Details.Content>
        <div className="stack-lg">
          <FormErrors form={`exit-remove-${s.id}`} error={remove.error ?? discard.error} />
          {decided.length ? (
            <ul className="stack">
              {decided.map((l) => (
                <li key={l.id} className="row">
                  <span lang="nb">{l.text}</span>: {formatWholeKroner(l.amountOre)} kr
                  <Button type="button" variant="tertiary" data-size="sm" disabled={remove.isPending}
                    onClick={() => remove.mutate({ id: s.id, lineId: l.id! })}>{t('exitSettlement.removeLine', { text: l.text })}</Button>
                </li>
              ))}
            </ul>
          ) : null}
          <LineForm id={s.id} />
          <DecideForm id={s.id} />
          <div className="actions">
            <Button type="button" variant="secondary" disabled={discard.isPending} onClick={() => discard.mutate(s.id)}>{t('exitSettlement.discard')}</Button>
          </div>
        </div>
      </Details.Content>
    </Details>
  );
}

function LineForm({ id }: { id: string }) {
  const t = useExitSettlementT();
  const [text, setText] = useState('');
  const [amount, setAmount] = useState('');
  const [local, setLocal] = useState<Error | null>(null);
  const write = useAddExitSettlementLine();
  const form = `exit-line-${id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amountOre = parseNorwegianAmount(amount);
    setLocal(amountOre === null ? new Error(t('exitSettlement.amountError')) : null);
    if (amountOre !== null) write.mutate({ id, body: { text, amountOre } });
  };
  return (
    <form className="stack" aria-labelledby={`${form}-heading`} noValidate onSubmit={submit}>
      <h4 id={`${form}-heading`} style={{ margin: 0 }}>{t('exitSettlement.lineHeading')}</h4>
      <FormErrors form={form} error={local ?? write.error} labels={{ text: t('exitSettlement.lineText'), amountOre: t('exitSettlement.lineAmount') }} />
      <div className="row">
        <TextField form={form} name="text" label={t('exitSettlement.lineText')} value={text} onChange={setText} error={write.error} />
        <TextField form={form} name="amountOre" label={t('exitSettlement.lineAmount')} value={amount} onChange={setAmount} error={write.error}
          description={t('exitSettlement.lineAmountHint')} />
      </div>
      <div className="actions">
        <Button type="submit" disabled={write.isPending}>{t('exitSettlement.addLine')}</Button>
        {write.isSuccess && !local ? <Paragraph role="status" data-size="sm">{t('common.saved')}</Paragraph> : null}
      </div>
    </form>
  );
}

function DecideForm({ id }: { id: string }) {
  const t = useExitSettlementT();
  const [reference, setReference] = useState('');
  const write = useDecideExitSettlement();
  const form = `exit-decide-${id}`;
  const submit = (e: FormEvent) => { e.preventDefault(); write.mutate({ id, body: { decisionReference: reference } }); };
  return (
    <form className="stack" aria-labelledby={`${form}-heading`} noValidate onSubmit={submit}>
      <h4 id={`${form}-heading`} style={{ margin: 0 }}>{t('exitSettlement.decideHeading')}</h4>
      <FormErrors form={form} error={write.error} labels={{ decisionReference: t('exitSettlement.caseNumber') }} />
      <TextField form={form} name="decisionReference" label={t('exitSettlement.caseNumber')} value={reference} onChange={setReference} error={write.error}
        description={t('exitSettlement.decideHint')} />
      <div className="actions">
        <Button type="submit" disabled={write.isPending}>{t('exitSettlement.decide')}</Button>
      </div>
    </form>
  );
}

function NewSettlementForm({ leaving }: { leaving: { municipalityId: string; name: string; leavingDate: string }[] }) {
  const t = useExitSettlementT();
  const [choice, setChoice] = useState('');
  const [basis, setBasis] = useState<TExitSettlementBasis>('nokkel');
  const write = useCreateExitSettlement();
  const valueOf = (l: { municipalityId: string; leavingDate: string }) => `${l.municipalityId}/${l.leavingDate}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [municipalityId = '', leavingDate = ''] = choice.split('/');
    write.mutate({ municipalityId, leavingDate, basis });
  };
  return (
    <form className="stack" aria-labelledby="exit-new-heading" noValidate onSubmit={submit} data-testid="exit-settlement-form">
      <h3 id="exit-new-heading" style={{ margin: 0 }}>{t('exitSettlement.newHeading')}</h3>
      <FormErrors form="exit-new" error={write.error} labels={{ municipalityId: t('exitSettlement.leaving'), leavingDate: t('exitSettlement.leaving'), basis: t('exitSettlement.basis') }} />
      <div className="row">
        <SelectField form="exit-new" name="municipalityId" label={t('exitSettlement.leaving')} value={choice} onChange={setChoice} error={write.error}
          placeholder={t('exitSettlement.chooseLeaving')}
          options={leaving.map((l) => ({ value: valueOf(l), label: t('exitSettlement.leavingOption', { municipality: l.name, date: formatDate(l.leavingDate) }) }))} />
        <SelectField form="exit-new" name="basis" label={t('exitSettlement.basis')} value={basis} onChange={(v) => setBasis(v as TExitSettlementBasis)} error={write.error}
          options={EXIT_SETTLEMENT_BASES.map((b) => ({ value: b, label: t(`exitSettlement.basis.${b}`) }))} />
      </div>
      <div className="actions">
        <Button type="submit" disabled={write.isPending}>{t('exitSettlement.create')}</Button>
      </div>
    </form>
  );
}
