// A body's members: role (an employee representative; a deputy naming the member they stand in for),
// municipality represented and period. The period's dates are edited in place; a role change from a date
// is one action (the membership ends the day before, a new one in the new role starts).
import { Heading, Table } from '@digdir/designsystemet-react';
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
import { useAdminPeople, useAdminWrite, useMembersOf, useMunicipalities } from './api';
import { BODY_MEMBER_ROLES, DEPUTY_ROLE, type TBodyMemberRole } from '../../../../src/modules/org/vocabulary';

type TMember = TApiSchema<'BodyMember'>;
type TOption = { value: string; label: string };

/** Today as an ISO date in the browser's time zone (Norway's, for the people using it). */
export const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function BodyMembersAdmin({ bodyId, bodyName }: { bodyId: string; bodyName: string }) {
  const t = useAdminT();
  const members = useMembersOf(bodyId);
  const people = useAdminPeople();
  const municipalities = useMunicipalities();
  const [onlyCurrent, setOnlyCurrent] = useState(true);
  // One form at a time under the table: a new member, or an edit or role change of one row.
  const [open, setOpen] = useState<{ mode: 'edit' | 'role'; member: TMember; opened: number } | null>(null);
  const remove = useAdminWrite((id: string) => ok(api.DELETE('/api/body-members/{id}', { params: { path: { id } } })));
  const end = useAdminWrite(({ id, toDate, revision }: { id: string; toDate: string; revision: number }) =>
    ok(api.PATCH('/api/body-members/{id}', { params: { path: { id } }, body: { toDate, revision } })));
  const today = todayIso();
  const municipalityOptions = (municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }));
  // Whom a deputy may stand in for: the body's members in roles other than a deputy's, each person once.
  const deputyOptions = [...new Map((members.data ?? []).filter((m) => m.role !== DEPUTY_ROLE)
    .map((m) => [m.personId, { value: m.personId, label: personLabel(m) }])).values()];
  const reopen = (mode: 'edit' | 'role', member: TMember) => setOpen((o) => ({ mode, member, opened: (o?.opened ?? 0) + 1 }));
  const reload = () => {
    if (!open) return;
    const fresh = members.data?.find((m) => m.id === open.member.id);
    if (fresh) reopen(open.mode, fresh); else setOpen(null);
  };

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
              <Table.Cell>{t(`memberRole.${m.role}`)}{m.deputyForName ? ` (${t('admin.deputyForShort', { name: m.deputyForName })})` : ''}</Table.Cell>
              <Table.Cell>{m.municipalityName ?? ''}</Table.Cell>
              <Table.Cell>{formatDate(m.fromDate)}</Table.Cell>
              <Table.Cell>{formatDate(m.toDate)}</Table.Cell>
              <Table.Cell>
                <div className="actions">
                  <RowButton label={t('common.edit')} rowName={personLabel(m)} onClick={() => reopen('edit', m)} />
                  {!m.toDate || m.toDate > today ? (
                    <RowButton label={t('admin.changeRole')} rowName={personLabel(m)} onClick={() => reopen('role', m)} />
                  ) : null}
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
      {open?.mode === 'edit' ? (
        <EditMember key={`${open.member.id}:${open.opened}`} member={open.member} municipalities={municipalityOptions}
          deputies={deputyOptions.filter((d) => d.value !== open.member.personId)} onDone={() => setOpen(null)} onReload={reload} />
      ) : open?.mode === 'role' ? (
        <ChangeRole key={`${open.member.id}:${open.opened}`} member={open.member} municipalities={municipalityOptions}
          deputies={deputyOptions.filter((d) => d.value !== open.member.personId)} onDone={() => setOpen(null)} onReload={reload} />
      ) : (
        <NewMember bodyId={bodyId} municipalities={municipalityOptions} deputies={deputyOptions}
          people={(people.data ?? []).slice().sort((a, b) => personLabel(a).localeCompare(personLabel(b), 'nb')).map((p) => ({ value: p.id, label: personLabel(p) }))} />
      )}
    </section>
  );
}

/** The role, and for a deputy the member they stand in for. */
function RoleFields({ form, role, setRole, deputyFor, setDeputyFor, deputies, error }: {
  form: string; role: TBodyMemberRole; setRole: (r: TBodyMemberRole) => void; deputyFor: string; setDeputyFor: (v: string) => void;
  deputies: TOption[]; error: unknown;
}) {
  const t = useAdminT();
  return (
    <>
      <SelectField form={form} name="role" label={t('admin.memberRole')} value={role} onChange={(v) => setRole(v as TBodyMemberRole)} error={error}
        options={BODY_MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRole.${r}`) }))} />
      {role === DEPUTY_ROLE ? (
        <SelectField form={form} name="deputyForPersonId" label={t('admin.deputyFor')} value={deputyFor} onChange={setDeputyFor} error={error}
          placeholder={t('common.none')} options={deputies} />
      ) : null}
    </>
  );
}

const memberLabels = (t: ReturnType<typeof useAdminT>) => ({
  personId: t('admin.person'), role: t('admin.memberRole'), municipalityId: t('admin.municipality'), fromDate: t('common.from'), toDate: t('common.to'),
  deputyForPersonId: t('admin.deputyFor'), from: t('admin.roleFrom'),
});

/** The fields a membership is made or edited with, as the form holds them. */
type TMemberValues = { role: TBodyMemberRole; deputyFor: string; municipalityId: string; fromDate: string; toDate: string };

const memberValuesOf = (m?: TMember): TMemberValues => ({
  role: m?.role ?? 'medlem', deputyFor: m?.deputyForPersonId ?? '', municipalityId: m?.municipalityId ?? '', fromDate: m?.fromDate ?? '', toDate: m?.toDate ?? '',
});

/** The request's fields: blanks are none, and only a deputy names whom they stand in for. */
const memberRequest = (v: TMemberValues) => ({
  role: v.role, municipalityId: v.municipalityId || null, fromDate: v.fromDate, toDate: v.toDate || null,
  deputyForPersonId: v.role === DEPUTY_ROLE && v.deputyFor ? v.deputyFor : null,
});

function MemberFields({ form, value, onChange, municipalities, deputies, error }: {
  form: string; value: TMemberValues; onChange: (v: TMemberValues) => void; municipalities: TOption[]; deputies: TOption[]; error: unknown;
}) {
  const t = useAdminT();
  const set = (patch: Partial<TMemberValues>) => onChange({ ...value, ...patch });
  return (
    <>
      <RoleFields form={form} role={value.role} setRole={(role) => set({ role })} deputyFor={value.deputyFor} setDeputyFor={(deputyFor) => set({ deputyFor })}
        deputies={deputies} error={error} />
      <SelectField form={form} name="municipalityId" label={t('admin.municipality')} value={value.municipalityId} onChange={(municipalityId) => set({ municipalityId })}
        error={error} placeholder={t('common.none')} options={municipalities} />
      <TextField form={form} name="fromDate" type="date" label={t('common.from')} value={value.fromDate} onChange={(fromDate) => set({ fromDate })} error={error} />
      <TextField form={form} name="toDate" type="date" label={t('common.to')} value={value.toDate} onChange={(toDate) => set({ toDate })} error={error} />
    </>
  );
}

function NewMember({ bodyId, people, municipalities, deputies }: { bodyId: string; people: TOption[]; municipalities: TOption[]; deputies: TOption[] }) {
  const t = useAdminT();
  const [personId, setPersonId] = useState('');
  const [values, setValues] = useState(() => memberValuesOf());
  const add = useAdminWrite((input: TApiSchema<'CreateBodyMemberRequest'>) =>
    ok(api.POST('/api/bodies/{id}/members', { params: { path: { id: bodyId } }, body: input })));
  function submit() {
    add.mutate({ personId, ...memberRequest(values) }, { onSuccess: () => { setPersonId(''); setValues({ ...memberValuesOf(), role: values.role }); } });
  }
  return (
    <PanelForm form="member" headingId="new-member-heading" title={t('admin.newMember')} error={add.error} labels={memberLabels(t)}
      onSubmit={submit} submitLabel={t('admin.addMember')} pending={add.isPending}>
      <SelectField form="member" name="personId" label={t('admin.person')} value={personId} onChange={setPersonId} error={add.error}
        placeholder={t('case.choosePersonPlaceholder')} options={people} />
      <MemberFields form="member" value={values} onChange={setValues} municipalities={municipalities} deputies={deputies} error={add.error} />
    </PanelForm>
  );
}

type TRowFormProps = { member: TMember; municipalities: TOption[]; deputies: TOption[]; onDone: () => void; onReload: () => void };

function EditMember({ member, municipalities, deputies, onDone, onReload }: TRowFormProps) {
  const t = useAdminT();
  const [values, setValues] = useState(() => memberValuesOf(member));
  const save = useAdminWrite((input: TApiSchema<'UpdateBodyMemberRequest'>) =>
    ok(api.PATCH('/api/body-members/{id}', { params: { path: { id: member.id } }, body: input })));
  return (
    <PanelForm form="edit-member" headingId="edit-member-heading" title={t('admin.editMember', { name: personLabel(member) })} error={save.error}
      labels={memberLabels(t)} onReload={onReload} onCancel={onDone} submitLabel={t('common.save')} pending={save.isPending}
      onSubmit={() => save.mutate({ revision: member.revision, ...memberRequest(values) }, { onSuccess: onDone })}>
      <MemberFields form="edit-member" value={values} onChange={setValues} municipalities={municipalities} deputies={deputies} error={save.error} />
    </PanelForm>
  );
}

function ChangeRole({ member, municipalities, deputies, onDone, onReload }: TRowFormProps) {
  const t = useAdminT();
  const [role, setRole] = useState<TBodyMemberRole>(member.role === 'medlem' ? 'nestleder' : 'medlem');
  const [deputyFor, setDeputyFor] = useState('');
  const [municipalityId, setMunicipalityId] = useState(member.municipalityId ?? '');
  const [from, setFrom] = useState('');
  const change = useAdminWrite((input: TApiSchema<'ChangeBodyMemberRoleRequest'>) =>
    ok(api.POST('/api/body-members/{id}/role-change', { params: { path: { id: member.id } }, body: input })));
  return (
    <PanelForm form="role-change" headingId="role-change-heading" title={t('admin.changeRoleOf', { name: personLabel(member) })} error={change.error}
      labels={memberLabels(t)} onReload={onReload} onCancel={onDone} submitLabel={t('admin.changeRole')} pending={change.isPending}
      notice={<p>{t('admin.changeRoleHint', { role: t(`memberRole.${member.role}`), from: formatDate(member.fromDate) })}</p>}
      onSubmit={() => change.mutate({
        revision: member.revision, role, from, municipalityId: municipalityId || null, deputyForPersonId: role === DEPUTY_ROLE && deputyFor ? deputyFor : null,
      }, { onSuccess: onDone })}>
      <RoleFields form="role-change" role={role} setRole={setRole} deputyFor={deputyFor} setDeputyFor={setDeputyFor} deputies={deputies} error={change.error} />
      <TextField form="role-change" name="from" type="date" label={t('admin.roleFrom')} value={from} onChange={setFrom} required error={change.error} />
      <SelectField form="role-change" name="municipalityId" label={t('admin.municipality')} value={municipalityId} onChange={setMunicipalityId} error={change.error}
        placeholder={t('common.none')} options={municipalities} />
    </PanelForm>
  );
}
