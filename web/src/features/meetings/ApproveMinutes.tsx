// "Godkjenn referat": the minutes of an earlier meeting are approved by this meeting's standing case
// 002 once its decision is recorded; approval locks them and archives the PDF with its SHA-256.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useMeetingsT } from './messages';
import { formatDate } from '../../i18n/format';
import { FormErrors, SelectField } from '../forms/fields';
import { useApproveMinutes, useMeetings } from './api';
import type { TCaseView, TMeeting } from './types';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { focusWhenReady } from '../shell/focus';

export function ApproveMinutes({ meeting, approvingCase }: { meeting: TMeeting; approvingCase: TCaseView }) {
  const t = useMeetingsT();
  const earlier = useMeetings({ bodyId: meeting.bodyId });
  const approve = useApproveMinutes(meeting.id);
  // Only minutes there are: a held meeting (status avholdt: its attendance or a decision is recorded), not
  // yet approved, before this one.
  const candidates = (earlier.data ?? []).filter((m) => m.id !== meeting.id && m.date < meeting.date && m.status === 'avholdt');
  const [chosen, setChosen] = useState('');
  const target = chosen || candidates[0]?.id || '';
  const [confirming, setConfirming] = useState(false);
  const label = (m: (typeof candidates)[number]) => `${m.bodyName} ${m.year} M${m.number} (${formatDate(m.date)})`;
  const targetMeeting = candidates.find((m) => m.id === target);

  return (
    <section className="stack" aria-labelledby="approve-heading">
      <Heading level={2} data-size="md" id="approve-heading">{t('approve.heading')}</Heading>
      <Paragraph data-size="sm">{t('approve.hint', { number: approvingCase.number })}</Paragraph>
      {!approvingCase.decisionText ? <Alert data-color="info"><Paragraph>{t('approve.needsDecision', { number: approvingCase.number })}</Paragraph></Alert> : null}
      {approve.data ? <Alert data-color="success" role="status" id="approve-done" tabIndex={-1}><Paragraph>{t('approve.done')}</Paragraph></Alert> : null}
      {confirming ? null : <FormErrors form="approve" error={approve.error} />}
      {candidates.length === 0 ? <Paragraph>{t('approve.nothing')}</Paragraph> : (
        <div className="row">
          <SelectField form="approve" name="meetingId" label={t('approve.which')} value={target} onChange={setChosen}
            options={candidates.map((m) => ({ value: m.id, label: label(m) }))} />
          <div className="row__end">
            <Button type="button" disabled={!target} onClick={() => { approve.reset(); setConfirming(true); }}>
              {t('approve.submit')}
            </Button>
          </div>
        </div>
      )}
      {confirming && targetMeeting ? (
        <ConfirmDialog title={t('approve.confirmTitle', { meeting: label(targetMeeting) })} confirmLabel={t('approve.submit')} danger={false}
          pending={approve.isPending} error={<FormErrors form="approve-confirm" error={approve.error} />}
          onCancel={() => setConfirming(false)}
          onConfirm={() => approve.mutate({ minutesOf: target, approvedByCaseId: approvingCase.id }, {
            onSuccess: () => {
              setConfirming(false);
              focusWhenReady('approve-done');
            },
          })}>
          <Paragraph>{t('approve.confirmText')}</Paragraph>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
