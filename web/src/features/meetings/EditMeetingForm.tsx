// "Rediger møte": date, times and place of a planned or notified meeting, with the revision that was
// read so two people editing at once get a 409 instead of overwriting each other. A change after the
// notice went out is listed in the next notice version.
import { Button, Heading } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { FormErrors, TextField, useFocusFirstField } from '../forms/fields';
import { useUpdateMeeting } from './api';
import type { TMeeting } from './types';

export function EditMeetingForm({ meeting, onDone }: { meeting: TMeeting; onDone: () => void }) {
  const t = useT();
  const focusRef = useFocusFirstField<HTMLFormElement>();
  const update = useUpdateMeeting(meeting.id);
  const [date, setDate] = useState(meeting.date);
  const [startTime, setStartTime] = useState(meeting.startTime);
  const [endTime, setEndTime] = useState(meeting.endTime ?? '');
  const [place, setPlace] = useState(meeting.place);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ revision: meeting.revision, date, startTime, endTime: endTime || null, place }, { onSuccess: onDone });
  }

  const labels = { date: t('meeting.date'), startTime: t('meeting.startTime'), endTime: t('meeting.endTime'), place: t('meeting.place') };
  return (
    <form ref={focusRef} onSubmit={submit} className="panel stack" noValidate aria-labelledby="edit-meeting-heading">
      <Heading level={2} data-size="sm" id="edit-meeting-heading">{t('meeting.editHeading')}</Heading>
      <FormErrors form="edit-meeting" error={update.error} labels={labels} />
      <div className="grid-form">
        <TextField form="edit-meeting" name="date" type="date" label={labels.date} value={date} onChange={setDate} required error={update.error} />
        <TextField form="edit-meeting" name="startTime" type="time" label={labels.startTime} value={startTime} onChange={setStartTime} required error={update.error} />
        <TextField form="edit-meeting" name="endTime" type="time" label={labels.endTime} value={endTime} onChange={setEndTime} error={update.error} />
        <TextField form="edit-meeting" name="place" label={labels.place} value={place} onChange={setPlace} required error={update.error} />
      </div>
      <div className="actions">
        <Button type="submit" disabled={update.isPending}>{t('common.save')}</Button>
        <Button type="button" variant="secondary" onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
