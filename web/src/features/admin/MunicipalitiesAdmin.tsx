// Member municipalities and their membership periods (joined / left) in the cooperation.
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api, ok, type TApiSchema } from '../../api/client';
import { useAdminT } from './messages';
import { formatDate } from '../../i18n/format';
import { RowButton } from '../forms/RowButton';
import { DataTable } from '../tables/DataTable';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import { PanelForm } from '../forms/PanelForm';
import { LoadError, Loading } from '../shell/states';
import type { TMembership } from '../meetings/types';
import { useInstallCooperation } from '../shell/cooperation';
import { useAdminWrite, useEditing, useMemberships, useMunicipalities } from './api';

export function MunicipalitiesAdmin() {
  const t = useAdminT();
  const municipalities = useMunicipalities();
  const cooperation = useInstallCooperation().data;
  const memberships = useMemberships(cooperation?.id);
  const [name, setName] = useState('');
  const [number, setNumber] = useState('');
  const createMunicipality = useAdminWrite((input: TApiSchema<'CreateMunicipalityRequest'>) => ok(api.POST('/api/municipalities', { body: input })));
  const deleteMunicipality = useAdminWrite((id: string) => ok(api.DELETE('/api/municipalities/{id}', { params: { path: { id } } })));
  const [municipalityId, setMunicipalityId] = useState('');
  const [joined, setJoined] = useState('');
  const [left, setLeft] = useState('');
  const createMembership = useAdminWrite((input: TApiSchema<'CreateMembershipRequest'>) =>
    ok(api.POST('/api/cooperations/{cooperationId}/memberships', { params: { path: { cooperationId: cooperation!.id } }, body: input })));
  const deleteMembership = useAdminWrite((id: string) => ok(api.DELETE('/api/memberships/{id}', { params: { path: { id } } })));
  const { editing, open: setEditing, key: editKey, reload } = useEditing(memberships.data);

  function addMunicipality() {
    createMunicipality.mutate({ name, number: number.trim() || null }, { onSuccess: () => { setName(''); setNumber(''); } });
  }
  function addMembership() {
    createMembership.mutate({ municipalityId, joined, left: left || null }, { onSuccess: () => { setMunicipalityId(''); setJoined(''); setLeft(''); } });
  }

  if (municipalities.isPending) return <Loading />;
  if (municipalities.error) return <LoadError error={municipalities.error} />;
  return (
    <div className="stack-lg">
      <section className="stack" aria-labelledby="municipalities-heading">
        <Heading level={2} data-size="md" id="municipalities-heading">{t('admin.municipalities')}</Heading>
        <FormErrors form="municipality-delete" error={deleteMunicipality.error} />
        <DataTable labelledBy="municipalities-heading" columns={[t('common.name'), t('admin.municipalityNumber'), t('common.actions')]}>
          {municipalities.data.map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell>{m.name}</Table.Cell>
              <Table.Cell>{m.number ?? ''}</Table.Cell>
              <Table.Cell>
                <RowButton variant="tertiary" danger label={t('common.delete')} rowName={m.name} onClick={() => deleteMunicipality.mutate(m.id)} />
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
        <PanelForm form="municipality" headingId="new-municipality-heading" title={t('admin.newMunicipality')} error={createMunicipality.error}
          labels={{ name: t('common.name'), number: t('admin.municipalityNumber') }}
          onSubmit={addMunicipality} submitLabel={t('admin.addMunicipality')} pending={createMunicipality.isPending}>
          <TextField form="municipality" name="name" label={t('common.name')} value={name} onChange={setName} required error={createMunicipality.error} />
          <TextField form="municipality" name="number" label={t('admin.municipalityNumber')} value={number} onChange={setNumber} error={createMunicipality.error} />
        </PanelForm>
      </section>

      <section className="stack" aria-labelledby="memberships-heading">
        <Heading level={2} data-size="md" id="memberships-heading">{t('admin.memberships', { name: cooperation?.name ?? '' })}</Heading>
        {!cooperation ? <Paragraph>{t('admin.noCooperation')}</Paragraph> : memberships.isPending ? <Loading /> : memberships.error ? <LoadError error={memberships.error} /> : (
          <>
            <FormErrors form="membership-delete" error={deleteMembership.error} />
            <DataTable labelledBy="memberships-heading" columns={[t('admin.municipality'), t('admin.joined'), t('admin.left'), t('common.actions')]}>
              {memberships.data.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>{m.municipalityName}</Table.Cell>
                  <Table.Cell>{formatDate(m.joined)}</Table.Cell>
                  <Table.Cell>{formatDate(m.left)}</Table.Cell>
                  <Table.Cell>
                    <div className="actions">
                      <RowButton label={t('common.edit')} rowName={m.municipalityName} onClick={() => setEditing(m)} />
                      <RowButton variant="tertiary" danger label={t('common.delete')} rowName={m.municipalityName} onClick={() => deleteMembership.mutate(m.id)} />
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </DataTable>
            {editing ? <EditMembership key={editKey} membership={editing} onDone={() => setEditing(null)} onReload={reload} /> : (
              <PanelForm form="membership" headingId="new-membership-heading" title={t('admin.newMembership')} error={createMembership.error}
                labels={{ municipalityId: t('admin.municipality'), joined: t('admin.joined'), left: t('admin.left') }}
                onSubmit={addMembership} submitLabel={t('admin.addMembership')} pending={createMembership.isPending}>
                <SelectField form="membership" name="municipalityId" label={t('admin.municipality')} value={municipalityId} onChange={setMunicipalityId}
                  placeholder={t('admin.chooseMunicipality')} options={municipalities.data.map((m) => ({ value: m.id, label: m.name }))} error={createMembership.error} />
                <TextField form="membership" name="joined" type="date" label={t('admin.joined')} value={joined} onChange={setJoined} error={createMembership.error} />
                <TextField form="membership" name="left" type="date" label={t('admin.left')} value={left} onChange={setLeft} error={createMembership.error} />
              </PanelForm>
            )}
          </>
        )}
      </section>
    </div>
  );
}

function EditMembership({ membership, onDone, onReload }: { membership: TMembership; onDone: () => void; onReload: () => void }) {
  const t = useAdminT();
  const [joined, setJoined] = useState(membership.joined);
  const [left, setLeft] = useState(membership.left ?? '');
  const save = useAdminWrite((input: TApiSchema<'UpdateMembershipRequest'>) =>
    ok(api.PATCH('/api/memberships/{id}', { params: { path: { id: membership.id } }, body: input })));
  return (
    <PanelForm form="edit-membership" headingId="edit-membership-heading" title={t('admin.editMembership', { name: membership.municipalityName })}
      error={save.error} labels={{ joined: t('admin.joined'), left: t('admin.left') }} onReload={onReload}
      onSubmit={() => save.mutate({ revision: membership.revision, joined, left: left || null }, { onSuccess: onDone })} submitLabel={t('common.save')} pending={save.isPending} onCancel={onDone}>
      <TextField form="edit-membership" name="joined" type="date" label={t('admin.joined')} value={joined} onChange={setJoined} error={save.error} />
      <TextField form="edit-membership" name="left" type="date" label={t('admin.left')} value={left} onChange={setLeft} error={save.error} />
    </PanelForm>
  );
}
