// "Planlegg møte": a new meeting for a body. The server numbers it (M1, M2 … per year) and proposes the
// standing cases 001 and 002.
import { Button, Heading } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { FormErrors, SelectField, TextField, useFocusFirstField } from '../forms/fields';
import { useCreateMeeting } from './api';
import type { TBody, TMeetingView } from './types';

export function PlanMeetingForm({ bodies, defaultBodyId, onCreated, onCancel }: {
  bodies: TBody[];
  defaultBodyId?: string;
  onCreated: (view: TMeetingView) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const focusRef = useFocusFirstField<HTMLFormElement>();
  const create = useCreateMeeting();
  const [bodyId, setBodyId] = useState(defaultBodyId ?? bodies[0]?.id ?? '');
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState('09:00');
  const [endTime, setEndTime] = useState('');
  const [place, setPlace] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ bodyId, date, startTime, endTime: endTime || null, place }, { onSuccess: onCreated });
  }

  const labels = {
    bodyId: t('meeting.body'), date: t('meeting.date'), startTime: t('meeting.startTime'),
    endTime: t('meeting.endTime'), place: t('meeting.place'),
  };
  return (
    <form ref={focusRef} onSubmit={submit} className="panel stack" noValidate aria-labelledby="plan-meeting-heading">
      <Heading level={2} data-size="sm" id="plan-meeting-heading">{t('meeting.planHeading')}</Heading>
      <FormErrors form="plan" error={create.error} labels={labels} />
      <div className="grid-form">
        <SelectField form="plan" name="bodyId" label={labels.bodyId} value={bodyId} onChange={setBodyId}
          options={bodies.map((b) => ({ value: b.id, label: b.name }))} error={create.error} required />
        <TextField form="plan" name="date" type="date" label={labels.date} value={date} onChange={setDate} required error={create.error} />
        <TextField form="plan" name="startTime" type="time" label={labels.startTime} value={startTime} onChange={setStartTime} required error={create.error} />
        <TextField form="plan" name="endTime" type="time" label={labels.endTime} value={endTime} onChange={setEndTime} error={create.error} />
        <TextField form="plan" name="place" label={labels.place} value={place} onChange={setPlace} required error={create.error} />
      </div>
      <div className="actions">
        <Button type="submit" disabled={create.isPending}>{t('common.save')}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
