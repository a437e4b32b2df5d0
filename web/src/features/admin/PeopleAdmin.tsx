// People: everyone who presents cases, sits in bodies or attends meetings, as the papers name them.
import { Heading, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api, ok, type TApiSchema } from '../../api/client';
import { useAdminT } from './messages';
import { RowButton } from '../forms/RowButton';
import { DataTable } from '../tables/DataTable';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import { PanelForm } from '../forms/PanelForm';
import { personLabel } from '../meetings/format';
import type { TPerson } from '../meetings/types';
import { LoadError, Loading } from '../shell/states';
import { useAdminPeople, useAdminWrite, useEditing, useMunicipalities } from './api';
import { GENDERS, type TGender } from '../../../../src/modules/org/vocabulary';

type TPersonInput = TApiSchema<'CreatePersonRequest'>;

export function PeopleAdmin() {
  const t = useAdminT();
  const people = useAdminPeople();
  const municipalities = useMunicipalities();
  const remove = useAdminWrite((id: string) => ok(api.DELETE('/api/people/{id}', { params: { path: { id } } })));
  const { editing, open: setEditing, key: editKey, reload } = useEditing(people.data);
  const municipalityName = new Map((municipalities.data ?? []).map((m) => [m.id, m.name]));

  if (people.isPending) return <Loading />;
  if (people.error) return <LoadError error={people.error} />;
  const sorted = people.data.slice().sort((a, b) => personLabel(a).localeCompare(personLabel(b), 'nb'));
  return (
    <section className="stack" aria-labelledby="people-heading">
      <Heading level={2} data-size="md" id="people-heading">{t('admin.people')}</Heading>
      <FormErrors form="person-delete" error={remove.error} />
        <DataTable labelledBy="people-heading" columns={[t('common.name'), t('admin.personTitle'), t('login.email'), t('admin.municipality'), t('common.actions')]}>
          {sorted.map((p) => (
            <Table.Row key={p.id}>
              <Table.Cell>{personLabel(p)}</Table.Cell>
              <Table.Cell>{p.title ?? ''}</Table.Cell>
              <Table.Cell>{p.email ?? ''}</Table.Cell>
              <Table.Cell>{p.municipalityId ? municipalityName.get(p.municipalityId) ?? '' : ''}</Table.Cell>
              <Table.Cell>
                <div className="actions">
                  <RowButton label={t('common.edit')} rowName={personLabel(p)} onClick={() => setEditing(p)} />
                  <RowButton variant="tertiary" danger label={t('common.delete')} rowName={personLabel(p)} onClick={() => remove.mutate(p.id)} />
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      <PersonForm key={editKey} existing={editing} onDone={() => setEditing(null)} onReload={reload}
        municipalities={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
    </section>
  );
}

function PersonForm({ existing, onDone, onReload, municipalities }: {
  existing: TPerson | null; onDone: () => void; onReload: () => void; municipalities: { value: string; label: string }[];
}) {
  const t = useAdminT();
  const [familyName, setFamily] = useState(existing?.familyName ?? '');
  const [givenName, setGiven] = useState(existing?.givenName ?? '');
  const [email, setEmail] = useState(existing?.email ?? '');
  const [title, setTitle] = useState(existing?.title ?? '');
  const [municipalityId, setMunicipalityId] = useState(existing?.municipalityId ?? '');
  const [gender, setGender] = useState<TGender>(existing?.gender ?? 'ikke_oppgitt');
  const save = useAdminWrite((input: TPersonInput) => (existing
    ? ok(api.PATCH('/api/people/{id}', { params: { path: { id: existing.id } }, body: { ...input, revision: existing.revision } }))
    : ok(api.POST('/api/people', { body: input }))));

  function submit() {
    save.mutate({ familyName, givenName, email: email.trim() || null, title: title.trim() || null, municipalityId: municipalityId || null, gender }, {
      onSuccess: () => {
        if (!existing) { setFamily(''); setGiven(''); setEmail(''); setTitle(''); setMunicipalityId(''); setGender('ikke_oppgitt'); }
        onDone();
      },
    });
  }

  const labels = { familyName: t('admin.familyName'), givenName: t('admin.givenName'), email: t('login.email'), title: t('admin.personTitle'), municipalityId: t('admin.municipality'), gender: t('admin.gender') };
  return (
    <PanelForm form="person" headingId="person-form-heading" title={existing ? t('admin.editPerson', { name: personLabel(existing) }) : t('admin.newPerson')}
      error={save.error} labels={labels} onSubmit={submit} submitLabel={existing ? t('common.save') : t('admin.addPerson')} pending={save.isPending}
      onCancel={existing ? onDone : undefined} onReload={onReload}>
      <TextField form="person" name="familyName" label={labels.familyName} value={familyName} onChange={setFamily} required error={save.error} />
      <TextField form="person" name="givenName" label={labels.givenName} value={givenName} onChange={setGiven} required error={save.error} />
      <TextField form="person" name="email" type="email" label={labels.email} value={email} onChange={setEmail} error={save.error} />
      <TextField form="person" name="title" label={labels.title} value={title} onChange={setTitle} error={save.error} />
      <SelectField form="person" name="municipalityId" label={labels.municipalityId} value={municipalityId} onChange={setMunicipalityId}
        placeholder={t('common.none')} options={municipalities} error={save.error} />
      <SelectField form="person" name="gender" label={labels.gender} value={gender} onChange={(v) => setGender(v as TGender)}
        description={t('admin.genderHint')} options={GENDERS.map((g) => ({ value: g, label: t(`admin.gender.${g}`) }))} error={save.error} />
    </PanelForm>
  );
}
