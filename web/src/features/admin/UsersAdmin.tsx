// User accounts: create with role (and municipality for municipality users), reset a password (which
// ends the user's sessions), disable or enable.
import { Button, Heading, Table, Tag } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { useT } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { TRole } from '../auth/session';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import type { TUser } from '../meetings/types';
import { LoadError, Loading } from '../shell/states';
import { useAdminPeople, useAdminWrite, useMunicipalities, useUsers } from './api';
import { personLabel } from '../meetings/format';

const ROLES: TRole[] = ['admin', 'staff', 'council', 'municipality'];

export function UsersAdmin() {
  const t = useT();
  const users = useUsers();
  const municipalities = useMunicipalities();
  const [resetting, setResetting] = useState<TUser | null>(null);
  const [editing, setEditing] = useState<TUser | null>(null);
  const setDisabled = useAdminWrite(({ id, disabled }: { id: string; disabled: boolean }) => api.patch(`/api/users/${id}`, { disabled }));
  const municipalityName = new Map((municipalities.data ?? []).map((m) => [m.id, m.name]));

  if (users.isPending) return <Loading />;
  if (users.error) return <LoadError error={users.error} />;
  return (
    <section className="stack" aria-labelledby="users-heading">
      <Heading level={2} data-size="md" id="users-heading">{t('admin.users')}</Heading>
      <FormErrors form="user-disable" error={setDisabled.error} />
      <div className="table-scroll">
        <Table zebra className="full-width">
          <Table.Head><Table.Row>
            <Table.HeaderCell>{t('common.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('login.email')}</Table.HeaderCell>
            <Table.HeaderCell>{t('admin.role')}</Table.HeaderCell>
            <Table.HeaderCell>{t('admin.municipality')}</Table.HeaderCell>
            <Table.HeaderCell>{t('admin.created')}</Table.HeaderCell>
            <Table.HeaderCell>{t('meeting.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
          </Table.Row></Table.Head>
          <Table.Body>
            {users.data.map((u) => (
              <Table.Row key={u.id}>
                <Table.Cell>{u.name}</Table.Cell>
                <Table.Cell>{u.email}</Table.Cell>
                <Table.Cell>{t(`role.${u.role}`)}</Table.Cell>
                <Table.Cell>{u.municipalityId ? municipalityName.get(u.municipalityId) ?? '' : ''}</Table.Cell>
                <Table.Cell>{formatDate(u.createdAt)}</Table.Cell>
                <Table.Cell>
                  {u.disabled ? <Tag data-size="sm" data-color="danger">{t('admin.disabled')}</Tag> : <Tag data-size="sm" data-color="success">{t('admin.enabled')}</Tag>}
                </Table.Cell>
                <Table.Cell>
                  <div className="actions">
                    <Button type="button" variant="secondary" data-size="sm" onClick={() => { setResetting(null); setEditing(u); }}>
                      {t('common.edit')}<span className="sr-only"> {u.email}</span>
                    </Button>
                    <Button type="button" variant="secondary" data-size="sm" onClick={() => { setEditing(null); setResetting(u); }}>
                      {t('admin.resetPassword')}<span className="sr-only"> {u.email}</span>
                    </Button>
                    <Button type="button" variant="tertiary" data-size="sm" data-color={u.disabled ? undefined : 'danger'}
                      onClick={() => setDisabled.mutate({ id: u.id, disabled: !u.disabled })}>
                      {u.disabled ? t('admin.enable') : t('admin.disable')}<span className="sr-only"> {u.email}</span>
                    </Button>
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {editing ? (
        <EditUser key={editing.id} user={editing} onDone={() => setEditing(null)}
          municipalities={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
      ) : resetting ? <ResetPassword key={resetting.id} user={resetting} onDone={() => setResetting(null)} /> : (
        <CreateUser municipalities={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
      )}
    </section>
  );
}

function CreateUser({ municipalities }: { municipalities: { value: string; label: string }[] }) {
  const t = useT();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TRole>('council');
  const [municipalityId, setMunicipalityId] = useState('');
  const [password, setPassword] = useState('');
  const create = useAdminWrite((input: { name: string; email: string; role: TRole; municipalityId: string | null; password?: string }) => api.post('/api/users', input));

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, email, role, municipalityId: municipalityId || null, password: password || undefined }, {
      onSuccess: () => { setName(''); setEmail(''); setPassword(''); setMunicipalityId(''); },
    });
  }
  const labels = { name: t('common.name'), email: t('login.email'), role: t('admin.role'), municipalityId: t('admin.municipality'), password: t('admin.initialPassword') };
  return (
    <form onSubmit={submit} className="panel stack" noValidate aria-labelledby="new-user-heading">
      <Heading level={3} data-size="xs" id="new-user-heading">{t('admin.newUser')}</Heading>
      <FormErrors form="user" error={create.error} labels={labels} />
      {create.isSuccess ? <p role="status">{t('admin.userCreated')}</p> : null}
      <div className="grid-form">
        <TextField form="user" name="name" label={labels.name} value={name} onChange={setName} required error={create.error} />
        <TextField form="user" name="email" type="email" label={labels.email} value={email} onChange={setEmail} required error={create.error} />
        <SelectField form="user" name="role" label={labels.role} value={role} onChange={(v) => setRole(v as TRole)} error={create.error}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        <SelectField form="user" name="municipalityId" label={labels.municipalityId} value={municipalityId} onChange={setMunicipalityId}
          placeholder={t('common.none')} options={municipalities} error={create.error}
          description={role === 'municipality' ? t('admin.municipalityRequired') : undefined} />
        <TextField form="user" name="password" type="password" label={labels.password} value={password} onChange={setPassword}
          autoComplete="new-password" description={t('admin.initialPasswordHint')} error={create.error} />
      </div>
      <div><Button type="submit" disabled={create.isPending}>{t('admin.createUser')}</Button></div>
    </form>
  );
}

function ResetPassword({ user, onDone }: { user: TUser; onDone: () => void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const reset = useAdminWrite((input: { password: string }) => api.post(`/api/users/${user.id}/password`, input));
  return (
    <form className="panel stack" noValidate aria-labelledby="reset-heading"
      onSubmit={(e) => { e.preventDefault(); reset.mutate({ password }, { onSuccess: onDone }); }}>
      <Heading level={3} data-size="xs" id="reset-heading">{t('admin.resetPasswordFor', { name: user.name })}</Heading>
      <FormErrors form="reset" error={reset.error} labels={{ password: t('profile.newPassword') }} />
      <TextField form="reset" name="password" type="password" label={t('profile.newPassword')} value={password} onChange={setPassword}
        autoComplete="new-password" description={t('profile.newPasswordHint')} required error={reset.error} />
      <div className="actions">
        <Button type="submit" disabled={reset.isPending}>{t('common.save')}</Button>
        <Button type="button" variant="secondary" onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

function EditUser({ user, onDone, municipalities }: { user: TUser; onDone: () => void; municipalities: { value: string; label: string }[] }) {
  const t = useT();
  const people = useAdminPeople();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<TRole>(user.role);
  const [municipalityId, setMunicipalityId] = useState(user.municipalityId ?? '');
  const [personId, setPersonId] = useState(user.personId ?? '');
  const save = useAdminWrite((input: { name: string; role: TRole; municipalityId: string | null; personId: string | null }) =>
    api.patch(`/api/users/${user.id}`, input));
  const labels = { name: t('common.name'), role: t('admin.role'), municipalityId: t('admin.municipality'), personId: t('admin.linkedPerson') };
  return (
    <form className="panel stack" noValidate aria-labelledby="edit-user-heading"
      onSubmit={(e) => { e.preventDefault(); save.mutate({ name, role, municipalityId: municipalityId || null, personId: personId || null }, { onSuccess: onDone }); }}>
      <Heading level={3} data-size="xs" id="edit-user-heading">{t('admin.editUser', { email: user.email })}</Heading>
      <FormErrors form="edit-user" error={save.error} labels={labels} />
      <div className="grid-form">
        <TextField form="edit-user" name="name" label={labels.name} value={name} onChange={setName} required error={save.error} />
        <SelectField form="edit-user" name="role" label={labels.role} value={role} onChange={(v) => setRole(v as TRole)} error={save.error}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        <SelectField form="edit-user" name="municipalityId" label={labels.municipalityId} value={municipalityId} onChange={setMunicipalityId}
          placeholder={t('common.none')} options={municipalities} error={save.error} />
        <SelectField form="edit-user" name="personId" label={labels.personId} value={personId} onChange={setPersonId}
          placeholder={t('common.none')} error={save.error}
          options={(people.data ?? []).slice().sort((a, b) => personLabel(a).localeCompare(personLabel(b), 'nb')).map((p) => ({ value: p.id, label: personLabel(p) }))} />
      </div>
      <div className="actions">
        <Button type="submit" disabled={save.isPending}>{t('common.save')}</Button>
        <Button type="button" variant="secondary" onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
