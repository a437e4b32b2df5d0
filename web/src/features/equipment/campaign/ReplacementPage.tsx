// The page the invitation mail links to (/utstyr/bytte/{id}): the user of an expired PC sees the PC,
// orders one of the campaign's standard models (the order goes to their manager) or defers with a
// reason, and afterwards follows the request: waiting, approved, rejected with the reason, the steps.
// Which forms are offered is the server's answer (canOrder, canDefer), not a rule of this page.
import { Alert, Fieldset, Heading, Paragraph, Radio, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatDate } from '../../../i18n/format';
import { PanelForm } from '../../forms/PanelForm';
import { TextField } from '../../forms/fields';
import { PageIntro } from '../../shell/PageHeading';
import { Loading, PageLoadError } from '../../shell/states';
import { DataTable } from '../../tables/DataTable';
import { useDeferReplacement, useOrderReplacement, useReplacement, type TReplacement } from './api';
import { replacementStateKey, replacementStepKey, useEqcT } from './messages';

export function ReplacementPage({ id }: { id: string }) {
  const t = useEqcT();
  const replacement = useReplacement(id);
  if (replacement.isPending) return <Loading />;
  if (replacement.isError) return <PageLoadError error={replacement.error} onRetry={() => void replacement.refetch()} />;
  const r = replacement.data;
  return (
    <div className="stack">
      <PageIntro heading={t('eqc.user.heading')}>{t('eqc.user.intro')}</PageIntro>
      <section className="stack" aria-labelledby="eqc-pc-heading">
        <Heading level={2} data-size="sm" id="eqc-pc-heading">{t('eqc.pc.heading')}</Heading>
        <dl className="facts" data-testid="eqc-pc">
          <dt>{t('eqc.pc.name')}</dt><dd>{r.device.name ?? t('eqc.pc.unknown')}</dd>
          <dt>{t('eqc.pc.serial')}</dt><dd>{r.device.serial}</dd>
          <dt>{t('eqc.pc.model')}</dt><dd>{r.device.model ?? t('eqc.pc.unknown')}</dd>
          <dt>{t('eqc.pc.expiry')}</dt><dd>{r.device.expiryYear}</dd>
        </dl>
      </section>
      <RequestStatus r={r} />
      {r.canOrder ? <OrderForm r={r} /> : null}
      {r.canDefer ? <DeferForm r={r} /> : null}
      <StepsTable r={r} />
    </div>
  );
}

/** The newest note of a state: the rejection's or deferral's reason. */
const noteOf = (r: TReplacement, state: TReplacement['state']) => [...r.steps].reverse().find((s) => s.state === state)?.note ?? null;

function RequestStatus({ r }: { r: TReplacement }) {
  const t = useEqcT();
  const model = r.model ?? '';
  const approver = r.approverName ?? '';
  const text = (() => {
    switch (r.state) {
      case 'invited': return t('eqc.user.invited');
      case 'deferred': return r.deferredUntil ? t('eqc.user.deferredUntil', { date: formatDate(r.deferredUntil) }) : t('eqc.user.deferred');
      case 'requested': return t('eqc.user.requested', { model, approver });
      case 'approved': return t('eqc.user.approved', { model, approver });
      case 'rejected': return t('eqc.user.rejected', { approver });
      case 'ordered': case 'delivered': return t('eqc.user.underway', { model });
      case 'handed_over': return t('eqc.user.handedOver', { serial: r.newDeviceSerial ?? '' });
      default: return t('eqc.user.done');
    }
  })();
  const reason = r.state === 'rejected' || r.state === 'deferred' ? noteOf(r, r.state) : null;
  return (
    <Alert data-color={r.state === 'rejected' ? 'warning' : r.state === 'requested' || r.state === 'invited' || r.state === 'deferred' ? 'info' : 'success'}
      data-testid="eqc-status">
      <Heading level={2} data-size="xs">{t('eqc.user.status', { state: t(replacementStateKey(r.state)) })}</Heading>
      <Paragraph>{text}</Paragraph>
      {reason ? <Paragraph>{t('eqc.user.reason', { reason })}</Paragraph> : null}
    </Alert>
  );
}

function OrderForm({ r }: { r: TReplacement }) {
  const t = useEqcT();
  const order = useOrderReplacement();
  const [model, setModel] = useState(r.model && r.standardModels.includes(r.model) ? r.model : '');
  const [unit, setUnit] = useState(r.unit ?? '');
  const [missing, setMissing] = useState(false);
  const submit = () => {
    if (!model) return setMissing(true);
    order.mutate({ id: r.id, model, unit: unit.trim() || null, revision: r.revision });
  };
  return (
    <PanelForm form="eqc-order" headingId="eqc-order-heading" title={t('eqc.order.heading')} error={order.error}
      labels={{ model: t('eqc.order.model'), unit: t('eqc.order.unit') }} onSubmit={submit} submitLabel={t('eqc.order.submit')}
      pending={order.isPending} grid={false}>
      <Fieldset id="eqc-order-model" aria-invalid={missing || undefined}>
        <Fieldset.Legend>{t('eqc.order.model')}</Fieldset.Legend>
        {r.standardModels.map((m) => (
          <Radio key={m} name="model" value={m} label={m} checked={model === m} onChange={() => { setMissing(false); setModel(m); }} />
        ))}
        {missing ? <ValidationMessage>{t('eqc.order.chooseModel')}</ValidationMessage> : null}
      </Fieldset>
      <TextField form="eqc-order" name="unit" label={t('eqc.order.unit')} description={t('eqc.order.unitHelp')} value={unit} onChange={setUnit} error={order.error} />
    </PanelForm>
  );
}

function DeferForm({ r }: { r: TReplacement }) {
  const t = useEqcT();
  const defer = useDeferReplacement();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  return (
    <PanelForm form="eqc-defer" headingId="eqc-defer-heading" title={t('eqc.defer.heading')} error={defer.error}
      labels={{ reason: t('eqc.defer.reason'), until: t('eqc.defer.until') }} onSubmit={() => defer.mutate({ id: r.id, reason, until: until || null, revision: r.revision })}
      submitLabel={t('eqc.defer.submit')} pending={defer.isPending} grid={false}>
      <TextField form="eqc-defer" name="reason" label={t('eqc.defer.reason')} value={reason} onChange={setReason} error={defer.error} multiline rows={3} />
      <TextField form="eqc-defer" name="until" type="date" label={t('eqc.defer.until')} description={t('eqc.defer.untilHelp')} value={until} onChange={setUntil} error={defer.error} />
    </PanelForm>
  );
}

export function StepsTable({ r }: { r: TReplacement }) {
  const t = useEqcT();
  return (
    <section className="stack" aria-labelledby={`eqc-steps-${r.id}`}>
      <Heading level={2} data-size="sm" id={`eqc-steps-${r.id}`}>{t('eqc.steps.heading')}</Heading>
      <DataTable caption={t('eqc.steps.caption')} testId="eqc-steps"
        columns={[t('eqc.steps.col.date'), t('eqc.steps.col.state'), t('eqc.steps.col.who'), t('eqc.steps.col.note')]}>
        {r.steps.map((s, i) => (
          <Table.Row key={i}>
            <Table.Cell>{formatDate(s.on)}</Table.Cell>
            <Table.Cell>{t(replacementStepKey(s.state))}</Table.Cell>
            <Table.Cell>{s.actorName}</Table.Cell>
            <Table.Cell>{s.note ?? t('eqc.dash')}</Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
    </section>
  );
}
