// Staff's forms on /utstyr/lager (issue 13): a stock count, an order outside the campaign, and the next
// step of an order (delivered, rolled out, cancelled), each recorded with who and when by the server.
// A step is sent at the revision the order was read at (decision 0024): a step recorded by someone else
// meanwhile is a 409 `stale`, and the form offers to open again on the stored order.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n';
import { formatDate } from '../../../i18n/format';
import { FormErrors, SelectField, TextField, useFocusFirstField } from '../../forms/fields';
import { PanelForm } from '../../forms/PanelForm';
import { todayIso, useCreateOrder, useMunicipalities, useRecordStockCount, useStepOrder, type TOrder } from '../api';
import { formatCount } from '../EquipmentTabs';
import { categoryKey, orderStateKey, useEqT } from '../messages';
import { useEqfT } from './messages';
import { DEVICE_CATEGORIES, ORDER_TRANSITIONS, type TOrderState } from '../../../../../src/modules/equipment/vocabulary';

const asNumber = (v: string) => Number(v.trim() === '' ? NaN : v);

/** A status line that takes the focus when it appears, so a keyboard user hears it and continues from it. */
export function Saved({ children, testId }: { children: string; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => { ref.current?.focus(); }, [children]);
  return <Alert ref={ref} tabIndex={-1} data-color="success" role="status" data-testid={testId}><Paragraph>{children}</Paragraph></Alert>;
}

function useCategoryOptions() {
  const t = useEqT();
  return DEVICE_CATEGORIES.map((c) => ({ value: c, label: t(categoryKey(c)) }));
}

export function StockCountForm() {
  const t = useEqfT();
  const eq = useEqT();
  const municipalities = useMunicipalities();
  const categories = useCategoryOptions();
  const [saved, setSaved] = useState<string | null>(null);
  const [draft, setDraft] = useState({ municipalityId: '', category: 'ansatt', count: '', countedOn: todayIso() });
  const record = useRecordStockCount((c) => {
    setSaved(t('eqf.count.saved', { count: formatCount(c.count), municipality: c.municipality, category: eq(categoryKey(c.category)), date: formatDate(c.countedOn) }));
    setDraft((d) => ({ ...d, count: '' }));
  });
  const set = (key: keyof typeof draft) => (value: string) => { setSaved(null); setDraft((d) => ({ ...d, [key]: value })); };
  const labels = { municipalityId: t('eqf.municipality'), category: t('eqf.category'), count: t('eqf.count.count'), countedOn: t('eqf.count.countedOn') };
  return (
    <PanelForm form="eqf-count" headingId="eqf-count-heading" title={t('eqf.count.heading')} error={record.error} labels={labels}
      notice={<>
        <Paragraph data-size="sm">{t('eqf.count.help')}</Paragraph>
        {saved ? <Saved testId="eqf-count-saved">{saved}</Saved> : null}
      </>}
      onSubmit={() => record.mutate({
        municipalityId: draft.municipalityId, category: draft.category as 'ansatt', count: asNumber(draft.count), countedOn: draft.countedOn,
      })}
      submitLabel={t('eqf.count.save')} pending={record.isPending}>
      <SelectField form="eqf-count" name="municipalityId" label={labels.municipalityId} value={draft.municipalityId} placeholder={t('eqf.choose')}
        options={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} onChange={set('municipalityId')} error={record.error} />
      <SelectField form="eqf-count" name="category" label={labels.category} value={draft.category} options={categories} onChange={set('category')} error={record.error} />
      <TextField form="eqf-count" name="count" type="number" label={labels.count} value={draft.count} onChange={set('count')} error={record.error} />
      <TextField form="eqf-count" name="countedOn" type="date" label={labels.countedOn} value={draft.countedOn} onChange={set('countedOn')} error={record.error} />
    </PanelForm>
  );
}

export function OrderForm() {
  const t = useEqfT();
  const eq = useEqT();
  const municipalities = useMunicipalities();
  const categories = useCategoryOptions();
  const [saved, setSaved] = useState<string | null>(null);
  const empty = { municipalityId: '', category: 'ansatt', quantity: '', model: '', reference: '', orderedOn: todayIso() };
  const [draft, setDraft] = useState(empty);
  const create = useCreateOrder((o) => {
    setSaved(t('eqf.order.saved', { quantity: formatCount(o.quantity), municipality: o.municipality, category: eq(categoryKey(o.category)) }));
    setDraft((d) => ({ ...empty, municipalityId: d.municipalityId, category: d.category, orderedOn: d.orderedOn }));
  });
  const set = (key: keyof typeof draft) => (value: string) => { setSaved(null); setDraft((d) => ({ ...d, [key]: value })); };
  const labels = {
    municipalityId: t('eqf.municipality'), category: t('eqf.category'), quantity: t('eqf.order.quantity'), model: t('eqf.order.model'),
    reference: t('eqf.order.reference'), orderedOn: t('eqf.order.orderedOn'),
  };
  return (
    <PanelForm form="eqf-order" headingId="eqf-order-heading" title={t('eqf.order.heading')} error={create.error} labels={labels}
      notice={<>
        <Paragraph data-size="sm">{t('eqf.order.help')}</Paragraph>
        {saved ? <Saved testId="eqf-order-saved">{saved}</Saved> : null}
      </>}
      onSubmit={() => create.mutate({
        municipalityId: draft.municipalityId, category: draft.category as 'ansatt', quantity: asNumber(draft.quantity),
        model: draft.model.trim() || null, reference: draft.reference.trim() || null, orderedOn: draft.orderedOn,
      })}
      submitLabel={t('eqf.order.save')} pending={create.isPending}>
      <SelectField form="eqf-order" name="municipalityId" label={labels.municipalityId} value={draft.municipalityId} placeholder={t('eqf.choose')}
        options={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} onChange={set('municipalityId')} error={create.error} />
      <SelectField form="eqf-order" name="category" label={labels.category} value={draft.category} options={categories} onChange={set('category')} error={create.error} />
      <TextField form="eqf-order" name="quantity" type="number" label={labels.quantity} value={draft.quantity} onChange={set('quantity')} error={create.error} />
      <TextField form="eqf-order" name="model" label={labels.model} value={draft.model} onChange={set('model')} error={create.error} autoComplete="off" />
      <TextField form="eqf-order" name="reference" label={labels.reference} value={draft.reference} onChange={set('reference')} error={create.error} autoComplete="off" />
      <TextField form="eqf-order" name="orderedOn" type="date" label={labels.orderedOn} value={draft.orderedOn} onChange={set('orderedOn')} error={create.error} />
    </PanelForm>
  );
}

/** The buttons of an order's row: one per move the order may make (ORDER_TRANSITIONS, given by the page). */
export function OrderStepButtons({ order, moves, onOpen }: { order: TOrder; moves: readonly TOrderState[]; onOpen: (state: TOrderState) => void }) {
  const t = useEqfT();
  const eq = useEqT();
  if (moves.length === 0) return <>{t('eqf.orders.noAction')}</>;
  return (
    <div className="actions">
      {moves.map((state) => (
        // The name starts with the visible words (WCAG 2.5.3), then says whose row it is.
        <Button key={state} type="button" variant={state === 'cancelled' ? 'tertiary' : 'secondary'} data-size="sm"
          aria-label={t('eqf.step.openLabel', { state: eq(orderStateKey(state)), municipality: order.municipality, quantity: formatCount(order.quantity), model: order.model ?? '' }).trim()}
          onClick={() => onOpen(state)}>
          {t('eqf.step.open', { state: eq(orderStateKey(state)) })}
        </Button>
      ))}
    </div>
  );
}

/**
 * The next step of one order, opened in place under the table. It keeps the revision it was opened at
 * until the user chooses to reload after a stale refusal.
 */
export function OrderStepForm({ order, state, onDone, onCancel }: {
  order: TOrder; state: Exclude<TOrderState, 'ordered'>; onDone: (message: string) => void; onCancel: () => void;
}) {
  const t = useEqfT();
  const eq = useEqT();
  const common = useT();
  const [revision, setRevision] = useState(order.revision);
  const [on, setOn] = useState(todayIso());
  const step = useStepOrder((o) => onDone(t('eqf.step.saved', { municipality: o.municipality, state: eq(orderStateKey(o.state)) })));
  const ref = useFocusFirstField<HTMLFormElement>();
  const client = useQueryClient();
  // The one retry path (decision 0024): read the order as stored now; keep the form open at its revision
  // if the move is still possible, else close it (the row shows the order's new state and its moves).
  const reload = async () => {
    await client.refetchQueries({ queryKey: ['equipment', 'orders'] });
    const fresh = client.getQueryData<TOrder[]>(['equipment', 'orders'])?.find((o) => o.id === order.id);
    step.reset();
    if (fresh && ORDER_TRANSITIONS[fresh.state].includes(state)) setRevision(fresh.revision);
    else onCancel();
  };
  const last = order.steps[order.steps.length - 1];
  return (
    <form ref={ref} className="panel stack" aria-labelledby="eqf-step-heading" noValidate
      onSubmit={(e) => { e.preventDefault(); step.mutate({ id: order.id, state, on, revision }); }}>
      <Heading level={3} data-size="xs" id="eqf-step-heading">
        {t('eqf.step.heading', { state: eq(orderStateKey(state)), quantity: formatCount(order.quantity), municipality: order.municipality })}
      </Heading>
      <FormErrors form="eqf-step" error={step.error} labels={{ on: t('eqf.step.on') }} onReload={() => void reload()} />
      <TextField form="eqf-step" name="on" type="date" label={t('eqf.step.on')} value={on} onChange={setOn} error={step.error}
        description={last ? t('eqf.step.help', { date: formatDate(last.on) }) : undefined} />
      <div className="actions">
        <Button type="submit" disabled={step.isPending}>{t('eqf.step.save')}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{common('common.cancel')}</Button>
      </div>
    </form>
  );
}
