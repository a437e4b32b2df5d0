// The reader's in-app messages (/meldinger), newest first: each with its subject, when it came, its text
// and the link it asks the reader to open; opening the link marks it read, and a button marks it read or
// unread again. Only the reader's own messages exist here: the server lists no one else's.
import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { formatDateTime } from '../../i18n/format';
import { PageIntro } from '../shell/PageHeading';
import { Loading, PageLoadError } from '../shell/states';
import { useMarkMessage, useMessages, type TUserMessage } from './api';
import { useInboxT } from './messages';

export function MessagesPage() {
  const t = useInboxT();
  const messages = useMessages();
  if (messages.isPending) return <Loading />;
  if (messages.isError) return <PageLoadError error={messages.error} onRetry={() => void messages.refetch()} />;
  const { messages: list, unread } = messages.data;
  return (
    <div className="stack">
      <PageIntro heading={t('inbox.heading')}>{t('inbox.intro')}</PageIntro>
      {list.length === 0 ? <Paragraph>{t('inbox.none')}</Paragraph> : (
        <>
          <Paragraph data-testid="inbox-unread">{t('inbox.unreadCount', { count: String(unread) })}</Paragraph>
          <ul className="stack inbox" aria-label={t('inbox.heading')}>
            {list.map((m) => <MessageItem key={m.id} m={m} />)}
          </ul>
        </>
      )}
    </div>
  );
}

function MessageItem({ m }: { m: TUserMessage }) {
  const t = useInboxT();
  const mark = useMarkMessage();
  const unread = m.readAt === null;
  return (
    <li data-testid={`inbox-message-${m.id}`}>
      <Card data-color={unread ? 'accent' : 'neutral'}>
        <Heading level={2} data-size="xs">
          {m.subject} <Tag data-size="sm" data-color={unread ? 'warning' : 'neutral'}>{unread ? t('inbox.unread') : t('inbox.read')}</Tag>
        </Heading>
        <Paragraph data-size="sm">{t('inbox.received', { date: formatDateTime(m.createdAt) })}</Paragraph>
        <Paragraph className="pre-line">{m.text}</Paragraph>
        <div className="row">
          {m.link ? (
            <Link to={m.link} onClick={() => { if (unread) mark.mutate({ id: m.id, read: true }); }}>{t('inbox.open')}: {m.subject}</Link>
          ) : null}
          <Button
            variant="tertiary" data-size="sm" disabled={mark.isPending}
            aria-label={unread ? t('inbox.markReadLabel', { subject: m.subject }) : t('inbox.markUnreadLabel', { subject: m.subject })}
            onClick={() => mark.mutate({ id: m.id, read: unread })}
          >
            {unread ? t('inbox.markRead') : t('inbox.markUnread')}
          </Button>
        </div>
      </Card>
    </li>
  );
}

/**
 * The header's link to the list, with the unread count in its name, for everyone signed in who has
 * messages. Most people never get one (they come from the PC campaign), and the staff's header has no
 * room to spare at laptop width, so without messages there is no link; /meldinger still answers.
 */
export function InboxLink({ onNavigate }: { onNavigate?: () => void }) {
  const t = useInboxT();
  const messages = useMessages();
  const unread = messages.data?.unread ?? 0;
  if (!messages.data?.messages.length) return null;
  return (
    <Link to="/meldinger" className="app-user__inbox" activeProps={{ 'aria-current': 'page' }} onClick={onNavigate}>
      {unread > 0 ? t('inbox.linkUnread', { count: String(unread) }) : t('inbox.link')}
    </Link>
  );
}
