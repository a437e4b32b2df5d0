// The outbox: every e-mail samrad sent or, without SMTP, would have sent (notices with their iCal invitation).
import { Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useAdminT } from './messages';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { LoadError, Loading } from '../shell/states';
import { useOutbox } from './api';

export function OutboxAdmin() {
  const t = useAdminT();
  const outbox = useOutbox();
  return (
    <section className="stack" aria-labelledby="outbox-heading">
      <Heading level={2} data-size="md" id="outbox-heading">{t('admin.outbox')}</Heading>
      <Paragraph data-size="sm">{t('admin.outboxHint')}</Paragraph>
      {outbox.isPending ? <Loading /> : outbox.error ? <LoadError error={outbox.error} /> : outbox.data.length === 0 ? (
        <Paragraph>{t('admin.noMail')}</Paragraph>
      ) : (
        <div className="stack">
          {outbox.data.map((m) => (
            <Details key={m.id}>
              <Details.Summary>
                {formatDateTime(m.createdAt)} · {m.to} · {m.subject}
                {m.sentAt ? ` · ${t('admin.sent')}` : m.error ? ` · ${t('admin.failed')}` : ` · ${t('admin.notSent')}`}
              </Details.Summary>
              <Details.Content>
                <dl className="facts">
                  <dt>{t('admin.to')}</dt><dd>{m.to}</dd>
                  <dt>{t('admin.subject')}</dt><dd>{m.subject}</dd>
                  {m.sentAt ? (<><dt>{t('admin.sent')}</dt><dd>{formatDateTime(m.sentAt)}</dd></>) : null}
                  {m.error ? (<><dt>{t('admin.failed')}</dt><dd>{m.error}</dd></>) : null}
                  {m.attachments.length > 0 ? (<><dt>{t('case.attachments')}</dt><dd>{m.attachments.map((a) => `${a.filename} (${formatBytes(a.size)})`).join(', ')}</dd></>) : null}
                </dl>
                <pre className="json">{m.text}</pre>
              </Details.Content>
            </Details>
          ))}
        </div>
      )}
    </section>
  );
}
