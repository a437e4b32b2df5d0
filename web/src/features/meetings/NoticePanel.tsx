// "Send innkalling" and the notice's version history: version 1 is frozen at the first send, later
// sends make a new version listing what changed. Sending cannot be undone, so it is reviewed first in
// the shared confirmation dialog: who gets it (the body's members on the meeting's date with an
// e-mail address, as the server picks them), who has no address, and the PDF. For each member without
// an address the sender says whether the notice went by post or was handed out (issue 12), so a body
// without e-mail can be summoned too; «not reached» leaves the member out, as before.
import { Alert, Button, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useMeetingsT } from './messages';
import { formatDateTime } from '../../i18n/format';
import { FormErrors, SelectField } from '../forms/fields';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { focusWhenReady } from '../shell/focus';
import { LoadError, Loading } from '../shell/states';
import { useBodyMembers, useNoticeVersions, useSendNotice, type TPaperDelivery } from './api';
import { personLabel } from './format';
import type { TMeeting } from './types';

export function NoticePanel({ meeting, editable }: { meeting: TMeeting; editable: boolean }) {
  const t = useMeetingsT();
  const versions = useNoticeVersions(meeting.id);
  const send = useSendNotice(meeting.id);
  const [reviewing, setReviewing] = useState(false);
  return (
    <section className="stack" aria-labelledby="notice-heading">
      <Heading level={2} data-size="md" id="notice-heading">{t('notice.heading')}</Heading>
      {editable && meeting.status !== 'godkjent' ? (
        <div className="stack">
          <Paragraph data-size="sm">
            {meeting.noticeVersion === 0 ? t('notice.firstHint') : t('notice.againHint', { version: meeting.noticeVersion + 1 })}
          </Paragraph>
          <div><Button type="button" onClick={() => { send.reset(); setReviewing(true); }}>{t('notice.send')}</Button></div>
          {reviewing ? null : <FormErrors form="notice" error={send.error} />}
          {send.data ? (
            <Alert data-color="success" role="status" id="notice-sent" tabIndex={-1}>
              <Paragraph>{t('notice.sent', { version: send.data.version, count: send.data.recipients.length + send.data.paperDeliveries.length })}</Paragraph>
            </Alert>
          ) : null}
          {reviewing ? (
            <SendReview meeting={meeting} pending={send.isPending} error={send.error}
              onCancel={() => setReviewing(false)}
              onSend={(paperDeliveries) => send.mutate(paperDeliveries, {
                onSuccess: () => {
                  setReviewing(false);
                  focusWhenReady('notice-sent');
                },
              })} />
          ) : null}
        </div>
      ) : null}
      {versions.isPending ? <Loading /> : versions.error ? <LoadError error={versions.error} /> : versions.data.length === 0 ? (
        <Paragraph>{t('notice.notSent')}</Paragraph>
      ) : (
        <ol className="stack plain-list" aria-label={t('notice.versions')}>
          {versions.data.map((v) => (
            <li key={v.version}>
              <strong>{t('notice.version', { version: v.version })}</strong>
              {' – '}{t('notice.sentAt', { when: formatDateTime(v.sentAt) })}
              {` · ${t('notice.recipients', { count: v.recipientCount })}`}
              {v.paperDeliveries.length ? ` · ${t('notice.paperDeliveries', {
                names: v.paperDeliveries.map((d) => `${d.name} (${t(d.method === 'post' ? 'notice.paperPost' : 'notice.paperHanded').toLowerCase()})`).join('; '),
              })}` : null}
              {v.changes.length > 0 ? (
                <ul className="changes">{v.changes.map((change, i) => <li key={i}>{change}</li>)}</ul>
              ) : v.version > 1 ? <div className="hit__meta">{t('notice.noChanges')}</div> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function SendReview({ meeting, pending, error, onSend, onCancel }: {
  meeting: TMeeting; pending: boolean; error: unknown; onSend: (paperDeliveries: TPaperDelivery[]) => void; onCancel: () => void;
}) {
  const t = useMeetingsT();
  const members = useBodyMembers(meeting.bodyId, meeting.date);
  const [methods, setMethods] = useState<Record<string, '' | TPaperDelivery['method']>>({});
  const list = members.data ?? [];
  const withEmail = list.filter((m) => m.email);
  // One choice per person, though a person may sit twice on the day (two roles).
  const without = list.filter((m, i) => !m.email && list.findIndex((o) => o.personId === m.personId) === i);
  const deliveries = without.flatMap((m) => {
    const method = methods[m.personId];
    return method ? [{ personId: m.personId, method }] : [];
  });
  return (
    <ConfirmDialog title={t('notice.confirmTitle', { version: meeting.noticeVersion + 1 })} confirmLabel={t('notice.send')} danger={false}
      pending={pending || members.isPending} error={<FormErrors form="notice-confirm" error={error} />} onConfirm={() => onSend(deliveries)} onCancel={onCancel}>
      {members.isPending ? <Loading /> : members.error ? <LoadError error={members.error} /> : (
        <>
          {withEmail.length === 0 ? <Paragraph>{t('notice.noRecipients')}</Paragraph> : (
            <>
              <Paragraph>{t('notice.confirmTo', { count: withEmail.length, body: meeting.bodyName })}</Paragraph>
              <ul aria-label={t('notice.recipientList')} className="notice-recipients">
                {withEmail.map((m) => <li key={m.id}>{personLabel(m)} &lt;{m.email}&gt;</li>)}
              </ul>
            </>
          )}
          {without.length > 0 ? (
            <fieldset className="stack" data-testid="notice-paper">
              <legend>{without.length === 1 ? t('notice.paperLegendOne') : t('notice.paperLegend', { count: without.length })}</legend>
              {without.map((m) => (
                <SelectField key={m.personId} form="notice-confirm" name={`paper-${m.personId}`} label={t('notice.paperFor', { name: personLabel(m) })}
                  value={methods[m.personId] ?? ''} error={null}
                  onChange={(v) => setMethods((old) => ({ ...old, [m.personId]: v as '' | TPaperDelivery['method'] }))}
                  options={[
                    { value: '', label: t('notice.paperNone') },
                    { value: 'post', label: t('notice.paperPost') },
                    { value: 'utlevert', label: t('notice.paperHanded') },
                  ]} />
              ))}
            </fieldset>
          ) : null}
          <DsLink href={`/api/meetings/${meeting.id}/notice.pdf`} target="_blank" rel="noopener">{t('notice.preview')}</DsLink>
        </>
      )}
    </ConfirmDialog>
  );
}
