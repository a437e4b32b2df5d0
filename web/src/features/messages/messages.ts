// The in-app messages' catalogue (web/src/i18n/catalogue.ts): bokmål first, English with the same keys.
import { featureCatalogue } from '../../i18n';

export const { messages: inboxMessages, useT: useInboxT } = featureCatalogue({
  'inbox.link': 'Meldinger',
  'inbox.linkUnread': 'Meldinger ({count} uleste)',
  'inbox.heading': 'Meldinger',
  'inbox.intro': 'Det samrad har å si deg, for eksempel at PC-en din skal byttes. Det samme kommer også på e-post.',
  'inbox.none': 'Du har ingen meldinger.',
  'inbox.unreadCount': 'Uleste: {count}',
  'inbox.unread': 'Ulest',
  'inbox.read': 'Lest',
  'inbox.received': 'Mottatt {date}',
  'inbox.open': 'Åpne',
  'inbox.markRead': 'Marker som lest',
  'inbox.markUnread': 'Marker som ulest',
  'inbox.markReadLabel': 'Marker som lest: {subject}',
  'inbox.markUnreadLabel': 'Marker som ulest: {subject}',
}, {
  'inbox.link': 'Messages',
  'inbox.linkUnread': 'Messages ({count} unread)',
  'inbox.heading': 'Messages',
  'inbox.intro': 'What samrad has to tell you, for instance that your PC is to be replaced. The same also comes by e-mail.',
  'inbox.none': 'You have no messages.',
  'inbox.unreadCount': 'Unread: {count}',
  'inbox.unread': 'Unread',
  'inbox.read': 'Read',
  'inbox.received': 'Received {date}',
  'inbox.open': 'Open',
  'inbox.markRead': 'Mark as read',
  'inbox.markUnread': 'Mark as unread',
  'inbox.markReadLabel': 'Mark as read: {subject}',
  'inbox.markUnreadLabel': 'Mark as unread: {subject}',
});
