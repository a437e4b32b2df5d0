// /admin?fane=ansatte: the cooperation's departments (add, rename, end), the staffing on a date with the
// employer, and the staff's positions (add, correct, end, and change the stillingsprosent from a date,
// which the server does as one action). The rules (overlaps, 100 % in all, a department's last day)
// are the server's; the page shows its answers on the fields.
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api, ApiError, ok, type TApiSchema } from '../../../api/client';
import { formatDate } from '../../../i18n/format';
import { CheckboxField, FormErrors, SelectField, TextField } from '../../forms/fields';
import { PanelForm } from '../../forms/PanelForm';
import { RowButton } from '../../forms/RowButton';
import { personLabel } from '../../meetings/format';
import { useInstallCooperation } from '../../shell/cooperation';
import { LoadError, Loading } from '../../shell/states';
import { DataTable } from '../../tables/DataTable';
import { useAdminPeople } from '../api';
import { todayIso } from '../BodyMembersAdmin';
import { useDepartments, usePositions, useStaffing, useStaffWrite } from './api';
import { useStaffT } from './messages';

type TCooperation = TApiSchema<'Cooperation'>;
type TDepartment = TApiSchema<'Department'>;
type TPosition = TApiSchema<'Position'>;
type TOption = { value: string; label: string };
type TT = ReturnType<typeof useStaffT>;

/** Figures as the papers print them: decimal comma, thin space between thousands, in both languages. */
const formatDecimal = (v: number, minimumFractionDigits = 0) =>
  v.toLocaleString('nb-NO', { minimumFractionDigits, maximumFractionDigits: 2 }).replace(/[\u00a0\s]/g, '\u202f');
const formatPercent = (v: number) => `${formatDecimal(v)}\u00a0%`;

/** «80», «33,33» or «33.33» as a number; blank is null, which the server refuses on the field. */
const parsePercent = (text: string): number => {
  const cleaned = text.replace(/[\s%\u00a0\u202f]/g, '').replace(',', '.');
  return (cleaned === '' ? null : Number(cleaned)) as number;
};
/** The percent as a field shows it for editing: 33,33. */
const percentText = (v: number) => String(v).replace('.', ',');

export function StaffAdmin() {
  const t = useStaffT();
  const cooperation = useInstallCooperation();
  if (cooperation.isPending) return <Loading />;
  if (cooperation.error) return <LoadError error={cooperation.error} />;
  if (!cooperation.data) return <Paragraph>{t('staff.noCooperation')}</Paragraph>;
  const c = cooperation.data;
  return (
    <div className="stack-lg">
      <Paragraph>{t('staff.intro')}</Paragraph>
      <DepartmentsSection cooperationId={c.id} />
      <StaffingSection cooperation={c} />
      <PositionsSection cooperationId={c.id} />
    </div>
  );
}

// ---- departments -------------------------------------------------------------------------------

function DepartmentsSection({ cooperationId }: { cooperationId: string }) {
  const t = useStaffT();
  const departments = useDepartments(cooperationId);
  const [editing, setEditing] = useState<{ department: TDepartment; opened: number } | null>(null);
  const open = (department: TDepartment | null) => setEditing((e) => (department ? { department, opened: (e?.opened ?? 0) + 1 } : null));
  const reload = () => open(departments.data?.find((d) => d.id === editing?.department.id) ?? null);
  return (
    <section className="stack" aria-labelledby="departments-heading">
      <Heading level={2} data-size="md" id="departments-heading">{t('staff.departments')}</Heading>
      {departments.isPending ? <Loading /> : departments.error ? <LoadError error={departments.error} /> : departments.data.length === 0 ? (
        <Paragraph>{t('staff.noDepartments')}</Paragraph>
      ) : (
        <DataTable labelledBy="departments-heading" columns={[t('common.name'), t('staff.departmentStatus'), t('common.actions')]}>
          {departments.data.map((d) => (
            <Table.Row key={d.id}>
              <Table.Cell>{d.name}</Table.Cell>
              <Table.Cell>{d.validTo ? t('staff.departmentEnded', { date: formatDate(d.validTo) }) : t('staff.departmentOpen')}</Table.Cell>
              <Table.Cell>
                <div className="actions">
                  <RowButton label={t('common.edit')} rowName={d.name} onClick={() => open(d)} />
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
      {editing ? (
        <EditDepartment key={`${editing.department.id}:${editing.opened}`} department={editing.department} onDone={() => open(null)} onReload={reload} />
      ) : <NewDepartment cooperationId={cooperationId} />}
    </section>
  );
}

function NewDepartment({ cooperationId }: { cooperationId: string }) {
  const t = useStaffT();
  const [name, setName] = useState('');
  const add = useStaffWrite((input: TApiSchema<'CreateDepartmentRequest'>) => ok(api.POST('/api/departments', { body: input })), () => setName(''));
  return (
    <PanelForm form="department" headingId="new-department-heading" title={t('staff.newDepartment')} error={add.error} labels={{ name: t('common.name') }}
      onSubmit={() => add.mutate({ cooperationId, name })} submitLabel={t('staff.addDepartment')} pending={add.isPending}>
      <TextField form="department" name="name" label={t('common.name')} value={name} onChange={setName} required error={add.error} />
    </PanelForm>
  );
}

function EditDepartment({ department, onDone, onReload }: { department: TDepartment; onDone: () => void; onReload: () => void }) {
  const t = useStaffT();
  const [name, setName] = useState(department.name);
  const [validTo, setValidTo] = useState(department.validTo ?? '');
  const save = useStaffWrite((input: TApiSchema<'UpdateDepartmentRequest'>) =>
    ok(api.PATCH('/api/departments/{id}', { params: { path: { id: department.id } }, body: input })), onDone);
  const labels = { name: t('common.name'), validTo: t('staff.departmentEnd') };
  return (
    <PanelForm form="edit-department" headingId="edit-department-heading" title={t('staff.editDepartment', { name: department.name })} error={save.error}
      labels={labels} onReload={onReload} onCancel={onDone} submitLabel={t('common.save')} pending={save.isPending}
      onSubmit={() => save.mutate({ revision: department.revision, name, validTo: validTo || null })}>
      <TextField form="edit-department" name="name" label={labels.name} value={name} onChange={setName} required error={save.error} />
      <TextField form="edit-department" name="validTo" type="date" label={labels.validTo} value={validTo} onChange={setValidTo}
        description={t('staff.departmentEndHint')} error={save.error} />
    </PanelForm>
  );
}

// ---- staffing on a date, and the employer ------------------------------------------------------

function StaffingSection({ cooperation }: { cooperation: TCooperation }) {
  const t = useStaffT();
  const [on, setOn] = useState(todayIso);
  const staffing = useStaffing(cooperation.id, on);
  const data = staffing.data;
  return (
    <section className="stack" aria-labelledby="staffing-heading">
      <Heading level={2} data-size="md" id="staffing-heading">{t('staff.staffing')}</Heading>
      {data ? <EmployerLine t={t} employer={data.employer} /> : null}
      <div className="grid-form">
        <TextField form="staffing" name="on" type="date" label={t('staff.staffingOn')} value={on} onChange={setOn} error={staffing.error} />
      </div>
      {staffing.isPending && !data ? <Loading /> : staffing.error && !data ? <LoadError error={staffing.error} /> : data ? (
        <>
          <Heading level={3} data-size="xs" id="staffing-table-heading">{t('staff.staffingCaption', { date: formatDate(data.on) })}</Heading>
          <DataTable labelledBy="staffing-table-heading" testId="staffing-table"
            columns={[t('staff.department'), { label: t('staff.people'), numeric: true }, { label: t('staff.fte'), numeric: true }, { label: t('staff.fteSum'), numeric: true }, { label: t('staff.women'), numeric: true }, { label: t('staff.men'), numeric: true }]}>
            {data.departments.map((d) => (
              <Table.Row key={d.departmentId}>
                <Table.Cell>{d.name}</Table.Cell>
                <Table.Cell className="num">{d.people}</Table.Cell>
                <Table.Cell className="num">{formatDecimal(d.fte, 1)}</Table.Cell>
                <Table.Cell className="num">{formatPercent(d.ftePercent)}</Table.Cell>
                <Table.Cell className="num">{d.women}</Table.Cell>
                <Table.Cell className="num">{d.men}</Table.Cell>
              </Table.Row>
            ))}
            <Table.Row>
              <Table.Cell><strong>{t('staff.total')}</strong></Table.Cell>
              <Table.Cell className="num"><strong>{data.total.people}</strong></Table.Cell>
              <Table.Cell className="num"><strong>{formatDecimal(data.total.fte, 1)}</strong></Table.Cell>
              <Table.Cell className="num"><strong>{formatPercent(data.total.ftePercent)}</strong></Table.Cell>
              <Table.Cell className="num"><strong>{data.total.women}</strong></Table.Cell>
              <Table.Cell className="num"><strong>{data.total.men}</strong></Table.Cell>
            </Table.Row>
          </DataTable>
          <Paragraph data-size="sm">{t('staff.totalHint')}</Paragraph>
        </>
      ) : null}
      <EmployerForm key={`${cooperation.id}:${cooperation.revision}`} cooperation={cooperation} />
    </section>
  );
}

function EmployerLine({ t, employer }: { t: TT; employer: TApiSchema<'Employer'> }) {
  if (!employer.kind || !employer.name) return <Paragraph>{t('staff.employerUnknown')}</Paragraph>;
  return <Paragraph>{t(employer.stated ? 'staff.employerIs' : 'staff.employerImplied', { name: employer.name })}</Paragraph>;
}

function EmployerForm({ cooperation }: { cooperation: TCooperation }) {
  const t = useStaffT();
  const [choice, setChoice] = useState<string>(cooperation.staffEmployer ?? '');
  const save = useStaffWrite((input: TApiSchema<'UpdateCooperationRequest'>) =>
    ok(api.PATCH('/api/cooperations/{id}', { params: { path: { id: cooperation.id } }, body: input })));
  return (
    <PanelForm form="employer" headingId="employer-heading" title={t('staff.employer')} error={save.error} labels={{ staffEmployer: t('staff.employerChoice') }}
      onSubmit={() => save.mutate({ revision: cooperation.revision, staffEmployer: (choice || null) as TCooperation['staffEmployer'] })}
      submitLabel={t('staff.saveEmployer')} pending={save.isPending}>
      <SelectField form="employer" name="staffEmployer" label={t('staff.employerChoice')} value={choice} onChange={setChoice} error={save.error}
        placeholder={t('staff.employerByForm')}
        options={[{ value: 'vertskommune', label: t('staff.employerHost') }, { value: 'samarbeidet', label: t('staff.employerCooperation') }]} />
    </PanelForm>
  );
}

// ---- positions ---------------------------------------------------------------------------------

type TOpen = { mode: 'edit' | 'change' | 'end'; position: TPosition; opened: number };

function PositionsSection({ cooperationId }: { cooperationId: string }) {
  const t = useStaffT();
  const positions = usePositions(cooperationId);
  const departments = useDepartments(cooperationId);
  const people = useAdminPeople();
  const [onlyCurrent, setOnlyCurrent] = useState(true);
  const [open, setOpen] = useState<TOpen | null>(null);
  const remove = useStaffWrite((id: string) => ok(api.DELETE('/api/positions/{id}', { params: { path: { id } } })));
  const today = todayIso();
  const reopen = (mode: TOpen['mode'], position: TPosition) => setOpen((o) => ({ mode, position, opened: (o?.opened ?? 0) + 1 }));
  const reload = () => {
    const fresh = open && positions.data?.find((p) => p.id === open.position.id);
    if (open && fresh) reopen(open.mode, fresh); else setOpen(null);
  };
  // A new position goes only into a department that has not ended.
  const departmentOptions = (departments.data ?? []).filter((d) => !d.validTo || d.validTo >= today).map((d) => ({ value: d.id, label: d.name }));
  const rows = (positions.data ?? []).filter((p) => !onlyCurrent || !p.endDate || p.endDate >= today);
  const close = () => setOpen(null);
  return (
    <section className="stack" aria-labelledby="positions-heading">
      <Heading level={2} data-size="md" id="positions-heading">{t('staff.positions')}</Heading>
      <CheckboxField form="positions" name="onlyCurrent" label={t('staff.onlyCurrent')} checked={onlyCurrent} onChange={setOnlyCurrent} />
      <FormErrors form="position-delete" error={remove.error} onReload={() => remove.reset()} />
      {positions.isPending ? <Loading /> : positions.error ? <LoadError error={positions.error} /> : rows.length === 0 ? (
        <Paragraph>{t('staff.noPositions')}</Paragraph>
      ) : (
        <DataTable labelledBy="positions-heading" testId="positions-table"
          columns={[t('staff.person'), t('staff.department'), t('staff.positionTitle'), { label: t('staff.ftePercent'), numeric: true }, t('staff.start'), t('staff.end'), t('common.actions')]}>
          {rows.map((p) => {
            const name = `${personLabel(p)}, ${p.departmentName} ${formatDate(p.startDate)}`;
            return (
              <Table.Row key={p.id}>
                <Table.Cell>{personLabel(p)}</Table.Cell>
                <Table.Cell>{p.departmentName}</Table.Cell>
                <Table.Cell>{p.title ?? ''}</Table.Cell>
                <Table.Cell className="num">{formatPercent(p.ftePercent)}</Table.Cell>
                <Table.Cell>{formatDate(p.startDate)}</Table.Cell>
                <Table.Cell>{formatDate(p.endDate)}</Table.Cell>
                <Table.Cell>
                  <div className="actions">
                    <RowButton label={t('common.edit')} rowName={name} onClick={() => reopen('edit', p)} />
                    {!p.endDate || p.endDate > p.startDate ? <RowButton label={t('staff.changePosition')} rowName={name} onClick={() => reopen('change', p)} /> : null}
                    {!p.endDate ? <RowButton label={t('staff.endPosition')} rowName={name} onClick={() => reopen('end', p)} /> : null}
                    <RowButton variant="tertiary" danger label={t('common.delete')} rowName={name} onClick={() => remove.mutate(p.id)} />
                  </div>
                </Table.Cell>
              </Table.Row>
            );
          })}
        </DataTable>
      )}
      {open?.mode === 'edit' ? (
        <EditPosition key={`${open.position.id}:${open.opened}`} position={open.position} departments={departmentOptions} onDone={close} onReload={reload} />
      ) : open?.mode === 'change' ? (
        <ChangePosition key={`${open.position.id}:${open.opened}`} position={open.position} onDone={close} onReload={reload} />
      ) : open?.mode === 'end' ? (
        <EndPosition key={`${open.position.id}:${open.opened}`} position={open.position} onDone={close} onReload={reload} />
      ) : (
        <NewPosition departments={departmentOptions}
          people={(people.data ?? []).slice().sort((a, b) => personLabel(a).localeCompare(personLabel(b), 'nb')).map((p) => ({ value: p.id, label: personLabel(p) }))} />
      )}
    </section>
  );
}

const positionLabels = (t: TT) => ({
  personId: t('staff.person'), departmentId: t('staff.department'), title: t('staff.positionTitle'), ftePercent: t('staff.ftePercent'),
  startDate: t('staff.start'), endDate: t('staff.end'), from: t('staff.changeFrom'),
});

type TPositionValues = { departmentId: string; title: string; ftePercent: string; startDate: string; endDate: string };

function PositionFields({ form, value, onChange, departments, error }: {
  form: string; value: TPositionValues; onChange: (v: TPositionValues) => void; departments: TOption[]; error: unknown;
}) {
  const t = useStaffT();
  const set = (patch: Partial<TPositionValues>) => onChange({ ...value, ...patch });
  return (
    <>
      <SelectField form={form} name="departmentId" label={t('staff.department')} value={value.departmentId} onChange={(departmentId) => set({ departmentId })}
        placeholder={t('staff.chooseDepartment')} options={departments} required error={error} />
      <TextField form={form} name="title" label={t('staff.positionTitle')} value={value.title} onChange={(title) => set({ title })} error={error} />
      <TextField form={form} name="ftePercent" label={t('staff.ftePercent')} value={value.ftePercent} onChange={(ftePercent) => set({ ftePercent })}
        description={t('staff.ftePercentHint')} required error={error} />
      <TextField form={form} name="startDate" type="date" label={t('staff.start')} value={value.startDate} onChange={(startDate) => set({ startDate })} required error={error} />
      <TextField form={form} name="endDate" type="date" label={t('staff.end')} value={value.endDate} onChange={(endDate) => set({ endDate })} error={error} />
    </>
  );
}

const positionRequest = (v: TPositionValues) => ({
  departmentId: v.departmentId, title: v.title.trim() || null, ftePercent: parsePercent(v.ftePercent), startDate: v.startDate, endDate: v.endDate || null,
});

function NewPosition({ people, departments }: { people: TOption[]; departments: TOption[] }) {
  const t = useStaffT();
  const empty: TPositionValues = { departmentId: '', title: '', ftePercent: '100', startDate: '', endDate: '' };
  const [personId, setPersonId] = useState('');
  const [values, setValues] = useState(empty);
  const add = useStaffWrite(async (input: { personId: string } & TApiSchema<'CreatePositionRequest'>) => {
    const { personId: id, ...body } = input;
    // The person is the address of the request, so the page says it is missing rather than asking for nothing.
    if (!id) throw new ApiError(400, 'bad_request', t('staff.choosePerson'), [{ path: 'personId', message: t('staff.choosePerson') }]);
    return ok(api.POST('/api/people/{id}/positions', { params: { path: { id } }, body }));
  }, () => { setPersonId(''); setValues(empty); });
  return (
    <PanelForm form="position" headingId="new-position-heading" title={t('staff.newPosition')} error={add.error} labels={positionLabels(t)}
      notice={<Paragraph data-size="sm">{t('staff.peopleHint')}</Paragraph>}
      onSubmit={() => add.mutate({ personId, ...positionRequest(values) })} submitLabel={t('staff.addPosition')} pending={add.isPending}>
      <SelectField form="position" name="personId" label={t('staff.person')} value={personId} onChange={setPersonId}
        placeholder={t('staff.choosePerson')} options={people} required error={add.error} />
      <PositionFields form="position" value={values} onChange={setValues} departments={departments} error={add.error} />
    </PanelForm>
  );
}

type TRowFormProps = { position: TPosition; onDone: () => void; onReload: () => void };

function EditPosition({ position: p, departments, onDone, onReload }: TRowFormProps & { departments: TOption[] }) {
  const t = useStaffT();
  const [values, setValues] = useState<TPositionValues>({
    departmentId: p.departmentId, title: p.title ?? '', ftePercent: percentText(p.ftePercent), startDate: p.startDate, endDate: p.endDate ?? '',
  });
  const save = useStaffWrite((input: TApiSchema<'UpdatePositionRequest'>) =>
    ok(api.PATCH('/api/positions/{id}', { params: { path: { id: p.id } }, body: input })), onDone);
  // The position's own department stays choosable even after it has ended.
  const options = departments.some((d) => d.value === p.departmentId) ? departments : [{ value: p.departmentId, label: p.departmentName }, ...departments];
  return (
    <PanelForm form="edit-position" headingId="edit-position-heading" title={t('staff.editPosition', { name: personLabel(p) })} error={save.error}
      labels={positionLabels(t)} onReload={onReload} onCancel={onDone} submitLabel={t('common.save')} pending={save.isPending}
      onSubmit={() => save.mutate({ revision: p.revision, ...positionRequest(values) })}>
      <PositionFields form="edit-position" value={values} onChange={setValues} departments={options} error={save.error} />
    </PanelForm>
  );
}

function ChangePosition({ position: p, onDone, onReload }: TRowFormProps) {
  const t = useStaffT();
  const [ftePercent, setFtePercent] = useState(percentText(p.ftePercent));
  const [from, setFrom] = useState('');
  const change = useStaffWrite((input: TApiSchema<'ChangePositionRequest'>) =>
    ok(api.POST('/api/positions/{id}/change', { params: { path: { id: p.id } }, body: input })), onDone);
  return (
    <PanelForm form="position-change" headingId="position-change-heading" title={t('staff.changePositionOf', { name: personLabel(p) })} error={change.error}
      labels={{ ...positionLabels(t), ftePercent: t('staff.newFtePercent') }} onReload={onReload} onCancel={onDone}
      submitLabel={t('staff.changePosition')} pending={change.isPending}
      notice={<Paragraph>{t('staff.changePositionHint', { percent: formatPercent(p.ftePercent), from: formatDate(p.startDate) })}</Paragraph>}
      onSubmit={() => change.mutate({ revision: p.revision, from, ftePercent: parsePercent(ftePercent) })}>
      <TextField form="position-change" name="ftePercent" label={t('staff.newFtePercent')} value={ftePercent} onChange={setFtePercent}
        description={t('staff.ftePercentHint')} required error={change.error} />
      <TextField form="position-change" name="from" type="date" label={t('staff.changeFrom')} value={from} onChange={setFrom} required error={change.error} />
    </PanelForm>
  );
}

function EndPosition({ position: p, onDone, onReload }: TRowFormProps) {
  const t = useStaffT();
  const [endDate, setEndDate] = useState(todayIso);
  const end = useStaffWrite((input: TApiSchema<'UpdatePositionRequest'>) =>
    ok(api.PATCH('/api/positions/{id}', { params: { path: { id: p.id } }, body: input })), onDone);
  return (
    <PanelForm form="position-end" headingId="position-end-heading" title={t('staff.endPositionOf', { name: personLabel(p) })} error={end.error}
      labels={{ endDate: t('staff.lastDay') }} onReload={onReload} onCancel={onDone} submitLabel={t('staff.endPosition')} pending={end.isPending}
      onSubmit={() => end.mutate({ revision: p.revision, endDate })}>
      <TextField form="position-end" name="endDate" type="date" label={t('staff.lastDay')} value={endDate} onChange={setEndDate} required error={end.error} />
    </PanelForm>
  );
}
