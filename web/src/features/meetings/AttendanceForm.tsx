// Attendance as the minutes print it: present, absent (forfall), observers, administration and the
// minute-taker. The body's members on the meeting day are listed; others can be added from people.
// One person may hold two roles (from the administration and minute-taker), so rows have their own keys.
import { Button, Heading } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { FormErrors, SaveCancel, SelectField, TextField, useFocusFirstField } from '../forms/fields';
import { Loading } from '../shell/states';
import { useBodyMembers, usePeople, useSetAttendance, type TAttendanceEntry } from './api';
import { personLabel } from './format';
import type { TBodyMember, TMeetingView, TPerson } from './types';
import { ATTENDANCE_ROLES, type TAttendanceRole } from '../../../../src/modules/governance/vocabulary';


type TRow = { key: string; personId: string; name: string; role: TAttendanceRole | ''; municipalityId: string | null; note: string };

/** Rows from the body's members and what is recorded already (the view names people "Family, Given"). */
function initialRows(view: TMeetingView, members: TBodyMember[], people: TPerson[]): TRow[] {
  const rows: TRow[] = [];
  const recorded = [...view.attendance];
  const take = (name: string) => {
    const i = recorded.findIndex((a) => a.name === name);
    return i < 0 ? undefined : recorded.splice(i, 1)[0];
  };
  for (const m of members) {
    const name = personLabel(m);
    const r = take(name);
    rows.push({ key: `m-${m.id}`, personId: m.personId, name, role: r?.role ?? '', municipalityId: m.municipalityId, note: r?.note ?? '' });
  }
  recorded.forEach((a, i) => {
    const person = people.find((p) => personLabel(p) === a.name);
    if (person) rows.push({ key: `r-${i}`, personId: person.id, name: a.name, role: a.role, municipalityId: person.municipalityId, note: a.note ?? '' });
  });
  return rows;
}

export function AttendanceForm({ view, onDone }: { view: TMeetingView; onDone: () => void }) {
  const members = useBodyMembers(view.meeting.bodyId, view.meeting.date);
  const people = usePeople();
  if (!members.data || !people.data) return <Loading />;
  return <AttendanceEditor view={view} people={people.data} initial={initialRows(view, members.data, people.data)} onDone={onDone} />;
}

function AttendanceEditor({ view, people, initial, onDone }: { view: TMeetingView; people: TPerson[]; initial: TRow[]; onDone: () => void }) {
  const t = useT();
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
      {labelled.map(({ row: r, who }) => (
        <fieldset key={r.key} className="row plain-fieldset">
          <legend className="sr-only">{who}</legend>
          <SelectField form="attendance" name={`role-${r.key}`} label={t('attendance.roleFor', { name: who })}
            value={r.role} onChange={(v) => update(r.key, { role: v as TAttendanceRole | '' })}
            placeholder={t('attendance.notListed')} options={roleOptions} />
          <TextField form="attendance" name={`note-${r.key}`} label={t('attendance.noteFor', { name: who })}
            value={r.note} onChange={(v) => update(r.key, { note: v })} />
        </fieldset>
      ))}
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
                municipalityId: person.municipalityId, note: person.title ?? '',
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
