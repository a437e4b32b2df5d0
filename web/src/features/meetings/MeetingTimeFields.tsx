// Date, times and place of a meeting: the fields «Planlegg møte» and «Rediger møte» share.
import { useMeetingsT, type TMeetingsT } from './messages';
import { TextField } from '../forms/fields';

export type TMeetingTimes = { date: string; startTime: string; endTime: string; place: string };

/**
 * The fields as a form edits them (no time is ''), from a stored meeting or the defaults of a new one. A
 * historical meeting may have no start time (its papers do not say).
 */
export function meetingTimesOf(meeting?: { date: string; startTime: string | null; endTime: string | null; place: string }): TMeetingTimes {
  return meeting
    ? { date: meeting.date, startTime: meeting.startTime ?? '', endTime: meeting.endTime ?? '', place: meeting.place }
    : { date: '', startTime: '09:00', endTime: '', place: '' };
}

/** As the API takes them: an empty end time is none. */
export const meetingTimesBody = (times: TMeetingTimes) => ({ ...times, endTime: times.endTime || null });

export const meetingTimeLabels = (t: TMeetingsT) => ({
  date: t('meeting.date'), startTime: t('meeting.startTime'), endTime: t('meeting.endTime'), place: t('meeting.place'),
});

export function MeetingTimeFields({ form, value, onChange, error, startTimeOptional = false }: {
  form: string; value: TMeetingTimes; onChange: (next: TMeetingTimes) => void; error: unknown;
  /** A historical meeting: the papers may give no time, and then it has a date only. */
  startTimeOptional?: boolean;
}) {
  const labels = meetingTimeLabels(useMeetingsT());
  const set = (key: keyof TMeetingTimes) => (text: string) => onChange({ ...value, [key]: text });
  return (
    <>
      <TextField form={form} name="date" type="date" label={labels.date} value={value.date} onChange={set('date')} required error={error} />
      <TextField form={form} name="startTime" type="time" label={labels.startTime} value={value.startTime} onChange={set('startTime')} required={!startTimeOptional} error={error} />
      <TextField form={form} name="endTime" type="time" label={labels.endTime} value={value.endTime} onChange={set('endTime')} error={error} />
      <TextField form={form} name="place" label={labels.place} value={value.place} onChange={set('place')} required error={error} />
    </>
  );
}
