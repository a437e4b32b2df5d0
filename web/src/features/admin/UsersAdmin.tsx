// User accounts: create with role (and municipality for municipality users), reset a password (which
// ends the user's sessions), disable or enable.
import { Heading, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api, ok, type TApiSchema } from '../../api/client';
import { useAdminT } from './messages';
import { formatDate } from '../../i18n/format';
import type { TRole } from '../auth/session';
import { ROLES } from '../../../../src/modules/org/vocabulary';
import { RowButton } from '../forms/RowButton';
import { DataTable } from '../tables/DataTable';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import { PanelForm } from '../forms/PanelForm';
import type { TUser } from '../meetings/types';
import { LoadError, Loading } from '../shell/states';
import { useAdminPeople, useAdminWrite, useEditing, useMunicipalities, useUsers } from './api';
import { personLabel } from '../meetings/format';


export function UsersAdmin() {
  const t = useAdminT();
  const users = useUsers();
  const municipalities = useMunicipalities();
  const [resetting, setResetting] = useState<TUser | null>(null);
  const { editing, open: setEditing, key: editKey, reload } = useEditing(users.data);
  const setDisabled = useAdminWrite(({ id, disabled, revision }: { id: string; disabled: boolean; revision: number }) =>
    ok(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: { disabled, revision } })));
  const municipalityName = new Map((municipalities.data ?? []).map((m) => [m.id, m.name]));

  if (users.isPending) return <Loading />;
  if (users.error) return <LoadError error={users.error} />;
  return (
    <section className="stack" aria-labelledby="users-heading">
      <Heading level={2} data-size="md" id="users-heading">{t('admin.users')}</Heading>
      <FormErrors form="user-disable" error={setDisabled.error} onReload={() => setDisabled.reset()} />
        <DataTable labelledBy="users-heading" columns={[t('common.name'), t('login.email'), t('admin.role'), t('admin.municipality'), t('admin.created'), t('meeting.status'), t('common.actions')]}>
          {users.data.map((u) => (
            <Table.Row key={u.id}>
              <Table.Cell>{u.name}</Table.Cell>
              <Table.Cell>{u.email}</Table.Cell>
              <Table.Cell>{t(`role.${u.role}`)}</Table.Cell>
              <Table.Cell>{u.municipalityId ? municipalityName.get(u.municipalityId) ?? '' : ''}</Table.Cell>
              <Table.Cell>{formatDate(u.createdAt)}</Table.Cell>
              <Table.Cell>
                {u.disabled ? <Tag data-size="sm" data-color="danger">{t('admin.disabled')}</Tag> : <Tag data-size="sm" data-color="success">{t('admin.enabled')}</Tag>}
                {u.demo ? <> <Tag data-size="sm" data-color="warning">{t('demo.label')}</Tag></> : null}
              </Table.Cell>
              <Table.Cell>
                <div className="actions">
                  <RowButton label={t('common.edit')} rowName={u.email} onClick={() => { setResetting(null); setEditing(u); }} />
                  <RowButton label={t('admin.resetPassword')} rowName={u.email} onClick={() => { setEditing(null); setResetting(u); }} />
                  <RowButton variant="tertiary" danger={!u.disabled} label={u.disabled ? t('admin.enable') : t('admin.disable')} rowName={u.email}
                    onClick={() => setDisabled.mutate({ id: u.id, disabled: !u.disabled, revision: u.revision })} />
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      {editing ? (
        <EditUser key={editKey} user={editing} onDone={() => setEditing(null)} onReload={reload}
          municipalities={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
      ) : resetting ? <ResetPassword key={resetting.id} user={resetting} onDone={() => setResetting(null)} /> : (
        <CreateUser municipalities={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
      )}
    </section>
  );
}

function CreateUser({ municipalities }: { municipalities: { value: string; label: string }[] }) {
  const t = useAdminT();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TRole>('council');
  const [municipalityId, setMunicipalityId] = useState('');
  const [password, setPassword] = useState('');
  const create = useAdminWrite((input: TApiSchema<'CreateUserRequest'>) => ok(api.POST('/api/users', { body: input })));

  function submit() {
    create.mutate({ name, email, role, municipalityId: municipalityId || null, password: password || undefined }, {
      onSuccess: () => { setName(''); setEmail(''); setPassword(''); setMunicipalityId(''); },
    });
  }
  const labels = { name: t('common.name'), email: t('login.email'), role: t('admin.role'), municipalityId: t('admin.municipality'), password: t('admin.initialPassword') };
  return (
    <PanelForm form="user" headingId="new-user-heading" title={t('admin.newUser')} error={create.error} labels={labels}
      notice={create.isSuccess ? <p role="status">{t('admin.userCreated')}</p> : null}
      onSubmit={submit} submitLabel={t('admin.createUser')} pending={create.isPending}>
      <TextField form="user" name="name" label={labels.name} value={name} onChange={setName} required error={create.error} />
      <TextField form="user" name="email" type="email" label={labels.email} value={email} onChange={setEmail} required error={create.error} />
      <SelectField form="user" name="role" label={labels.role} value={role} onChange={(v) => setRole(v as TRole)} error={create.error}
        options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      <SelectField form="user" name="municipalityId" label={labels.municipalityId} value={municipalityId} onChange={setMunicipalityId}
        placeholder={t('common.none')} options={municipalities} error={create.error}
        description={role === 'municipality' ? t('admin.municipalityRequired') : undefined} />
      <TextField form="user" name="password" type="password" label={labels.password} value={password} onChange={setPassword}
        autoComplete="new-password" description={t('admin.initialPasswordHint')} error={create.error} />
    </PanelForm>
  );
}

function ResetPassword({ user, onDone }: { user: TUser; onDone: () => void }) {
  const t = useAdminT();
  const [password, setPassword] = useState('');
  const reset = useAdminWrite((input: TApiSchema<'ResetPasswordRequest'>) =>
    ok(api.POST('/api/users/{id}/password', { params: { path: { id: user.id } }, body: input })));
  return (
    <PanelForm form="reset" headingId="reset-heading" title={t('admin.resetPasswordFor', { name: user.name })} error={reset.error}
      labels={{ password: t('profile.newPassword') }} grid={false}
      onSubmit={() => reset.mutate({ password }, { onSuccess: onDone })} submitLabel={t('common.save')} pending={reset.isPending} onCancel={onDone}>
      <TextField form="reset" name="password" type="password" label={t('profile.newPassword')} value={password} onChange={setPassword}
        autoComplete="new-password" description={t('profile.newPasswordHint')} required error={reset.error} />
    </PanelForm>
  );
}

function EditUser({ user, onDone, onReload, municipalities }: {
  user: TUser; onDone: () => void; onReload: () => void; municipalities: { value: string; label: string }[];
}) {
  const t = useAdminT();
  const people = useAdminPeople();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<TRole>(user.role);
  const [municipalityId, setMunicipalityId] = useState(user.municipalityId ?? '');
  const [personId, setPersonId] = useState(user.personId ?? '');
  const save = useAdminWrite((input: TApiSchema<'UpdateUserRequest'>) =>
    ok(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: input })));
  const labels = { name: t('common.name'), role: t('admin.role'), municipalityId: t('admin.municipality'), personId: t('admin.linkedPerson') };
  return (
    <PanelForm form="edit-user" headingId="edit-user-heading" title={t('admin.editUser', { email: user.email })} error={save.error} labels={labels}
      onReload={onReload}
      onSubmit={() => save.mutate({ revision: user.revision, name, role, municipalityId: municipalityId || null, personId: personId || null }, { onSuccess: onDone })}
      submitLabel={t('common.save')} pending={save.isPending} onCancel={onDone}>
      {/* A demo account keeps its name: the server refuses giving it to a person (409). */}
      <TextField form="edit-user" name="name" label={labels.name} value={name} onChange={setName} required error={save.error}
        readOnly={user.demo} description={user.demo ? t('admin.demoAccountHint') : undefined} />
      <SelectField form="edit-user" name="role" label={labels.role} value={role} onChange={(v) => setRole(v as TRole)} error={save.error}
        options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      <SelectField form="edit-user" name="municipalityId" label={labels.municipalityId} value={municipalityId} onChange={setMunicipalityId}
        placeholder={t('common.none')} options={municipalities} error={save.error} />
      <SelectField form="edit-user" name="personId" label={labels.personId} value={personId} onChange={setPersonId}
        placeholder={t('common.none')} error={save.error}
        options={(people.data ?? []).slice().sort((a, b) => personLabel(a).localeCompare(personLabel(b), 'nb')).map((p) => ({ value: p.id, label: personLabel(p) }))} />
    </PanelForm>
  );
}
