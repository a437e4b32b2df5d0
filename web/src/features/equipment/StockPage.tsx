// The stock counts and orders the status table subtracts, each order with its dated steps and who
// recorded them (ordered → delivered → rolled out, or cancelled). A municipality user sees their own
// municipality's (the server scopes both lists).
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatDate } from '../../i18n/format';
import { useSession } from '../auth/session';
import { PageIntro } from '../shell/PageHeading';
import { LoadError, Loading } from '../shell/states';
import { DataTable } from '../tables/DataTable';
import { useOrders, useStockCounts } from './api';
import { EquipmentTabs, formatCount } from './EquipmentTabs';
import { OrderForm, OrderStepButtons, OrderStepForm, Saved, StockCountForm } from './forms/StockForms';
import { useEqfT } from './forms/messages';
import { categoryKey, orderStateKey, useEqT } from './messages';
import { ORDER_TRANSITIONS, type TOrderState } from '../../../../src/modules/equipment/vocabulary';

export function StockPage() {
  const t = useEqT();
  const tf = useEqfT();
  const { user } = useSession();
  const staff = user?.role === 'staff' || user?.role === 'admin';
  const counts = useStockCounts();
  const orders = useOrders();
  // The order whose next step is being recorded, by id, so a refetch keeps the form on fresh data.
  const [stepping, setStepping] = useState<{ id: string; state: Exclude<TOrderState, 'ordered'> } | null>(null);
  const [stepped, setStepped] = useState<string | null>(null);
  const open = stepping ? orders.data?.find((o) => o.id === stepping.id) : undefined;
  return (
    <div className="stack">
      <PageIntro heading={t('eq.stock.heading')}>{t('eq.stock.intro')}</PageIntro>
      <EquipmentTabs current="/utstyr/lager" />
      <section className="stack" aria-labelledby="eq-orders-heading">
        <Heading level={2} data-size="sm" id="eq-orders-heading">{t('eq.orders.heading')}</Heading>
        {orders.isPending ? <Loading /> : orders.isError ? <LoadError error={orders.error} /> : orders.data.length === 0 ? (
          <Paragraph>{t('eq.orders.none')}</Paragraph>
        ) : (
          <DataTable className="eq-table" caption={t('eq.orders.caption')} testId="eq-orders" columns={[
            t('eq.orders.col.municipality'), t('eq.orders.col.category'), { label: t('eq.orders.col.quantity'), numeric: true },
            t('eq.orders.col.model'), t('eq.orders.col.reference'), t('eq.orders.col.state'), t('eq.orders.col.steps'),
            ...(staff ? [tf('eqf.orders.col.action')] : []),
          ]}>
            {orders.data.map((o) => (
              <Table.Row key={o.id}>
                <Table.Cell>{o.municipality}</Table.Cell>
                <Table.Cell>{t(categoryKey(o.category))}</Table.Cell>
                <Table.Cell className="num">{formatCount(o.quantity)}</Table.Cell>
                <Table.Cell>{o.model ?? '–'}</Table.Cell>
                <Table.Cell>{o.reference ?? '–'}</Table.Cell>
                <Table.Cell>{t(orderStateKey(o.state))}</Table.Cell>
                <Table.Cell>
                  <ol className="eq-steps">
                    {o.steps.map((s, i) => (
                      <li key={i}>{t('eq.orders.step', { state: t(orderStateKey(s.state)), date: formatDate(s.on), who: s.actorName })}</li>
                    ))}
                  </ol>
                </Table.Cell>
                {staff ? (
                  <Table.Cell>
                    <OrderStepButtons order={o} moves={ORDER_TRANSITIONS[o.state]}
                      onOpen={(state) => { setStepped(null); setStepping({ id: o.id, state: state as Exclude<TOrderState, 'ordered'> }); }} />
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ))}
          </DataTable>
        )}
        {stepped ? <Saved testId="eqf-step-saved">{stepped}</Saved> : null}
        {staff && open && stepping ? (
          <OrderStepForm key={`${open.id}|${stepping.state}`} order={open} state={stepping.state}
            onDone={(message) => { setStepping(null); setStepped(message); }} onCancel={() => setStepping(null)} />
        ) : null}
        {staff ? <OrderForm /> : null}
      </section>
      <section className="stack" aria-labelledby="eq-counts-heading">
        <Heading level={2} data-size="sm" id="eq-counts-heading">{t('eq.stock.countsHeading')}</Heading>
        {counts.isPending ? <Loading /> : counts.isError ? <LoadError error={counts.error} /> : counts.data.length === 0 ? (
          <Paragraph>{t('eq.stock.noCounts')}</Paragraph>
        ) : (
          <DataTable className="eq-table" caption={t('eq.stock.countsCaption')} testId="eq-stock-counts" columns={[
            t('eq.stock.col.countedOn'), t('eq.stock.col.municipality'), t('eq.stock.col.category'), { label: t('eq.stock.col.count'), numeric: true }, t('eq.stock.col.by'),
          ]}>
            {counts.data.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>{formatDate(c.countedOn)}</Table.Cell>
                <Table.Cell>{c.municipality}</Table.Cell>
                <Table.Cell>{t(categoryKey(c.category))}</Table.Cell>
                <Table.Cell className="num">{formatCount(c.count)}</Table.Cell>
                <Table.Cell>{c.countedByName}</Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        )}
        {staff ? <StockCountForm /> : null}
      </section>
    </div>
  );
}
