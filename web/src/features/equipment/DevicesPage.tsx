// The PCs of the newest export, 100 at a time, filtered by municipality, category, month signed in and
// text. A municipality user gets their own municipality's only: the server scopes the list
// (policy.ts), and the page offers no municipality choice that would answer 403.
import { Button, Checkbox, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useSession } from '../auth/session';
import { SelectField } from '../forms/fields';
import { PageIntro } from '../shell/PageHeading';
import { LoadError, Loading } from '../shell/states';
import { DataTable } from '../tables/DataTable';
import { useDevices, useMunicipalities, type TDeviceQuery } from './api';
import { EquipmentTabs, formatCount } from './EquipmentTabs';
import { RetireForm, type TSelection } from './forms/RetireForm';
import { useEqfT } from './forms/messages';
import { categoryKey, retirementKey, useEqT } from './messages';
import { DEVICE_CATEGORIES } from '../../../../src/modules/equipment/vocabulary';

const PAGE = 100;
export type TDeviceFilters = { kommune?: string; kategori?: 'ansatt' | 'elev'; maned?: string; q?: string; side?: number };

export function DevicesPage({ filters, onChange }: { filters: TDeviceFilters; onChange: (next: TDeviceFilters) => void }) {
  const t = useEqT();
  const { user } = useSession();
  const tf = useEqfT();
  const ownOnly = user?.role === 'municipality';
  const staff = user?.role === 'staff' || user?.role === 'admin';
  // The PCs chosen for a retirement step, id → serial; kept across pages and filters until the step is recorded.
  const [selection, setSelection] = useState<TSelection>(new Map());
  const toggle = (id: string, serial: string, on: boolean) => setSelection((prev) => {
    const next = new Map(prev);
    if (on) next.set(id, serial); else next.delete(id);
    return next;
  });
  const page = filters.side ?? 0;
  const query: TDeviceQuery = {
    municipalityId: ownOnly ? undefined : filters.kommune, category: filters.kategori, month: filters.maned, search: filters.q,
    limit: PAGE, offset: page * PAGE,
  };
  const devices = useDevices(query);
  const first = devices.data?.devices[0];
  const intro = ownOnly && first ? t('eq.devices.introOwn', { municipality: first.municipality }) : t('eq.devices.intro');
  return (
    <div className="stack">
      <PageIntro heading={t('eq.devices.heading')}>{intro}</PageIntro>
      <EquipmentTabs current="/utstyr/pc-er" />
      <DeviceFilters filters={filters} ownOnly={ownOnly} onChange={onChange} />
      {devices.isPending ? <Loading /> : devices.isError ? <LoadError error={devices.error} /> : devices.data.total === 0 ? (
        <Paragraph>{t('eq.devices.none')}</Paragraph>
      ) : (
        <>
          <Paragraph role="status" data-testid="eq-devices-count">{t('eq.devices.count', {
            from: formatCount(page * PAGE + 1), to: formatCount(page * PAGE + devices.data.devices.length), total: formatCount(devices.data.total),
          })}</Paragraph>
          <DataTable className="eq-table" caption={t('eq.devices.caption')} testId="eq-devices" columns={[
            ...(staff ? [tf('eqf.retire.select')] : []), t('eq.devices.col.serial'), t('eq.devices.col.name'), t('eq.devices.col.model'), t('eq.devices.col.municipality'), t('eq.devices.col.category'),
            t('eq.devices.col.user'), t('eq.devices.col.lastSignIn'), t('eq.devices.col.purchased'), { label: t('eq.devices.col.expiry'), numeric: true },
            t('eq.devices.col.retirement'),
          ]}>
            {devices.data.devices.map((d) => (
              <Table.Row key={d.id} data-testid={`eq-device-${d.serial}`}>
                {staff ? (
                  <Table.Cell>
                    <Checkbox aria-label={tf('eqf.retire.selectLabel', { serial: d.serial })} value={d.id} data-size="sm"
                      checked={selection.has(d.id)} onChange={(e) => toggle(d.id, d.serial, e.target.checked)} />
                  </Table.Cell>
                ) : null}
                <Table.Cell>{d.serial}</Table.Cell>
                <Table.Cell>{d.name ?? '–'}</Table.Cell>
                <Table.Cell>{[d.manufacturer, d.model].filter(Boolean).join(' ') || '–'}</Table.Cell>
                <Table.Cell>{d.municipality}</Table.Cell>
                <Table.Cell>{t(categoryKey(d.category))}</Table.Cell>
                <Table.Cell>{d.primaryUser ?? t('eq.devices.noUser')}</Table.Cell>
                <Table.Cell>{d.lastSignInAt ? formatDateTime(d.lastSignInAt) : '–'}</Table.Cell>
                <Table.Cell>{d.purchasedOn ? formatDate(d.purchasedOn) : d.purchaseAssumed ? t('eq.devices.assumed') : '–'}</Table.Cell>
                <Table.Cell className="num">{d.expiryYear}{d.purchaseAssumed ? ` ${t('eq.devices.assumed')}` : ''}</Table.Cell>
                <Table.Cell>{d.retirement ? t(retirementKey(d.retirement)) : '–'}</Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
          <div className="actions">
            <Button type="button" variant="secondary" disabled={page === 0} onClick={() => onChange({ ...filters, side: page - 1 || undefined })}>
              {t('eq.devices.previous')}
            </Button>
            <Button type="button" variant="secondary" disabled={(page + 1) * PAGE >= devices.data.total} onClick={() => onChange({ ...filters, side: page + 1 })}>
              {t('eq.devices.next')}
            </Button>
          </div>
        </>
      )}
      {staff ? <RetireForm selection={selection} onClear={() => setSelection(new Map())} /> : null}
    </div>
  );
}

function DeviceFilters({ filters, ownOnly, onChange }: { filters: TDeviceFilters; ownOnly: boolean; onChange: (next: TDeviceFilters) => void }) {
  const t = useEqT();
  const municipalities = useMunicipalities();
  const [draft, setDraft] = useState({ kommune: filters.kommune ?? '', kategori: filters.kategori ?? '', maned: filters.maned ?? '', q: filters.q ?? '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({
      kommune: draft.kommune || undefined, kategori: (draft.kategori || undefined) as TDeviceFilters['kategori'],
      maned: /^\d{4}-\d{2}$/.test(draft.maned) ? draft.maned : undefined, q: draft.q.trim() || undefined,
    });
  };
  return (
    <form className="row" aria-label={t('eq.devices.filters')} onSubmit={submit} noValidate>
      {ownOnly ? null : (
        <SelectField form="eq-devices" name="municipality" label={t('eq.devices.municipality')} value={draft.kommune} placeholder={t('eq.devices.all')}
          onChange={(v) => setDraft((d) => ({ ...d, kommune: v }))} options={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
      )}
      <SelectField form="eq-devices" name="category" label={t('eq.devices.category')} value={draft.kategori} placeholder={t('eq.devices.all')}
        onChange={(v) => setDraft((d) => ({ ...d, kategori: v }))} options={DEVICE_CATEGORIES.map((c) => ({ value: c, label: t(categoryKey(c)) }))} />
      <Textfield id="eq-devices-month" name="month" type="month" label={t('eq.devices.month')} value={draft.maned}
        onChange={(e) => setDraft((d) => ({ ...d, maned: e.target.value }))} />
      <Textfield id="eq-devices-q" name="q" type="search" label={t('eq.devices.search')} value={draft.q}
        onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))} />
      <Button type="submit">{t('eq.status.show')}</Button>
    </form>
  );
}
