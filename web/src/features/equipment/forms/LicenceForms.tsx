// Staff's licence forms on /utstyr/lisenser (issue 13): a product's name and N (the months without a
// sign-in that make a licence a candidate), at the revision the form was opened on (decision 0024), and
// the saved column mappings of the licence exports. A mapping has no revision: saving one replaces it
// whole, the last save wins (docs/decisions/0050).
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../../../i18n/format';
import { FormErrors, SelectField, TextField, useFocusFirstField } from '../../forms/fields';
import { PanelForm } from '../../forms/PanelForm';
import { useMunicipalities } from '../api';
import { DataTable } from '../../tables/DataTable';
import {
  useLicenceImportMappings, useSaveLicenceImportMapping, useUpdateLicenceProduct, type TLicenceProduct, type TSavedLicenceImportMapping,
} from '../licences/api';
import { Saved } from './StockForms';
import { useEqfT } from './messages';
import { useT } from '../../../i18n';

export function ProductSection({ product }: { product: TLicenceProduct }) {
  const t = useEqfT();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <section className="stack" aria-labelledby="eqf-lic-heading">
      <Heading level={2} data-size="sm" id="eqf-lic-heading">{t('eqf.lic.heading')}</Heading>
      <Paragraph data-testid="eqf-lic-summary">{t('eqf.lic.summary', { name: product.name, months: String(product.inactiveMonths) })}</Paragraph>
      {saved ? <Saved testId="eqf-lic-saved">{saved}</Saved> : null}
      {editing ? (
        <ProductEditForm key={product.id} product={product} onDone={(name) => { setEditing(false); setSaved(t('eqf.lic.saved', { name })); }}
          onCancel={() => setEditing(false)} />
      ) : (
        <div><Button type="button" variant="secondary" onClick={() => { setSaved(null); setEditing(true); }}>{t('eqf.lic.edit')}</Button></div>
      )}
    </section>
  );
}

function ProductEditForm({ product, onDone, onCancel }: { product: TLicenceProduct; onDone: (name: string) => void; onCancel: () => void }) {
  const t = useEqfT();
  const client = useQueryClient();
  const [opened, setOpened] = useState({ revision: product.revision, name: product.name, inactiveMonths: String(product.inactiveMonths) });
  const [draft, setDraft] = useState(opened);
  const update = useUpdateLicenceProduct(product.id, (p) => onDone(p.name));
  const ref = useFocusFirstField<HTMLDivElement>();
  const labels = { name: t('eqf.lic.name'), inactiveMonths: t('eqf.lic.inactiveMonths') };
  // The one retry path: the product as stored now, its revision and fields; what was typed is dropped.
  const reload = async () => {
    await client.refetchQueries({ queryKey: ['equipment', 'licences', 'products'] });
    const fresh = client.getQueryData<TLicenceProduct[]>(['equipment', 'licences', 'products'])?.find((p) => p.id === product.id);
    update.reset();
    if (!fresh) return onCancel();
    const next = { revision: fresh.revision, name: fresh.name, inactiveMonths: String(fresh.inactiveMonths) };
    setOpened(next);
    setDraft(next);
  };
  return (
    <div ref={ref}>
      <PanelForm form="eqf-lic" headingId="eqf-lic-form" title={t('eqf.lic.formHeading', { name: opened.name })} error={update.error} labels={labels}
        onReload={() => void reload()} onCancel={onCancel} pending={update.isPending} submitLabel={t('eqf.lic.save')}
        onSubmit={() => update.mutate({
          revision: opened.revision, name: draft.name,
          inactiveMonths: Number(draft.inactiveMonths.trim() === '' ? NaN : draft.inactiveMonths),
        })}>
        <TextField form="eqf-lic" name="name" label={labels.name} value={draft.name} onChange={(name) => setDraft((d) => ({ ...d, name }))} error={update.error} autoComplete="off" />
        <TextField form="eqf-lic" name="inactiveMonths" type="number" label={labels.inactiveMonths} value={draft.inactiveMonths}
          onChange={(inactiveMonths) => setDraft((d) => ({ ...d, inactiveMonths }))} error={update.error} />
      </PanelForm>
    </div>
  );
}

const FIELDS = ['user', 'municipality', 'lastSignIn', 'signIns'] as const;
type TField = (typeof FIELDS)[number];
const FIELD_KEYS = { user: 'eqf.map.user', municipality: 'eqf.map.municipality', lastSignIn: 'eqf.map.lastSignIn', signIns: 'eqf.map.signIns' } as const;

export function MappingsSection() {
  const t = useEqfT();
  const mappings = useLicenceImportMappings(true);
  const municipalities = useMunicipalities();
  const [editing, setEditing] = useState<TSavedLicenceImportMapping | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const name = (id: string | null | undefined) => (id ? municipalities.data?.find((m) => m.id === id)?.name ?? '' : '–');
  return (
    <section className="stack" aria-labelledby="eqf-map-heading">
      <Heading level={2} data-size="sm" id="eqf-map-heading">{t('eqf.map.heading')}</Heading>
      <Paragraph>{t('eqf.map.intro')}</Paragraph>
      {saved ? <Saved testId="eqf-map-saved">{saved}</Saved> : null}
      {!mappings.data?.length ? <Paragraph>{t('eqf.map.none')}</Paragraph> : (
        <DataTable caption={t('eqf.map.caption')} testId="eqf-mappings" columns={[
          t('eqf.map.col.source'), t('eqf.map.col.columns'), t('eqf.map.col.municipality'), t('eqf.map.col.updated'), t('eqf.map.col.action'),
        ]}>
          {mappings.data.map((m) => (
            <Table.Row key={m.source}>
              <Table.Cell>{m.source}</Table.Cell>
              <Table.Cell>{FIELDS.filter((f) => m.mapping.columns?.[f]).map((f) => `${t(FIELD_KEYS[f])}: ${m.mapping.columns![f]}`).join('; ') || '–'}</Table.Cell>
              <Table.Cell>{name(m.mapping.municipalityId)}</Table.Cell>
              <Table.Cell>{formatDateTime(m.updatedAt)}</Table.Cell>
              <Table.Cell>
                <Button type="button" variant="secondary" data-size="sm" aria-label={t('eqf.map.editLabel', { source: m.source })}
                  onClick={() => { setSaved(null); setEditing(m); }}>{t('eqf.map.col.action')}</Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
      {editing ? (
        <MappingForm key={editing === 'new' ? 'new' : editing.source} saved={editing === 'new' ? null : editing}
          onDone={(source) => { setEditing(null); setSaved(t('eqf.map.saved', { source })); }} onCancel={() => setEditing(null)} />
      ) : (
        <div><Button type="button" variant="secondary" onClick={() => { setSaved(null); setEditing('new'); }}>{t('eqf.map.new')}</Button></div>
      )}
    </section>
  );
}

function MappingForm({ saved, onDone, onCancel }: { saved: TSavedLicenceImportMapping | null; onDone: (source: string) => void; onCancel: () => void }) {
  const t = useEqfT();
  const common = useT();
  const municipalities = useMunicipalities();
  const [source, setSource] = useState(saved?.source ?? '');
  const [columns, setColumns] = useState<Record<TField, string>>(() => Object.fromEntries(FIELDS.map((f) => [f, saved?.mapping.columns?.[f] ?? ''])) as Record<TField, string>);
  const [municipalityId, setMunicipalityId] = useState(saved?.mapping.municipalityId ?? '');
  const save = useSaveLicenceImportMapping((s) => onDone(s.source));
  const ref = useFocusFirstField<HTMLFormElement>();
  const labels: Record<string, string> = { source: t('eqf.map.source'), municipalityId: t('eqf.map.fixed') };
  for (const f of FIELDS) labels[`columns.${f}`] = t(FIELD_KEYS[f]);
  const submit = () => save.mutate({
    // An empty source is sent as a blank, so the server's own 400 names the field (an empty path segment is no route).
    source: source.trim() || ' ',
    mapping: {
      columns: Object.fromEntries(FIELDS.filter((f) => columns[f].trim()).map((f) => [f, columns[f].trim()])),
      municipalityId: municipalityId || null,
    },
  });
  return (
    <form ref={ref} className="panel stack" noValidate aria-labelledby="eqf-map-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Heading level={3} data-size="xs" id="eqf-map-form">{saved ? t('eqf.map.formEdit', { source: saved.source }) : t('eqf.map.formNew')}</Heading>
      <FormErrors form="eqf-map" error={save.error} labels={labels}
        fields={(path) => (labels[path] ? { label: labels[path]!, name: path } : undefined)} />
      <div className="grid-form">
        <TextField form="eqf-map" name="source" label={labels.source!} value={source} onChange={setSource} error={save.error} readOnly={!!saved} autoComplete="off" />
        {FIELDS.map((f) => (
          <TextField key={f} form="eqf-map" name={`columns.${f}`} label={labels[`columns.${f}`]!} value={columns[f]} error={save.error} autoComplete="off"
            onChange={(v) => setColumns((c) => ({ ...c, [f]: v }))} />
        ))}
        <SelectField form="eqf-map" name="municipalityId" label={labels.municipalityId!} value={municipalityId} placeholder={t('eqf.map.fixedNone')}
          options={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} onChange={setMunicipalityId} error={save.error} />
      </div>
      <div className="actions">
        <Button type="submit" disabled={save.isPending}>{t('eqf.map.save')}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{common('common.cancel')}</Button>
      </div>
    </form>
  );
}
