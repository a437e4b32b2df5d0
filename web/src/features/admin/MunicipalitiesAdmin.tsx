// Member municipalities and their membership periods (joined / left) in the cooperation.
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { useT } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import { LoadError, Loading } from '../shell/states';
import type { TMembership } from '../meetings/types';
import { useAdminWrite, useCooperations, useMemberships, useMunicipalities } from './api';

export function MunicipalitiesAdmin() {
  const t = useT();
  const municipalities = useMunicipalities();
  const cooperations = useCooperations();
  const cooperation = cooperations.data?.[0];
  const memberships = useMemberships(cooperation?.id);
  const [name, setName] = useState('');
  const [number, setNumber] = useState('');
  const createMunicipality = useAdminWrite((input: { name: string; number: string | null }) => api.post('/api/municipalities', input));
  const deleteMunicipality = useAdminWrite((id: string) => api.delete(`/api/municipalities/${id}`));
  const [municipalityId, setMunicipalityId] = useState('');
  const [joined, setJoined] = useState('');
  const [left, setLeft] = useState('');
  const createMembership = useAdminWrite((input: { municipalityId: string; joined: string; left: string | null }) =>
    api.post(`/api/cooperations/${cooperation?.id}/memberships`, input));
  const deleteMembership = useAdminWrite((id: string) => api.delete(`/api/memberships/${id}`));
  const [editing, setEditing] = useState<TMembership | null>(null);

  function addMunicipality(event: FormEvent) {
    event.preventDefault();
    createMunicipality.mutate({ name, number: number.trim() || null }, { onSuccess: () => { setName(''); setNumber(''); } });
  }
  function addMembership(event: FormEvent) {
    event.preventDefault();
    createMembership.mutate({ municipalityId, joined, left: left || null }, { onSuccess: () => { setMunicipalityId(''); setJoined(''); setLeft(''); } });
  }

  if (municipalities.isPending) return <Loading />;
  if (municipalities.error) return <LoadError error={municipalities.error} />;
  return (
    <div className="stack-lg">
      <section className="stack" aria-labelledby="municipalities-heading">
        <Heading level={2} data-size="md" id="municipalities-heading">{t('admin.municipalities')}</Heading>
        <FormErrors form="municipality-delete" error={deleteMunicipality.error} />
        <Table zebra className="full-width">
          <Table.Head><Table.Row>
            <Table.HeaderCell>{t('common.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('admin.municipalityNumber')}</Table.HeaderCell>
            <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
          </Table.Row></Table.Head>
          <Table.Body>
            {municipalities.data.map((m) => (
              <Table.Row key={m.id}>
                <Table.Cell>{m.name}</Table.Cell>
                <Table.Cell>{m.number ?? ''}</Table.Cell>
                <Table.Cell>
                  <Button type="button" variant="tertiary" data-size="sm" data-color="danger" onClick={() => deleteMunicipality.mutate(m.id)}>
                    {t('common.delete')}<span className="sr-only"> {m.name}</span>
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <form onSubmit={addMunicipality} className="panel stack" noValidate aria-labelledby="new-municipality-heading">
          <Heading level={3} data-size="xs" id="new-municipality-heading">{t('admin.newMunicipality')}</Heading>
          <FormErrors form="municipality" error={createMunicipality.error} labels={{ name: t('common.name'), number: t('admin.municipalityNumber') }} />
          <div className="grid-form">
            <TextField form="municipality" name="name" label={t('common.name')} value={name} onChange={setName} required error={createMunicipality.error} />
            <TextField form="municipality" name="number" label={t('admin.municipalityNumber')} value={number} onChange={setNumber} error={createMunicipality.error} />
          </div>
          <div><Button type="submit" disabled={createMunicipality.isPending}>{t('admin.addMunicipality')}</Button></div>
        </form>
      </section>

      <section className="stack" aria-labelledby="memberships-heading">
        <Heading level={2} data-size="md" id="memberships-heading">{t('admin.memberships', { name: cooperation?.name ?? '' })}</Heading>
        {!cooperation ? <Paragraph>{t('admin.noCooperation')}</Paragraph> : memberships.isPending ? <Loading /> : memberships.error ? <LoadError error={memberships.error} /> : (
          <>
            <FormErrors form="membership-delete" error={deleteMembership.error} />
            <Table zebra className="full-width">
              <Table.Head><Table.Row>
                <Table.HeaderCell>{t('admin.municipality')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.joined')}</Table.HeaderCell>
                <Table.HeaderCell>{t('admin.left')}</Table.HeaderCell>
                <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
              </Table.Row></Table.Head>
              <Table.Body>
                {memberships.data.map((m) => (
                  <Table.Row key={m.id}>
                    <Table.Cell>{m.municipalityName}</Table.Cell>
                    <Table.Cell>{formatDate(m.joined)}</Table.Cell>
                    <Table.Cell>{formatDate(m.left)}</Table.Cell>
                    <Table.Cell>
                      <div className="actions">
                        <Button type="button" variant="secondary" data-size="sm" onClick={() => setEditing(m)}>
                          {t('common.edit')}<span className="sr-only"> {m.municipalityName}</span>
                        </Button>
                        <Button type="button" variant="tertiary" data-size="sm" data-color="danger" onClick={() => deleteMembership.mutate(m.id)}>
                          {t('common.delete')}<span className="sr-only"> {m.municipalityName}</span>
                        </Button>
                      </div>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            {editing ? <EditMembership key={editing.id} membership={editing} onDone={() => setEditing(null)} /> : (
              <form onSubmit={addMembership} className="panel stack" noValidate aria-labelledby="new-membership-heading">
                <Heading level={3} data-size="xs" id="new-membership-heading">{t('admin.newMembership')}</Heading>
                <FormErrors form="membership" error={createMembership.error}
                  labels={{ municipalityId: t('admin.municipality'), joined: t('admin.joined'), left: t('admin.left') }} />
                <div className="grid-form">
                  <SelectField form="membership" name="municipalityId" label={t('admin.municipality')} value={municipalityId} onChange={setMunicipalityId}
                    placeholder={t('admin.chooseMunicipality')} options={municipalities.data.map((m) => ({ value: m.id, label: m.name }))} error={createMembership.error} />
                  <TextField form="membership" name="joined" type="date" label={t('admin.joined')} value={joined} onChange={setJoined} error={createMembership.error} />
                  <TextField form="membership" name="left" type="date" label={t('admin.left')} value={left} onChange={setLeft} error={createMembership.error} />
                </div>
                <div><Button type="submit" disabled={createMembership.isPending}>{t('admin.addMembership')}</Button></div>
              </form>
            )}
          </>
        )}
      </section>
    </div>
  );
}

function EditMembership({ membership, onDone }: { membership: TMembership; onDone: () => void }) {
  const t = useT();
  const [joined, setJoined] = useState(membership.joined);
  const [left, setLeft] = useState(membership.left ?? '');
  const save = useAdminWrite((input: { joined: string; left: string | null }) => api.patch(`/api/memberships/${membership.id}`, input));
  return (
    <form className="panel stack" noValidate aria-labelledby="edit-membership-heading"
      onSubmit={(e) => { e.preventDefault(); save.mutate({ joined, left: left || null }, { onSuccess: onDone }); }}>
      <Heading level={3} data-size="xs" id="edit-membership-heading">{t('admin.editMembership', { name: membership.municipalityName })}</Heading>
      <FormErrors form="edit-membership" error={save.error} labels={{ joined: t('admin.joined'), left: t('admin.left') }} />
      <div className="grid-form">
        <TextField form="edit-membership" name="joined" type="date" label={t('admin.joined')} value={joined} onChange={setJoined} error={save.error} />
        <TextField form="edit-membership" name="left" type="date" label={t('admin.left')} value={left} onChange={setLeft} error={save.error} />
      </div>
      <div className="actions">
        <Button type="submit" disabled={save.isPending}>{t('common.save')}</Button>
        <Button type="button" variant="secondary" onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
