// Attendance as the minutes print it: present, absent (forfall), observers, administration and the
// minute-taker. The body's members on the meeting day are a table, one row each; others can be added
// from people. One person may hold two roles (from the administration and minute-taker), so rows have
// their own keys. Before anything is recorded the form starts as «Alle møtte»: the regular members
// present, observers as observers, deputies not listed; the leader changes only those who were away.
import { Button, Heading, Input, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useMeetingsT } from './messages';
import { fieldId, FormErrors, SaveCancel, SelectField, useFocusFirstField } from '../forms/fields';
import { DataTable } from '../tables/DataTable';
import { Loading } from '../shell/states';
import { useBodyMembers, usePeople, useSetAttendance, type TAttendanceEntry } from './api';
import { personLabel } from './format';
import type { TBodyMember, TMeetingView, TPerson } from './types';
import { ATTENDANCE_ROLES, type TAttendanceRole } from '../../../../src/modules/governance/vocabulary';


type TRow = { key: string; personId: string; name: string; role: TAttendanceRole | ''; municipalityId: string | null; municipality: string | null; note: string };

/** «Alle møtte»: what a member's row starts as when nothing is recorded for the meeting yet. */
function allPresent(member: Pick<TBodyMember, 'role'>): TAttendanceRole | '' {
  if (member.role === 'leder' || member.role === 'nestleder' || member.role === 'medlem') return 'til_stede';
  if (member.role === 'observator') return 'observator';
  return '';
}

/** Rows from the body's members and what is recorded already (the view names people "Family, Given"). */
function initialRows(view: TMeetingView, members: TBodyMember[], people: TPerson[]): TRow[] {
  const rows: TRow[] = [];
  const recorded = [...view.attendance];
  const fresh = recorded.length === 0;
  const take = (name: string) => {
    const i = recorded.findIndex((a) => a.name === name);
    return i < 0 ? undefined : recorded.splice(i, 1)[0];
  };
  for (const m of members) {
    const name = personLabel(m);
    const r = take(name);
    rows.push({
      key: `m-${m.id}`, personId: m.personId, name, role: r?.role ?? (fresh ? allPresent(m) : ''), municipalityId: m.municipalityId,
      municipality: m.municipalityName ?? null, note: r?.note ?? '',
    });
  }
  recorded.forEach((a, i) => {
    const person = people.find((p) => personLabel(p) === a.name);
    if (person) rows.push({ key: `r-${i}`, personId: person.id, name: a.name, role: a.role, municipalityId: person.municipalityId, municipality: a.municipality ?? null, note: a.note ?? '' });
  });
  return rows;
}

export function AttendanceForm({ view, onDone }: { view: TMeetingView; onDone: () => void }) {
  const members = useBodyMembers(view.meeting.bodyId, view.meeting.date);
  const people = usePeople();
  if (!members.data || !people.data) return <Loading />;
  return <AttendanceEditor view={view} people={people.data} members={members.data} initial={initialRows(view, members.data, people.data)} onDone={onDone} />;
}

function AttendanceEditor({ view, people, members, initial, onDone }: { view: TMeetingView; people: TPerson[]; members: TBodyMember[]; initial: TRow[]; onDone: () => void }) {
  const t = useMeetingsT();
  const focusRef = useFocusFirstField<HTMLFormElement>();
  const save = useSetAttendance(view.meeting.id);
  // The list as the form was opened: saved on this version, so a list someone else saved since is not
  // overwritten unseen (409; the user reloads).
  const [attendanceRevision, setAttendanceRevision] = useState(view.meeting.attendanceRevision);
  const [rows, setRows] = useState<TRow[]>(initial);
  const [pick, setPick] = useState('');

  function reload() {
    setAttendanceRevision(view.meeting.attendanceRevision);
    setRows(initial);
    save.reset();
  }

  const update = (key: string, patch: Partial<TRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  function submit(event: FormEvent) {
    event.preventDefault();
    const entries: TAttendanceEntry[] = rows.filter((r) => r.role).map((r) => ({
      personId: r.personId, role: r.role as TAttendanceRole, municipalityId: r.municipalityId, note: r.note.trim() || null,
    }));
    save.mutate({ entries, attendanceRevision }, { onSuccess: onDone });
  }

  // A second row for the same person gets "(2)" in its labels, so every field keeps a unique name.
  const seen = new Map<string, number>();
  const labelled = rows.map((r) => {
    const n = (seen.get(r.personId) ?? 0) + 1;
    seen.set(r.personId, n);
    return { row: r, who: n > 1 ? `${r.name} (${n})` : r.name };
  });
  const roleOptions = ATTENDANCE_ROLES.map((r) => ({ value: r, label: t(`attendance.${r}`) }));
  return (
    <form ref={focusRef} onSubmit={submit} className="panel stack" noValidate aria-labelledby="attendance-form-heading">
      <Heading level={3} data-size="sm" id="attendance-form-heading">{t('attendance.formHeading')}</Heading>
      <FormErrors form="attendance" error={save.error} onReload={reload} />
      <Paragraph data-size="sm">{t('attendance.allPresentHint')}</Paragraph>
      <div>
        <Button type="button" variant="secondary" data-size="sm" onClick={() => setRows((rs) => rs.map((r) => {
          const member = members.find((m) => `m-${m.id}` === r.key);
          return member ? { ...r, role: allPresent(member) } : r;
        }))}>{t('attendance.allPresent')}</Button>
      </div>
      <DataTable caption={t('attendance.list')} className="attendance-table"
        columns={[t('attendance.name'), t('attendance.municipality'), t('attendance.role'), t('attendance.note')]}>
        {labelled.map(({ row: r, who }) => (
          <Table.Row key={r.key}>
            <Table.HeaderCell scope="row">{who}</Table.HeaderCell>
            <Table.Cell>{r.municipality ?? ''}</Table.Cell>
            <Table.Cell>
              <Label htmlFor={fieldId('attendance', `role-${r.key}`)} className="sr-only">{t('attendance.roleFor', { name: who })}</Label>
              <Select id={fieldId('attendance', `role-${r.key}`)} name={`role-${r.key}`} data-size="sm" value={r.role}
                onChange={(e) => update(r.key, { role: e.target.value as TAttendanceRole | '' })}>
                <Select.Option value="">{t('attendance.notListed')}</Select.Option>
                {roleOptions.map((o) => <Select.Option key={o.value} value={o.value}>{o.label}</Select.Option>)}
              </Select>
            </Table.Cell>
            <Table.Cell>
              <Label htmlFor={fieldId('attendance', `note-${r.key}`)} className="sr-only">{t('attendance.noteFor', { name: who })}</Label>
              <Input id={fieldId('attendance', `note-${r.key}`)} name={`note-${r.key}`} data-size="sm" value={r.note}
                onChange={(e) => update(r.key, { note: e.target.value })} />
            </Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
      <div className="row">
        <SelectField form="attendance" name="addPerson" label={t('attendance.addOther')} value={pick} onChange={setPick}
          placeholder={t('case.choosePersonPlaceholder')}
          options={people.slice().sort((a, b) => personLabel(a).localeCompare(personLabel(b), 'nb'))
            .map((p) => ({ value: p.id, label: personLabel(p) }))} />
        <div className="row__end">
          <Button type="button" variant="secondary" disabled={!pick} onClick={() => {
            const person = people.find((p) => p.id === pick);
            if (person) {
              setRows((rs) => [...rs, {
                key: `a-${Date.now()}`, personId: person.id, name: personLabel(person), role: 'administrasjon',
                municipalityId: person.municipalityId, municipality: null, note: person.title ?? '',
              }]);
            }
            setPick('');
          }}>{t('case.addPresenter')}</Button>
        </div>
      </div>
      <SaveCancel busy={save.isPending} onCancel={onDone} />
    </form>
  );
}
