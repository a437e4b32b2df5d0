// "Planlegg møte": a new meeting for a body. The server numbers it (M1, M2 … per year) and proposes the
// standing cases 001 and 002.
import { Heading } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useMeetingsT } from './messages';
import { FormErrors, SaveCancel, SelectField, useFocusFirstField } from '../forms/fields';
import { useCreateMeeting } from './api';
import { MeetingTimeFields, meetingTimeLabels, meetingTimesBody, meetingTimesOf } from './MeetingTimeFields';
import { MeetingNumberFields, meetingNumberLabels, meetingNumbersBody, meetingNumbersOf } from './MeetingNumberFields';
import type { TBody, TMeetingView } from './types';

export function PlanMeetingForm({ bodies, defaultBodyId, onCreated, onCancel }: {
  bodies: TBody[];
  defaultBodyId?: string;
  onCreated: (view: TMeetingView) => void;
  onCancel: () => void;
}) {
  const t = useMeetingsT();
  const focusRef = useFocusFirstField<HTMLFormElement>();
  const create = useCreateMeeting();
  const [bodyId, setBodyId] = useState(defaultBodyId ?? bodies[0]?.id ?? '');
  const [times, setTimes] = useState(() => meetingTimesOf());
  const [numbers, setNumbers] = useState(() => meetingNumbersOf());
  const running = bodies.find((b) => b.id === bodyId)?.caseNumbering === 'running';

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ bodyId, ...meetingTimesBody(times), ...meetingNumbersBody(numbers, running) }, { onSuccess: onCreated });
  }

  const labels = { bodyId: t('meeting.body'), ...meetingTimeLabels(t), ...meetingNumberLabels(t) };
  return (
    <form ref={focusRef} onSubmit={submit} className="panel stack" noValidate aria-labelledby="plan-meeting-heading">
      <Heading level={2} data-size="sm" id="plan-meeting-heading">{t('meeting.planHeading')}</Heading>
      <FormErrors form="plan" error={create.error} labels={labels} />
      <div className="grid-form">
        <SelectField form="plan" name="bodyId" label={labels.bodyId} value={bodyId} onChange={setBodyId}
          options={bodies.map((b) => ({ value: b.id, label: b.name }))} error={create.error} required />
        <MeetingTimeFields form="plan" value={times} onChange={setTimes} error={create.error} />
        <MeetingNumberFields form="plan" value={numbers} onChange={setNumbers} error={create.error} running={running} />
      </div>
      <SaveCancel busy={create.isPending} onCancel={onCancel} />
    </form>
  );
}
