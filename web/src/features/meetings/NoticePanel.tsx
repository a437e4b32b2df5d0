// "Send innkalling" and the notice's version history: version 1 is frozen at the first send, later
// sends make a new version listing what changed.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { FormErrors } from '../forms/fields';
import { LoadError, Loading } from '../shell/states';
import { useNoticeVersions, useSendNotice } from './api';
import type { TMeeting } from './types';

export function NoticePanel({ meeting, editable }: { meeting: TMeeting; editable: boolean }) {
  const t = useT();
  const versions = useNoticeVersions(meeting.id);
  const send = useSendNotice(meeting.id);
  return (
    <section className="stack" aria-labelledby="notice-heading">
      <Heading level={2} data-size="md" id="notice-heading">{t('notice.heading')}</Heading>
      {editable && meeting.status !== 'godkjent' ? (
        <div className="stack">
          <Paragraph data-size="sm">
            {meeting.noticeVersion === 0 ? t('notice.firstHint') : t('notice.againHint', { version: meeting.noticeVersion + 1 })}
          </Paragraph>
          <div><Button type="button" onClick={() => send.mutate()} disabled={send.isPending}>{t('notice.send')}</Button></div>
          <FormErrors form="notice" error={send.error} />
          {send.data ? (
            <Alert data-color="success" role="status">
              <Paragraph>{t('notice.sent', { version: send.data.version, count: send.data.recipients.length })}</Paragraph>
            </Alert>
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
