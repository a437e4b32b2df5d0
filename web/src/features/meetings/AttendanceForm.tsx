// Attendance as the minutes print it: present, absent (forfall), observers, administration and the
// minute-taker. The body's members on the meeting day are listed; others can be added from people.
import { Button, Heading } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { FormErrors, SelectField, TextField, useFocusFirstField } from '../forms/fields';
import { Loading } from '../shell/states';
import { useBodyMembers, usePeople, useSetAttendance, type TAttendanceEntry } from './api';
import { personLabel } from './format';
import type { TAttendanceRole, TMeetingView } from './types';

const ROLES: TAttendanceRole[] = ['til_stede', 'forfall', 'observator', 'administrasjon', 'referent'];

type TRow = { personId: string; name: string; role: TAttendanceRole | ''; municipalityId: string | null; note: string };

export function AttendanceForm({ view, onDone }: { view: TMeetingView; onDone: () => void }) {
  const t = useT();
  const focusRef = useFocusFirstField<HTMLFormElement>();
  const { meeting } = view;
  const members = useBodyMembers(meeting.bodyId, meeting.date);
  const people = usePeople();
  const save = useSetAttendance(meeting.id);
  const [rows, setRows] = useState<TRow[] | null>(null);
  const [pick, setPick] = useState('');

  // Start from the body's members and what is recorded already (the view names people "Family, Given").
  if (rows === null && members.data && people.data) {
    const recorded = new Map(view.attendance.map((a) => [a.name, a]));
    const initial: TRow[] = members.data.map((m) => {
      const name = personLabel(m);
      const r = recorded.get(name);
      return { personId: m.personId, name, role: r?.role ?? '', municipalityId: m.municipalityId, note: r?.note ?? '' };
    });
    const listed = new Set(initial.map((r) => r.name));
    for (const a of view.attendance) {
      if (listed.has(a.name)) continue;
      const person = people.data.find((p) => personLabel(p) === a.name);
      if (person) initial.push({ personId: person.id, name: a.name, role: a.role, municipalityId: person.municipalityId, note: a.note ?? '' });
    }
    setRows(initial);
  }

  const update = (personId: string, patch: Partial<TRow>) =>
    setRows((rs) => (rs ?? []).map((r) => (r.personId === personId ? { ...r, ...patch } : r)));

  function submit(event: FormEvent) {
    event.preventDefault();
    const entries: TAttendanceEntry[] = (rows ?? []).filter((r) => r.role).map((r) => ({
      personId: r.personId, role: r.role as TAttendanceRole, municipalityId: r.municipalityId, note: r.note.trim() || null,
    }));
    save.mutate(entries, { onSuccess: onDone });
  }

  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`attendance.${r}`) }));
  return (
    <form ref={focusRef} onSubmit={submit} className="panel stack" noValidate aria-labelledby="attendance-form-heading">
      <Heading level={3} data-size="sm" id="attendance-form-heading">{t('attendance.formHeading')}</Heading>
      <FormErrors form="attendance" error={save.error} />
      {rows === null ? <Loading /> : rows.map((r) => (
        <fieldset key={r.personId} className="row plain-fieldset">
          <legend className="sr-only">{r.name}</legend>
          <SelectField form="attendance" name={`role-${r.personId}`} label={t('attendance.roleFor', { name: r.name })}
            value={r.role} onChange={(v) => update(r.personId, { role: v as TAttendanceRole | '' })}
            placeholder={t('attendance.notListed')} options={roleOptions} />
          <TextField form="attendance" name={`note-${r.personId}`} label={t('attendance.noteFor', { name: r.name })}
            value={r.note} onChange={(v) => update(r.personId, { note: v })} />
        </fieldset>
      ))}
      <div className="row">
        <SelectField form="attendance" name="addPerson" label={t('attendance.addOther')} value={pick} onChange={setPick}
          placeholder={t('case.choosePersonPlaceholder')}
          options={(people.data ?? []).filter((p) => !(rows ?? []).some((r) => r.personId === p.id))
            .sort((a, b) => personLabel(a).localeCompare(personLabel(b), 'nb'))
            .map((p) => ({ value: p.id, label: personLabel(p) }))} />
        <div className="row__end">
          <Button type="button" variant="secondary" disabled={!pick} onClick={() => {
            const person = people.data?.find((p) => p.id === pick);
            if (person) setRows((rs) => [...(rs ?? []), { personId: person.id, name: personLabel(person), role: 'administrasjon', municipalityId: person.municipalityId, note: person.title ?? '' }]);
            setPick('');
          }}>{t('case.addPresenter')}</Button>
        </div>
      </div>
      <div className="actions">
        <Button type="submit" disabled={save.isPending || rows === null}>{t('common.save')}</Button>
        <Button type="button" variant="secondary" onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
