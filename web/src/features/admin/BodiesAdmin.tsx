// Bodies (organer) with their numbering scheme and validity period (an ended body keeps its history and
// is left out of the list unless asked for), and each body's members (BodyMembersAdmin).
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api, ok, type TApiSchema } from '../../api/client';
import { useAdminT } from './messages';
import { formatDate } from '../../i18n/format';
import { RowButton } from '../forms/RowButton';
import { DataTable } from '../tables/DataTable';
import { CheckboxField, FormErrors, SelectField, TextField } from '../forms/fields';
import { PanelForm } from '../forms/PanelForm';
import { LoadError, Loading } from '../shell/states';
import type { TBody } from '../meetings/types';
import { useInstallCooperation } from '../shell/cooperation';
import { useAdminBodies, useAdminWrite, useEditing } from './api';
import { BodyMembersAdmin, todayIso } from './BodyMembersAdmin';
import { CasePatternField } from './CasePatternField';

/** Ended: the body's last day is before today (as the server's `current` reads it). */
const hasEnded = (b: { validTo: string | null }) => b.validTo !== null && b.validTo < todayIso();

export function BodiesAdmin() {
  const t = useAdminT();
  const bodies = useAdminBodies();
  const cooperation = useInstallCooperation().data;
  const [selected, setSelected] = useState('');
  const [showEnded, setShowEnded] = useState(false);
  const { editing, open: setEditing, key: editKey, reload } = useEditing(bodies.data);
  const [name, setName] = useState('');
  const [kind, setKind] = useState('rad');
  const [caseNumbering, setNumbering] = useState<'meeting' | 'running'>('meeting');
  const [casePrefix, setPrefix] = useState('');
  const [casePattern, setPattern] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const create = useAdminWrite((input: TApiSchema<'CreateBodyRequest'>) => ok(api.POST('/api/bodies', { body: input })));
  const toggle = useAdminWrite(({ id, active, revision }: { id: string; active: boolean; revision: number }) =>
    ok(api.PATCH('/api/bodies/{id}', { params: { path: { id } }, body: { active, revision } })));

  function submit() {
    // Saved, the form starts over, numbering too: a running scheme left chosen with the prefix emptied
    // would refuse the next body.
    create.mutate({
      cooperationId: cooperation?.id ?? '', name, kind, caseNumbering, casePrefix: casePrefix.trim() || null, casePattern: casePattern.trim() || null,
      validFrom: validFrom || null, validTo: validTo || null,
    }, { onSuccess: () => { setName(''); setNumbering('meeting'); setPrefix(''); setPattern(''); setValidFrom(''); setValidTo(''); } });
  }

  if (bodies.isPending) return <Loading />;
  if (bodies.error) return <LoadError error={bodies.error} />;
  const body = bodies.data.find((b) => b.id === selected);
  const ended = bodies.data.filter(hasEnded).length;
  const rows = bodies.data.filter((b) => showEnded || !hasEnded(b));
  return (
    <div className="stack-lg">
      <section className="stack" aria-labelledby="bodies-heading">
        <Heading level={2} data-size="md" id="bodies-heading">{t('admin.bodies')}</Heading>
        <CheckboxField form="bodies" name="showEnded" label={t('admin.showEndedBodies', { count: ended })} checked={showEnded} onChange={setShowEnded} />
        <FormErrors form="body-toggle" error={toggle.error} onReload={() => toggle.reset()} />
        <DataTable labelledBy="bodies-heading" columns={[t('common.name'), t('admin.bodyKind'), t('admin.numbering'), t('admin.validPeriod'), t('admin.active'), t('common.actions')]}>
          {rows.map((b) => (
            <Table.Row key={b.id}>
              <Table.Cell>{b.name}</Table.Cell>
              <Table.Cell>{b.kind}</Table.Cell>
              <Table.Cell>{b.casePattern ? <code>{b.casePattern}</code> : b.caseNumbering === 'running' ? t('admin.numberingRunning', { prefix: b.casePrefix ?? '' }) : t('admin.numberingMeeting')}</Table.Cell>
              <Table.Cell>{periodText(t, b.validFrom, b.validTo)}</Table.Cell>
              <Table.Cell>{b.active ? t('common.yes') : t('common.no')}</Table.Cell>
              <Table.Cell>
                <div className="actions">
                  <RowButton label={t('admin.showMembers')} rowName={b.name} pressed={selected === b.id} onClick={() => setSelected(b.id)} />
                  <RowButton label={t('common.edit')} rowName={b.name} onClick={() => setEditing(b)} />
                  <RowButton variant="tertiary" label={b.active ? t('admin.deactivate') : t('admin.activate')} rowName={b.name}
                    onClick={() => toggle.mutate({ id: b.id, active: !b.active, revision: b.revision })} />
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
        {editing ? <EditBody key={editKey} body={editing} onDone={() => setEditing(null)} onReload={reload} /> : (
        <PanelForm form="body" headingId="new-body-heading" title={t('admin.newBody')} error={create.error}
          labels={{
            name: t('common.name'), kind: t('admin.bodyKind'), caseNumbering: t('admin.numbering'), casePrefix: t('admin.casePrefix'),
            cooperationId: t('admin.cooperation'), validFrom: t('admin.validFrom'), validTo: t('admin.validTo'), casePattern: t('admin.casePattern'),
          }}
          onSubmit={submit} submitLabel={t('admin.addBody')} pending={create.isPending}>
          <TextField form="body" name="name" label={t('common.name')} value={name} onChange={setName} required error={create.error} />
          <TextField form="body" name="kind" label={t('admin.bodyKind')} value={kind} onChange={setKind} error={create.error} />
          <SelectField form="body" name="caseNumbering" label={t('admin.numbering')} value={caseNumbering}
            onChange={(v) => setNumbering(v as 'meeting' | 'running')} error={create.error}
            options={[{ value: 'meeting', label: t('admin.numberingMeeting') }, { value: 'running', label: t('admin.numberingRunning', { prefix: 'ST' }) }]} />
          <TextField form="body" name="casePrefix" label={t('admin.casePrefix')} value={casePrefix} onChange={setPrefix} error={create.error} />
          <CasePatternField form="body" value={casePattern} onChange={setPattern} error={create.error} caseNumbering={caseNumbering} casePrefix={casePrefix} />
          <TextField form="body" name="validFrom" type="date" label={t('admin.validFrom')} value={validFrom} onChange={setValidFrom} error={create.error} />
          <TextField form="body" name="validTo" type="date" label={t('admin.validTo')} value={validTo} onChange={setValidTo}
            description={t('admin.validToHint')} error={create.error} />
        </PanelForm>
        )}
      </section>
      {body ? <BodyMembersAdmin key={body.id} bodyId={body.id} bodyName={body.name} /> : <Paragraph>{t('admin.chooseBody')}</Paragraph>}
    </div>
  );
}

/** «01.01.2022–31.12.2023», «fra 01.01.2024», or «—» for a body with no period. */
export function periodText(t: ReturnType<typeof useAdminT>, from: string | null, to: string | null): string {
  if (from && to) return `${formatDate(from)}–${formatDate(to)}`;
  if (from) return t('admin.periodFrom', { date: formatDate(from) });
  if (to) return t('admin.periodTo', { date: formatDate(to) });
  return t('admin.periodOpen');
}

function EditBody({ body, onDone, onReload }: { body: TBody; onDone: () => void; onReload: () => void }) {
  const t = useAdminT();
  const [name, setName] = useState(body.name);
  const [kind, setKind] = useState(body.kind);
  const [caseNumbering, setNumbering] = useState(body.caseNumbering);
  const [casePrefix, setPrefix] = useState(body.casePrefix ?? '');
  const [casePattern, setPattern] = useState(body.casePattern ?? '');
  const [validFrom, setValidFrom] = useState(body.validFrom ?? '');
  const [validTo, setValidTo] = useState(body.validTo ?? '');
  const save = useAdminWrite((input: TApiSchema<'UpdateBodyRequest'>) =>
    ok(api.PATCH('/api/bodies/{id}', { params: { path: { id: body.id } }, body: input })));
  const labels = {
    name: t('common.name'), kind: t('admin.bodyKind'), caseNumbering: t('admin.numbering'), casePrefix: t('admin.casePrefix'),
    validFrom: t('admin.validFrom'), validTo: t('admin.validTo'), casePattern: t('admin.casePattern'),
  };
  return (
    <PanelForm form="edit-body" headingId="edit-body-heading" title={t('admin.editBody', { name: body.name })} error={save.error} labels={labels}
      onReload={onReload}
      onSubmit={() => save.mutate({
        revision: body.revision, name, kind, caseNumbering, casePrefix: casePrefix.trim() || null, casePattern: casePattern.trim(),
        validFrom: validFrom || null, validTo: validTo || null,
      }, { onSuccess: onDone })}
      submitLabel={t('common.save')} pending={save.isPending} onCancel={onDone}>
      <TextField form="edit-body" name="name" label={labels.name} value={name} onChange={setName} required error={save.error} />
      <TextField form="edit-body" name="kind" label={labels.kind} value={kind} onChange={setKind} error={save.error} />
      <SelectField form="edit-body" name="caseNumbering" label={labels.caseNumbering} value={caseNumbering}
        onChange={(v) => setNumbering(v as 'meeting' | 'running')} error={save.error}
        options={[{ value: 'meeting', label: t('admin.numberingMeeting') }, { value: 'running', label: t('admin.numberingRunning', { prefix: casePrefix || 'ST' }) }]} />
      <TextField form="edit-body" name="casePrefix" label={labels.casePrefix} value={casePrefix} onChange={setPrefix} error={save.error} />
      <CasePatternField form="edit-body" value={casePattern} onChange={setPattern} error={save.error} caseNumbering={caseNumbering} casePrefix={casePrefix} />
      <TextField form="edit-body" name="validFrom" type="date" label={labels.validFrom} value={validFrom} onChange={setValidFrom} error={save.error} />
      <TextField form="edit-body" name="validTo" type="date" label={labels.validTo} value={validTo} onChange={setValidTo}
        description={t('admin.validToHint')} error={save.error} />
    </PanelForm>
  );
}
