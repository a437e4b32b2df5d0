// "Rett godkjent referat": approved minutes change only by a decision in a later meeting of the same
// body (POST /api/meetings/{id}/minutes/reopen with that case). Staff choose the meeting and the case
// whose decision orders the correction, read the decision back in a confirm step, and only then reopen:
// the approved PDFs stay archived as superseded and the corrected minutes are approved again.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useMeetingsT } from './messages';
import { formatDate } from '../../i18n/format';
import { FormErrors, SelectField } from '../forms/fields';
import { useMeeting, useMeetings, useReopenMinutes } from './api';
import { isRedacted, type TCaseView, type TMeeting } from './types';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { focusWhenReady } from '../shell/focus';

const FORM = 'reopen';

/** Later in the body's order: a later date, or the same date and a higher meeting number. */
const isLater = (m: { date: string; number: number }, than: TMeeting) =>
  m.date > than.date || (m.date === than.date && m.number > than.number);

export function ReopenMinutes({ meeting }: { meeting: TMeeting }) {
  const t = useMeetingsT();
  const reopen = useReopenMinutes(meeting.id);
  const bodyMeetings = useMeetings({ bodyId: meeting.bodyId });
  const later = (bodyMeetings.data ?? [])
    .filter((m) => m.id !== meeting.id && isLater(m, meeting))
    .sort((a, b) => a.date.localeCompare(b.date) || a.number - b.number);
  const [chosenMeeting, setChosenMeeting] = useState('');
  const deciding = chosenMeeting || later[0]?.id || '';
  const decidingView = useMeeting(deciding, { enabled: Boolean(deciding) });
  const decided = (decidingView.data?.cases ?? [])
    .filter((c): c is TCaseView => !isRedacted(c) && Boolean(c.decisionText?.trim()));
  const [chosenCase, setChosenCase] = useState('');
  const caseId = decided.some((c) => c.id === chosenCase) ? chosenCase : decided[0]?.id ?? '';
  const decision = decided.find((c) => c.id === caseId);
  const [confirming, setConfirming] = useState(false);

  // Shown while the minutes are approved, and once more to say they were reopened.
  if (meeting.status !== 'godkjent' && !reopen.data) return null;

  return (
    <section className="stack" aria-labelledby="reopen-heading">
      <Heading level={2} data-size="md" id="reopen-heading">{t('reopen.heading')}</Heading>
      {reopen.data ? (
        <Alert data-color="success" role="status" id="reopen-done" tabIndex={-1}>
          <Paragraph>{t('reopen.done', { number: reopen.data.decidedByCaseNumber })}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph data-size="sm">{t('reopen.hint')}</Paragraph>
          <FormErrors form={FORM} error={reopen.error} labels={{ decidedByCaseId: t('reopen.case') }} />
          {bodyMeetings.isSuccess && later.length === 0 ? <Paragraph>{t('reopen.noLaterMeeting')}</Paragraph> : (
            <div className="stack">
              <div className="row">
                <SelectField form={FORM} name="meetingId" label={t('reopen.meeting')} value={deciding}
                  onChange={(id) => { setChosenMeeting(id); setChosenCase(''); setConfirming(false); }}
                  options={later.map((m) => ({ value: m.id, label: `${m.year} M${m.number} (${formatDate(m.date)})` }))} />
                {decidingView.isSuccess && decided.length === 0 ? <Paragraph>{t('reopen.noDecision')}</Paragraph> : (
                  <SelectField form={FORM} name="decidedByCaseId" label={t('reopen.case')} value={caseId} error={reopen.error}
                    onChange={(id) => { setChosenCase(id); setConfirming(false); }}
                    options={decided.map((c) => ({ value: c.id, label: `${c.number} ${c.title}` }))} />
                )}
              </div>
              {decision ? (
                <div className="actions">
                  <Button type="button" variant="secondary" data-color="danger" onClick={() => setConfirming(true)}>
                    {t('reopen.start')}
                  </Button>
                </div>
              ) : null}
              {decision && confirming ? (
                <ConfirmDialog title={t('reopen.confirmHeading')} confirmLabel={t('reopen.confirm')} pending={reopen.isPending}
                  error={<FormErrors form={`${FORM}-confirm`} error={reopen.error} labels={{ decidedByCaseId: t('reopen.case') }} />}
                  onCancel={() => { setConfirming(false); reopen.reset(); }}
                  onConfirm={() => reopen.mutate({ decidedByCaseId: decision.id }, {
                    onSuccess: () => {
                      setConfirming(false);
                      focusWhenReady('reopen-done');
                    },
                  })}>
                  <Paragraph>{t('reopen.confirmText', { number: decision.number })}</Paragraph>
                  <blockquote aria-label={t('reopen.decisionQuoted', { number: decision.number })}>
                    <Paragraph>{decision.decisionText}</Paragraph>
                  </blockquote>
                </ConfirmDialog>
              ) : null}
            </div>
          )}
        </>
      )}
    </section>
  );
}
