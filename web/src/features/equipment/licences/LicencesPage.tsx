// The licences (/utstyr/lisenser; issue 13, seed 003 2024/M2-007): a product's month against its
// contract per municipality (the report block's table), the candidates for removal with the
// professional group's decisions, and, for staff, the month's import with its preview. Every figure and
// who may see which rows is the server's (licences.service.ts, policy.ts); the page only lays them out.
// The month is chosen among the imported ones, so the address and the choice never name an empty month.
import { Alert, Button, Field, Fieldset, Heading, Input, Label, Paragraph, Radio, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useFormatMonth, useI18n } from '../../../i18n';
import { formatDate, formatDateTime, formatMonth } from '../../../i18n/format';
import { useSession } from '../../auth/session';
import { FormErrors, SelectField, TextField, useFocusFirstField } from '../../forms/fields';
import { PanelForm } from '../../forms/PanelForm';
import { useMunicipalities } from '../api';
import { IssuesTable, refusedFileOf } from '../../servicedesk/import/IssuesTable';
import { PageIntro } from '../../shell/PageHeading';
import { LoadError, Loading } from '../../shell/states';
import { DataTable } from '../../tables/DataTable';
import { TableFrame } from '../../tables/TableFrame';
import { EquipmentTabs, formatCount } from '../EquipmentTabs';
import {
  useAddLicenceContract, useCreateLicenceProduct, useDecideLicence, useImportLicenceUsage, useLicenceCandidates, useLicenceImportMappings, useLicenceMonth, useLicenceProducts, usePreviewLicenceImport,
  type TLicenceCandidate, type TLicenceImportPreview, type TLicenceMonth, type TLicenceProduct,
} from './api';
import { MappingsSection, ProductSection } from '../forms/LicenceForms';
import { useEqlT } from './messages';

export type TLicenceSearch = { produkt?: string; maned?: string };

/** Over the contract with a plus, under with a minus sign (U+2212), as the paper prints a deviation. */
const formatDifference = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v > 0 ? `+${formatCount(v)}` : v < 0 ? `\u2212${formatCount(-v)}` : '0');

const decisionKey = (d: 'keep' | 'remove') => (d === 'keep' ? 'eql.decision.keep' as const : 'eql.decision.remove' as const);

/** Last month, the one a monthly report normally covers. */
function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function LicencesPage({ search, onChange }: { search: TLicenceSearch; onChange: (next: TLicenceSearch) => void }) {
  const t = useEqlT();
  const { user } = useSession();
  const staff = user?.role === 'staff' || user?.role === 'admin';
  const products = useLicenceProducts();
  const product = products.data?.find((p) => p.id === search.produkt) ?? products.data?.[0];
  return (
    <div className="stack">
      <PageIntro heading={t('eql.heading')}>{t('eql.intro')}</PageIntro>
      <EquipmentTabs current="/utstyr/lisenser" />
      {products.isPending ? <Loading /> : products.isError ? <LoadError error={products.error} /> : !product ? (
        <Paragraph>{t('eql.none')}</Paragraph>
      ) : (
        <>
          <Filters key={`${product.id}|${search.maned ?? ''}`} products={products.data} productId={product.id} month={search.maned} onChange={onChange} />
          <MonthSection product={product} month={search.maned} />
          {user?.role === 'council' ? null : <CandidatesSection product={product} month={search.maned} canDecide={staff} />}
          {staff ? <ImportSection product={product} onImported={(month) => onChange({ produkt: product.id, maned: month })} /> : null}
          <ContractsSection product={product} canEdit={staff} />
          {staff ? <ProductSection key={product.id} product={product} /> : null}
        </>
      )}
      {staff && !products.isPending ? <ProductForm onCreated={(id) => onChange({ produkt: id })} /> : null}
      {staff && !products.isPending ? <MappingsSection /> : null}
    </div>
  );
}

function Filters({ products, productId, month, onChange }: {
  products: TLicenceProduct[]; productId: string; month?: string; onChange: (next: TLicenceSearch) => void;
}) {
  const t = useEqlT();
  const monthName = useFormatMonth();
  const [draft, setDraft] = useState({ produkt: productId, maned: month ?? '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ produkt: draft.produkt, maned: draft.maned || undefined });
  };
  return (
    <form className="row" aria-label={t('eql.filters')} onSubmit={submit} noValidate>
      <SelectField form="eql-filters" name="product" label={t('eql.product')} value={draft.produkt}
        onChange={(v) => setDraft({ produkt: v, maned: '' })} options={products.map((p) => ({ value: p.id, label: p.name }))} />
      <SelectField form="eql-filters" name="month" label={t('eql.month')} value={draft.maned} placeholder={t('eql.newest')}
        onChange={(v) => setDraft((d) => ({ ...d, maned: v }))}
        options={(products.find((p) => p.id === draft.produkt)?.months ?? []).map((m) => ({ value: m, label: monthName(m, { long: true }) }))} />
      <Button type="submit">{t('eql.show')}</Button>
    </form>
  );
}

function MonthSection({ product, month }: { product: TLicenceProduct; month?: string }) {
  const t = useEqlT();
  const view = useLicenceMonth(product.id, month);
  if (view.isPending) return <Loading />;
  if (view.isError) return <LoadError error={view.error} />;
  if (!view.data.month) return <Paragraph>{t('eql.noMonth', { product: product.name })}</Paragraph>;
  return <MonthTable view={view.data} />;
}

export function MonthTable({ view }: { view: TLicenceMonth }) {
  const t = useEqlT();
  const { language } = useI18n();
  const caption = t('eql.monthCaption', { product: view.product, month: formatMonth(view.month!, { long: true, language }) });
  const n = (v: number | null) => (v === null ? t('eql.dash') : formatCount(v));
  const cols = [
    t('eql.col.contracted'), t('eql.col.active'), t('eql.col.listed'), t('eql.col.difference'), t('eql.col.candidates', { months: String(view.inactiveMonths) }),
  ];
  const figures = (f: TLicenceMonth['sum'], contracted?: string) => (
    <>
      <Table.Cell className="num">{contracted ?? n(f.contracted)}</Table.Cell>
      <Table.Cell className="num">{n(f.active)}</Table.Cell>
      <Table.Cell className="num">{n(f.listed)}</Table.Cell>
      <Table.Cell className="num">{formatDifference(f.difference)}</Table.Cell>
      <Table.Cell className="num">{n(f.candidates)}</Table.Cell>
    </>
  );
  const diff = view.sum.difference;
  return (
    <div className="stack">
      <Heading level={2} data-size="xs">{caption}</Heading>
      {diff !== null && diff !== 0 ? (
        <Paragraph data-testid="eql-summary">{diff > 0 ? t('eql.over', { count: formatCount(diff) }) : t('eql.under', { count: formatCount(-diff) })}</Paragraph>
      ) : null}
      <TableFrame caption={caption} testId="eql-month">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('eql.col.municipality')}</Table.HeaderCell>
            {cols.map((c) => <Table.HeaderCell key={c} scope="col" className="num">{c}</Table.HeaderCell>)}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {view.rows.map((r) => (
            <Table.Row key={r.municipalityId} data-testid={`eql-row-${r.municipality}`}>
              <Table.HeaderCell scope="row">{r.municipality}</Table.HeaderCell>
              {figures(r, r.inShared ? t('eql.inShared') : undefined)}
            </Table.Row>
          ))}
          {view.shared ? (
            <Table.Row data-testid="eql-row-shared">
              <Table.HeaderCell scope="row">{t('eql.shared')}</Table.HeaderCell>
              {figures(view.shared)}
            </Table.Row>
          ) : null}
        </Table.Body>
        <Table.Foot>
          <Table.Row className="sum-row" data-testid="eql-sum">
            <Table.HeaderCell scope="row">{t('eql.sum')}</Table.HeaderCell>
            {figures(view.sum)}
          </Table.Row>
        </Table.Foot>
      </TableFrame>
      <Paragraph data-size="sm">{t('eql.note')}</Paragraph>
    </div>
  );
}

function CandidatesSection({ product, month, canDecide }: { product: TLicenceProduct; month?: string; canDecide: boolean }) {
  const t = useEqlT();
  const { language } = useI18n();
  const list = useLicenceCandidates(product.id, month, true);
  // The candidate being decided on, by user, so a refetch keeps the form on fresh data.
  const [deciding, setDeciding] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const decide = useDecideLicence(product.id, (c) => {
    setDeciding(null);
    setSaved(t('eql.decision.saved', { user: c.user, decision: c.decision ? t(decisionKey(c.decision.decision)) : '' }));
  });
  const newest = product.months[0];
  const shownMonth = list.data?.month ?? null;
  const decidable = canDecide && shownMonth !== null && shownMonth === newest;
  const open = list.data?.candidates.find((c) => c.user === deciding);
  const monthName = (m: string) => formatMonth(m, { long: true, language });
  return (
    <section className="stack" aria-labelledby="eql-candidates-heading">
      <Heading level={2} data-size="sm" id="eql-candidates-heading">{t('eql.candidates.heading')}</Heading>
      {list.isPending ? <Loading /> : list.isError ? <LoadError error={list.error} /> : !shownMonth ? null : (
        <>
          <Paragraph>{t('eql.candidates.intro', { month: monthName(shownMonth), months: String(list.data.inactiveMonths) })}</Paragraph>
          {canDecide && !decidable && newest ? <Paragraph data-size="sm">{t('eql.candidates.olderMonth', { month: monthName(newest) })}</Paragraph> : null}
          {saved ? <Alert data-color="success" role="status"><Paragraph>{saved}</Paragraph></Alert> : null}
          {list.data.candidates.length === 0 ? <Paragraph>{t('eql.candidates.none')}</Paragraph> : (
            <DataTable caption={t('eql.candidates.caption', { month: monthName(shownMonth) })} testId="eql-candidates" columns={[
              t('eql.candidates.col.user'), t('eql.candidates.col.municipality'), t('eql.candidates.col.lastActive'),
              { label: t('eql.candidates.col.months'), numeric: true }, t('eql.candidates.col.decision'), ...(decidable ? [t('eql.candidates.col.action')] : []),
            ]}>
              {list.data.candidates.map((c) => (
                <Table.Row key={c.user} data-testid={`eql-candidate-${c.user}`}>
                  <Table.Cell>{c.user}</Table.Cell>
                  <Table.Cell>{c.municipality}</Table.Cell>
                  <Table.Cell>{c.lastSignInOn ? formatDate(c.lastSignInOn) : c.lastActiveMonth ? monthName(c.lastActiveMonth) : t('eql.candidates.never')}</Table.Cell>
                  <Table.Cell className="num">{formatCount(c.monthsInactive)}</Table.Cell>
                  <Table.Cell>
                    {c.decision ? t('eql.candidates.decided', {
                      decision: t(decisionKey(c.decision.decision)), who: c.decision.decidedByName, date: formatDateTime(c.decision.decidedAt),
                    }) : t('eql.candidates.undecided')}
                    {c.decision?.comment ? <><br />{c.decision.comment}</> : null}
                  </Table.Cell>
                  {decidable ? (
                    <Table.Cell>
                      {/* The name starts with the visible word (WCAG 2.5.3 Label in Name), then says whose row it is. */}
                      <Button type="button" variant="secondary" data-size="sm"
                        aria-label={t('eql.candidates.decideLabel', { action: c.decision ? t('eql.candidates.change') : t('eql.candidates.decide'), user: c.user })}
                        onClick={() => { decide.reset(); setSaved(null); setDeciding(c.user); }}>
                        {c.decision ? t('eql.candidates.change') : t('eql.candidates.decide')}
                      </Button>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </DataTable>
          )}
          {decidable && open ? (
            <DecisionForm key={`${open.user}|${open.decision?.revision ?? 0}`} candidate={open} pending={decide.isPending} error={decide.error}
              onCancel={() => setDeciding(null)}
              onSubmit={(decision, comment) => decide.mutate({ user: open.user, decision, comment: comment.trim() || null, revision: open.decision?.revision })} />
          ) : null}
        </>
      )}
    </section>
  );
}

function DecisionForm({ candidate, pending, error, onCancel, onSubmit }: {
  candidate: TLicenceCandidate; pending: boolean; error: unknown; onCancel: () => void; onSubmit: (decision: 'keep' | 'remove', comment: string) => void;
}) {
  const t = useEqlT();
  const [decision, setDecision] = useState<'keep' | 'remove'>(candidate.decision?.decision ?? 'remove');
  const [comment, setComment] = useState(candidate.decision?.comment ?? '');
  const ref = useFocusFirstField<HTMLFormElement>();
  return (
    <form ref={ref} className="panel stack" aria-labelledby="eql-decision-heading" noValidate onSubmit={(e) => { e.preventDefault(); onSubmit(decision, comment); }}>
      <Heading level={3} data-size="xs" id="eql-decision-heading">{t('eql.decision.heading', { user: candidate.user })}</Heading>
      <FormErrors form="eql-decision" error={error} labels={{ decision: t('eql.decision.choice'), comment: t('eql.decision.comment') }} />
      <Fieldset id="eql-decision-decision">
        <Fieldset.Legend>{t('eql.decision.choice')}</Fieldset.Legend>
        <div className="actions">
          {(['keep', 'remove'] as const).map((d) => (
            <Radio key={d} name="decision" value={d} label={t(decisionKey(d))} checked={decision === d} onChange={() => setDecision(d)} />
          ))}
        </div>
      </Fieldset>
      <TextField form="eql-decision" name="comment" label={t('eql.decision.comment')} value={comment} onChange={setComment} multiline rows={2} error={error} />
      <div className="actions">
        <Button type="submit" loading={pending}>{t('eql.decision.save')}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{t('eql.decision.cancel')}</Button>
      </div>
    </form>
  );
}

const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function ImportSection({ product, onImported }: { product: TLicenceProduct; onImported: (month: string) => void }) {
  const t = useEqlT();
  const { language } = useI18n();
  const mappings = useLicenceImportMappings(true);
  const preview = usePreviewLicenceImport();
  const importing = useImportLicenceUsage();
  const [source, setSource] = useState('');
  const [month, setMonth] = useState(lastMonth());
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    importing.reset();
    if (!file) {
      setMissing(true);
      fileRef.current?.focus();
      return;
    }
    preview.mutate({ file, productId: product.id, month, source });
  };
  const refused = refusedFileOf(preview.error) ?? refusedFileOf(importing.error);
  const otherError = refused ? null : preview.error ?? importing.error;
  const done = importing.data;
  return (
    <section className="stack" aria-labelledby="eql-import-heading">
      <Heading level={2} data-size="sm" id="eql-import-heading">{t('eql.import.heading')}</Heading>
      <Paragraph>{t('eql.import.intro')}</Paragraph>
      <form className="stack" aria-label={t('eql.import.formLabel')} onSubmit={submit} noValidate>
        <FormErrors form="eql-import" error={otherError} labels={{ file: t('eql.import.file'), month: t('eql.import.month') }} />
        <div className="row">
          <SelectField form="eql-import" name="source" label={t('eql.import.source')} value={source} placeholder={t('eql.import.sourceNone')}
            onChange={(v) => { setSource(v); preview.reset(); }} options={(mappings.data ?? []).map((m) => ({ value: m.source, label: m.source }))} />
          <Textfield id="eql-import-month" name="month" type="month" label={t('eql.import.month')} value={month}
            onChange={(e) => { setMonth(e.target.value); preview.reset(); }} />
        </div>
        <Field>
          <Label htmlFor="eql-import-file">{t('eql.import.file')}</Label>
          <Input id="eql-import-file" ref={fileRef} type="file" name="file" accept={ACCEPT} aria-invalid={missing ? true : undefined}
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setMissing(false); preview.reset(); importing.reset(); }} />
          {missing ? <ValidationMessage role="alert">{t('eql.import.chooseFile')}</ValidationMessage> : null}
        </Field>
        <div className="actions"><Button type="submit" loading={preview.isPending}>{t('eql.import.preview')}</Button></div>
      </form>
      {refused ? <IssuesTable {...refused} columnLabel={(c) => c} /> : null}
      {preview.data && !done ? (
        <PreviewView preview={preview.data} busy={importing.isPending}
          onImport={() => file && importing.mutate({ file, productId: product.id, month, source })} />
      ) : null}
      {done ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('eql.import.done', { users: formatCount(done.users), active: formatCount(done.active), month: formatMonth(done.month, { long: true, language }) })}</Paragraph>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => onImported(done.month)}>{t('eql.show')} {formatMonth(done.month, { long: true, language })}</Button>
        </Alert>
      ) : null}
    </section>
  );
}

function PreviewView({ preview, busy, onImport }: { preview: TLicenceImportPreview; busy: boolean; onImport: () => void }) {
  const t = useEqlT();
  const { language } = useI18n();
  const yesNo = (v: boolean) => (v ? t('eql.import.yes') : t('eql.import.no'));
  const r = preview.replaces;
  return (
    <section className="stack panel" aria-labelledby="eql-preview-heading" data-testid="eql-import-preview">
      <Heading level={3} data-size="xs" id="eql-preview-heading">{t('eql.import.previewHeading')}</Heading>
      <dl className="eq-summary" aria-label={t('eql.import.summary')}>
        {([['eql.import.rows', preview.rows], ['eql.import.users', preview.users], ['eql.import.active', preview.active], ['eql.import.inactive', preview.inactive]] as const)
          .map(([key, value]) => <div key={key}><dt>{t(key)}</dt><dd>{formatCount(value)}</dd></div>)}
      </dl>
      <Paragraph>{r ? t('eql.import.replaces', {
        month: formatMonth(preview.month, { long: true, language }), date: formatDateTime(r.importedAt), who: r.importedByName,
        users: formatCount(r.users), active: formatCount(r.active),
      }) : t('eql.import.new')}</Paragraph>
      <DataTable caption={t('eql.import.perMunicipality')} columns={[
        t('eql.import.col.municipality'), { label: t('eql.import.col.users'), numeric: true }, { label: t('eql.import.col.active'), numeric: true },
      ]}>
        {preview.municipalities.map((m) => (
          <Table.Row key={m.municipalityId}>
            <Table.Cell>{m.municipality}</Table.Cell>
            <Table.Cell className="num">{formatCount(m.users)}</Table.Cell>
            <Table.Cell className="num">{formatCount(m.active)}</Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
      <DataTable caption={t('eql.import.sampleCaption')} columns={[
        { label: t('eql.import.col.row'), numeric: true }, t('eql.import.col.user'), t('eql.import.col.municipality'),
        { label: t('eql.import.col.signIns'), numeric: true }, t('eql.import.col.lastSignIn'), t('eql.import.col.active'),
      ]}>
        {preview.sample.map((s) => (
          <Table.Row key={s.row}>
            <Table.Cell className="num">{s.row}</Table.Cell>
            <Table.Cell>{s.user}</Table.Cell>
            <Table.Cell>{s.municipality}</Table.Cell>
            <Table.Cell className="num">{s.signIns === null ? t('eql.dash') : formatCount(s.signIns)}</Table.Cell>
            <Table.Cell>{s.lastSignInOn ? formatDate(s.lastSignInOn) : t('eql.dash')}</Table.Cell>
            <Table.Cell>{yesNo(s.active)}</Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
      <div className="actions">
        <Button type="button" loading={busy} onClick={onImport}>{t('eql.import.import', { count: formatCount(preview.users) })}</Button>
      </div>
    </section>
  );
}

function ContractsSection({ product, canEdit }: { product: TLicenceProduct; canEdit: boolean }) {
  const t = useEqlT();
  const municipalities = useMunicipalities();
  const [saved, setSaved] = useState(false);
  const add = useAddLicenceContract(product.id, () => setSaved(true));
  const [draft, setDraft] = useState({ municipalityId: '', count: '', validFrom: '' });
  const set = (key: keyof typeof draft) => (value: string) => { setSaved(false); setDraft((d) => ({ ...d, [key]: value })); };
  const labels = { municipalityId: t('eql.contracts.municipality'), count: t('eql.contracts.count'), validFrom: t('eql.contracts.validFrom') };
  return (
    <section className="stack" aria-labelledby="eql-contracts-heading">
      <Heading level={2} data-size="sm" id="eql-contracts-heading">{t('eql.contracts.heading')}</Heading>
      {product.contracts.length === 0 ? <Paragraph>{t('eql.contracts.none')}</Paragraph> : (
        <DataTable caption={t('eql.contracts.caption', { product: product.name })} testId="eql-contracts" columns={[
          t('eql.contracts.col.municipality'), { label: t('eql.contracts.col.count'), numeric: true }, t('eql.contracts.col.validFrom'), t('eql.contracts.col.by'),
        ]}>
          {product.contracts.map((c) => (
            <Table.Row key={c.id}>
              <Table.Cell>{c.municipality ?? t('eql.contracts.shared')}</Table.Cell>
              <Table.Cell className="num">{formatCount(c.count)}</Table.Cell>
              <Table.Cell>{formatDate(c.validFrom)}</Table.Cell>
              <Table.Cell>{c.recordedByName}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
      {canEdit ? (
        <PanelForm form="eql-contract" headingId="eql-contract-form" title={t('eql.contracts.formHeading')} error={add.error} labels={labels}
          notice={<>
            <Paragraph>{t('eql.contracts.help')}</Paragraph>
            {saved ? <Paragraph role="status">{t('eql.contracts.saved')}</Paragraph> : null}
          </>}
          onSubmit={() => add.mutate({ municipalityId: draft.municipalityId || null, count: Number(draft.count === '' ? NaN : draft.count), validFrom: draft.validFrom })}
          submitLabel={t('eql.contracts.save')} pending={add.isPending}>
          <SelectField form="eql-contract" name="municipalityId" label={labels.municipalityId} value={draft.municipalityId} placeholder={t('eql.contracts.shared')}
            options={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} onChange={set('municipalityId')} error={add.error} />
          <TextField form="eql-contract" name="count" type="number" label={labels.count} value={draft.count} onChange={set('count')} error={add.error} />
          <TextField form="eql-contract" name="validFrom" type="date" label={labels.validFrom} value={draft.validFrom} onChange={set('validFrom')} error={add.error} />
        </PanelForm>
      ) : null}
    </section>
  );
}

function ProductForm({ onCreated }: { onCreated: (id: string) => void }) {
  const t = useEqlT();
  const [saved, setSaved] = useState<string | null>(null);
  const create = useCreateLicenceProduct((p) => { setSaved(p.name); onCreated(p.id); });
  const [draft, setDraft] = useState({ name: '', inactiveMonths: '4' });
  const labels = { name: t('eql.product.name'), inactiveMonths: t('eql.product.inactiveMonths') };
  return (
    <PanelForm form="eql-product" headingId="eql-product-form" title={t('eql.product.formHeading')} error={create.error} labels={labels}
      notice={saved ? <Paragraph role="status">{t('eql.product.saved', { name: saved })}</Paragraph> : null}
      onSubmit={() => create.mutate({ name: draft.name, inactiveMonths: Number(draft.inactiveMonths === '' ? NaN : draft.inactiveMonths) })}
      submitLabel={t('eql.product.save')} pending={create.isPending}>
      <TextField form="eql-product" name="name" label={labels.name} value={draft.name} onChange={(name) => { setSaved(null); setDraft((d) => ({ ...d, name })); }} error={create.error} autoComplete="off" />
      <TextField form="eql-product" name="inactiveMonths" type="number" label={labels.inactiveMonths} value={draft.inactiveMonths}
        onChange={(inactiveMonths) => setDraft((d) => ({ ...d, inactiveMonths }))} error={create.error} />
    </PanelForm>
  );
}
