// The meeting's number in its body's year (M1, M2 …; blank on a new meeting: the next free one) and,
// for a body numbering through the year, the first case number (a body that starts using samrad in the
// middle of a year, or a new numbering that begins at 41). Both are frozen once a notice has gone out.
import { TextField } from '../forms/fields';
import { useMeetingsT } from './messages';

export type TMeetingNumbers = { number: string; firstCaseSequence: string };

export function meetingNumbersOf(m?: { number: number; firstCaseSequence?: number | null }): TMeetingNumbers {
  return { number: m ? String(m.number) : '', firstCaseSequence: m?.firstCaseSequence ? String(m.firstCaseSequence) : '' };
}

/** The request's fields: a blank number is left to the server, a blank first case number is none. */
export function meetingNumbersBody(v: TMeetingNumbers, running: boolean) {
  const whole = (s: string) => (s.trim() === '' ? undefined : Number(s));
  return {
    number: whole(v.number),
    ...(running ? { firstCaseSequence: whole(v.firstCaseSequence) ?? null } : {}),
  };
}

export const meetingNumberLabels = (t: ReturnType<typeof useMeetingsT>) => ({ number: t('meeting.number'), firstCaseSequence: t('meeting.firstCaseSequence') });

export function MeetingNumberFields({ form, value, onChange, error, running }: {
  form: string; value: TMeetingNumbers; onChange: (v: TMeetingNumbers) => void; error: unknown; running: boolean;
}) {
  const t = useMeetingsT();
  return (
    <>
      <TextField form={form} name="number" type="number" label={t('meeting.number')} value={value.number} error={error}
        description={t('meeting.numberHint')} onChange={(number) => onChange({ ...value, number })} />
      {running ? (
        <TextField form={form} name="firstCaseSequence" type="number" label={t('meeting.firstCaseSequence')} value={value.firstCaseSequence} error={error}
          description={t('meeting.firstCaseSequenceHint')} onChange={(firstCaseSequence) => onChange({ ...value, firstCaseSequence })} />
      ) : null}
    </>
  );
}
