// "Rediger møte": date, times and place of a planned or notified meeting, with the revision that was
// read so two people editing at once get a 409 instead of overwriting each other. A change after the
// notice went out is listed in the next notice version.
import { Heading } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useMeetingsT } from './messages';
import { FormErrors, SaveCancel, useFocusFirstField } from '../forms/fields';
import { useUpdateMeeting } from './api';
import { MeetingTimeFields, meetingTimeLabels, meetingTimesBody, meetingTimesOf } from './MeetingTimeFields';
import { MeetingNumberFields, meetingNumberLabels, meetingNumbersBody, meetingNumbersOf } from './MeetingNumberFields';
import { useBodies } from './api';
import type { TMeeting } from './types';

export function EditMeetingForm({ meeting, onDone }: { meeting: TMeeting; onDone: () => void }) {
  const t = useMeetingsT();
  const focusRef = useFocusFirstField<HTMLFormElement>();
  const update = useUpdateMeeting(meeting.id);
  // The meeting as the form was opened: saved on this revision, even when the page has fetched a newer
  // one behind the form (then the server answers 409 and the user chooses to reload).
  const [revision, setRevision] = useState(meeting.revision);
  const [times, setTimes] = useState(() => meetingTimesOf(meeting));
  const [numbers, setNumbers] = useState(() => meetingNumbersOf(meeting));
  const running = useBodies().data?.find((b) => b.id === meeting.bodyId)?.caseNumbering === 'running';

  function reload() {
    setRevision(meeting.revision);
    setTimes(meetingTimesOf(meeting));
    setNumbers(meetingNumbersOf(meeting));
    update.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = meetingTimesBody(times);
    // A historical meeting without a time in its papers keeps none (an empty field is no time, not 00:00).
    const startTime = meeting.historical && !body.startTime ? null : body.startTime;
    update.mutate({ revision, ...body, startTime, ...meetingNumbersBody(numbers, running) }, { onSuccess: onDone });
  }

  return (
    <form ref={focusRef} onSubmit={submit} className="panel stack" noValidate aria-labelledby="edit-meeting-heading">
      <Heading level={2} data-size="sm" id="edit-meeting-heading">{t('meeting.editHeading')}</Heading>
      <FormErrors form="edit-meeting" error={update.error} labels={{ ...meetingTimeLabels(t), ...meetingNumberLabels(t) }} onReload={reload} />
      <div className="grid-form">
        <MeetingTimeFields form="edit-meeting" value={times} onChange={setTimes} error={update.error} startTimeOptional={meeting.historical} />
        <MeetingNumberFields form="edit-meeting" value={numbers} onChange={setNumbers} error={update.error} running={running} />
      </div>
      <SaveCancel busy={update.isPending} onCancel={onDone} />
    </form>
  );
}
