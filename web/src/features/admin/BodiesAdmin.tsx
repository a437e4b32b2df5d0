// Bodies (organer) with their numbering scheme, and each body's members: role, municipality
// represented and period.
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api, ok, type TApiSchema } from '../../api/client';
import { useAdminT } from './messages';
import { formatDate } from '../../i18n/format';
import { RowButton } from '../forms/RowButton';
import { DataTable } from '../tables/DataTable';
import { CheckboxField, FormErrors, SelectField, TextField } from '../forms/fields';
import { PanelForm } from '../forms/PanelForm';
import { personLabel } from '../meetings/format';
import { LoadError, Loading } from '../shell/states';
import type { TBody } from '../meetings/types';
import { useInstallCooperation } from '../shell/cooperation';
import { useAdminBodies, useAdminPeople, useAdminWrite, useEditing, useMembersOf, useMunicipalities } from './api';
import { BODY_MEMBER_ROLES, type TBodyMemberRole } from '../../../../src/modules/org/vocabulary';

export function BodiesAdmin() {
  const t = useAdminT();
  const bodies = useAdminBodies();
  const cooperation = useInstallCooperation().data;
  const [selected, setSelected] = useState('');
  const { editing, open: setEditing, key: editKey, reload } = useEditing(bodies.data);
  const [name, setName] = useState('');
  const [kind, setKind] = useState('rad');
  const [caseNumbering, setNumbering] = useState<'meeting' | 'running'>('meeting');
  const [casePrefix, setPrefix] = useState('');
  const create = useAdminWrite((input: TApiSchema<'CreateBodyRequest'>) => ok(api.POST('/api/bodies', { body: input })));
  const toggle = useAdminWrite(({ id, active, revision }: { id: string; active: boolean; revision: number }) =>
    ok(api.PATCH('/api/bodies/{id}', { params: { path: { id } }, body: { active, revision } })));

  function submit() {
    create.mutate({ cooperationId: cooperation?.id ?? '', name, kind, caseNumbering, casePrefix: casePrefix.trim() || null },
      { onSuccess: () => { setName(''); setPrefix(''); } });
  }

  if (bodies.isPending) return <Loading />;
  if (bodies.error) return <LoadError error={bodies.error} />;
  const body = bodies.data.find((b) => b.id === selected);
  return (
    <div className="stack-lg">
      <section className="stack" aria-labelledby="bodies-heading">
        <Heading level={2} data-size="md" id="bodies-heading">{t('admin.bodies')}</Heading>
        <FormErrors form="body-toggle" error={toggle.error} onReload={() => toggle.reset()} />
        <DataTable labelledBy="bodies-heading" columns={[t('common.name'), t('admin.bodyKind'), t('admin.numbering'), t('admin.active'), t('common.actions')]}>
          {bodies.data.map((b) => (
            <Table.Row key={b.id}>
              <Table.Cell>{b.name}</Table.Cell>
              <Table.Cell>{b.kind}</Table.Cell>
              <Table.Cell>{b.caseNumbering === 'running' ? t('admin.numberingRunning', { prefix: b.casePrefix ?? '' }) : t('admin.numberingMeeting')}</Table.Cell>
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
          labels={{ name: t('common.name'), kind: t('admin.bodyKind'), caseNumbering: t('admin.numbering'), casePrefix: t('admin.casePrefix'), cooperationId: t('admin.cooperation') }}
          onSubmit={submit} submitLabel={t('admin.addBody')} pending={create.isPending}>
          <TextField form="body" name="name" label={t('common.name')} value={name} onChange={setName} required error={create.error} />
          <TextField form="body" name="kind" label={t('admin.bodyKind')} value={kind} onChange={setKind} error={create.error} />
          <SelectField form="body" name="caseNumbering" label={t('admin.numbering')} value={caseNumbering}
            onChange={(v) => setNumbering(v as 'meeting' | 'running')} error={create.error}
            options={[{ value: 'meeting', label: t('admin.numberingMeeting') }, { value: 'running', label: t('admin.numberingRunning', { prefix: 'ST' }) }]} />
          <TextField form="body" name="casePrefix" label={t('admin.casePrefix')} value={casePrefix} onChange={setPrefix} error={create.error} />
        </PanelForm>
        )}
      </section>
      {body ? <BodyMembers key={body.id} bodyId={body.id} bodyName={body.name} /> : <Paragraph>{t('admin.chooseBody')}</Paragraph>}
    </div>
  );
}

function BodyMembers({ bodyId, bodyName }: { bodyId: string; bodyName: string }) {
  const t = useAdminT();
  const members = useMembersOf(bodyId);
  const people = useAdminPeople();
  const municipalities = useMunicipalities();
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState<TBodyMemberRole>('medlem');
  const [municipalityId, setMunicipalityId] = useState('');
  const [fromDate, setFrom] = useState('');
  const [toDate, setTo] = useState('');
  const [onlyCurrent, setOnlyCurrent] = useState(true);
  const add = useAdminWrite((input: TApiSchema<'CreateBodyMemberRequest'>) =>
    ok(api.POST('/api/bodies/{id}/members', { params: { path: { id: bodyId } }, body: input })));
  const remove = useAdminWrite((id: string) => ok(api.DELETE('/api/body-members/{id}', { params: { path: { id } } })));
  const end = useAdminWrite(({ id, toDate, revision }: { id: string; toDate: string; revision: number }) =>
    ok(api.PATCH('/api/body-members/{id}', { params: { path: { id } }, body: { toDate, revision } })));
  const today = new Date().toISOString().slice(0, 10);

  function submit() {
    add.mutate({ personId, role, municipalityId: municipalityId || null, fromDate, toDate: toDate || null },
      { onSuccess: () => { setPersonId(''); setFrom(''); setTo(''); } });
  }

  const rows = (members.data ?? []).filter((m) => !onlyCurrent || !m.toDate || m.toDate >= today);
  return (
    <section className="stack" aria-labelledby="members-heading">
      <Heading level={2} data-size="md" id="members-heading">{t('admin.membersOf', { name: bodyName })}</Heading>
      <CheckboxField form="members" name="onlyCurrent" label={t('admin.onlyCurrent')} checked={onlyCurrent} onChange={setOnlyCurrent} />
      <FormErrors form="member-change" error={remove.error ?? end.error} onReload={() => { remove.reset(); end.reset(); }} />
      {members.isPending ? <Loading /> : members.error ? <LoadError error={members.error} /> : (
        <DataTable labelledBy="members-heading" columns={[t('common.name'), t('admin.memberRole'), t('admin.municipality'), t('common.from'), t('common.to'), t('common.actions')]}>
          {rows.map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell>{personLabel(m)}</Table.Cell>
              <Table.Cell>{t(`memberRole.${m.role}`)}</Table.Cell>
              <Table.Cell>{m.municipalityName ?? ''}</Table.Cell>
              <Table.Cell>{formatDate(m.fromDate)}</Table.Cell>
              <Table.Cell>{formatDate(m.toDate)}</Table.Cell>
              <Table.Cell>
                <div className="actions">
                  {!m.toDate ? (
                    <RowButton label={t('admin.endMembership')} rowName={personLabel(m)} onClick={() => end.mutate({ id: m.id, toDate: today, revision: m.revision })} />
                  ) : null}
                  <RowButton variant="tertiary" danger label={t('common.delete')} rowName={personLabel(m)} onClick={() => remove.mutate(m.id)} />
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
      <PanelForm form="member" headingId="new-member-heading" title={t('admin.newMember')} error={add.error}
        labels={{ personId: t('admin.person'), role: t('admin.memberRole'), municipalityId: t('admin.municipality'), fromDate: t('common.from'), toDate: t('common.to') }}
        onSubmit={submit} submitLabel={t('admin.addMember')} pending={add.isPending}>
        <SelectField form="member" name="personId" label={t('admin.person')} value={personId} onChange={setPersonId} error={add.error}
          placeholder={t('case.choosePersonPlaceholder')}
          options={(people.data ?? []).slice().sort((a, b) => personLabel(a).localeCompare(personLabel(b), 'nb')).map((p) => ({ value: p.id, label: personLabel(p) }))} />
        <SelectField form="member" name="role" label={t('admin.memberRole')} value={role} onChange={(v) => setRole(v as typeof role)} error={add.error}
          options={BODY_MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRole.${r}`) }))} />
        <SelectField form="member" name="municipalityId" label={t('admin.municipality')} value={municipalityId} onChange={setMunicipalityId} error={add.error}
          placeholder={t('common.none')} options={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
        <TextField form="member" name="fromDate" type="date" label={t('common.from')} value={fromDate} onChange={setFrom} error={add.error} />
        <TextField form="member" name="toDate" type="date" label={t('common.to')} value={toDate} onChange={setTo} error={add.error} />
      </PanelForm>
    </section>
  );
}

function EditBody({ body, onDone, onReload }: { body: TBody; onDone: () => void; onReload: () => void }) {
  const t = useAdminT();
  const [name, setName] = useState(body.name);
  const [kind, setKind] = useState(body.kind);
  const [caseNumbering, setNumbering] = useState(body.caseNumbering);
  const [casePrefix, setPrefix] = useState(body.casePrefix ?? '');
  const save = useAdminWrite((input: TApiSchema<'UpdateBodyRequest'>) =>
    ok(api.PATCH('/api/bodies/{id}', { params: { path: { id: body.id } }, body: input })));
  const labels = { name: t('common.name'), kind: t('admin.bodyKind'), caseNumbering: t('admin.numbering'), casePrefix: t('admin.casePrefix') };
  return (
    <PanelForm form="edit-body" headingId="edit-body-heading" title={t('admin.editBody', { name: body.name })} error={save.error} labels={labels}
      onReload={onReload}
      onSubmit={() => save.mutate({ revision: body.revision, name, kind, caseNumbering, casePrefix: casePrefix.trim() || null }, { onSuccess: onDone })}
      submitLabel={t('common.save')} pending={save.isPending} onCancel={onDone}>
      <TextField form="edit-body" name="name" label={labels.name} value={name} onChange={setName} required error={save.error} />
      <TextField form="edit-body" name="kind" label={labels.kind} value={kind} onChange={setKind} error={save.error} />
      <SelectField form="edit-body" name="caseNumbering" label={labels.caseNumbering} value={caseNumbering}
        onChange={(v) => setNumbering(v as 'meeting' | 'running')} error={save.error}
        options={[{ value: 'meeting', label: t('admin.numberingMeeting') }, { value: 'running', label: t('admin.numberingRunning', { prefix: casePrefix || 'ST' }) }]} />
      <TextField form="edit-body" name="casePrefix" label={labels.casePrefix} value={casePrefix} onChange={setPrefix} error={save.error} />
    </PanelForm>
  );
}
