// Small pieces the portal, the ticket page and the work list share: status tag, remaining SLA time and
// the conversation, where an internal note is marked in words, not only by colour.
import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { formatDuration, formatRemaining } from './format';
import { useSlaDays } from './api';
import { statusKey, useSdT } from './messages';
import { DONE_STATUSES, type TSlaClock, type TStatus, type TTicket, type TTicketListItem } from './types';

const STATUS_COLOR: Record<TStatus, 'info' | 'warning' | 'success' | 'neutral' | 'accent'> = {
  ny: 'accent', under_arbeid: 'info', venter_bruker: 'warning', venter_leverandor: 'warning', lost: 'success', lukket: 'neutral',
};

export function StatusTag({ status }: { status: TStatus }) {
  const t = useSdT();
  return <Tag data-color={STATUS_COLOR[status]} data-size="sm">{t(statusKey(status))}</Tag>;
}

/**
 * The work list's SLA cell on one line: a badge for the most urgent running clock, its state in words
 * (Brutt / Snart brudd / I rute / Pauset, never colour alone) and the time left; the other clock and the
 * exact deadline are read out to screen readers and shown on hover.
 */
export function SlaBadge({ row }: { row: TTicketListItem }) {
  const t = useSdT();
  const { language } = useI18n();
  const day = useSlaDays()[row.priority];
  if (DONE_STATUSES.includes(row.status)) return <span>{t('sla.none')}</span>;
  if (row.slaPaused) return <span className="sd-sla sd-sla--paused">{t('sla.state.paused')}</span>;
  // The time left is the server's, in business time (the same numbers as the case page).
  const left = (millis: number | null | undefined) => (typeof millis === 'number' ? { millis, ...formatRemaining(millis, t, language, day) } : null);
  const resolution = left(row.slaRemainingMillis);
  const first = left(row.slaFirstResponseRemainingMillis);
  if (!resolution && !first) return <span>{t('sla.none')}</span>;
  const firstUrgent = Boolean(first && (!resolution || first.millis < resolution.millis));
  const breached = Boolean(row.slaBreached || resolution?.breached || row.slaFirstResponseBreached || first?.breached);
  const atRisk = !breached && Boolean(row.slaAtRisk);
  const state = breached ? 'breached' : atRisk ? 'atRisk' : 'ok';
  // The badge says the state in words, so the time beside it is short: «579 arbeidsdager over» (the
  // full «… over fristen» and the deadline are in the details).
  const short = (c: { millis: number }) => t(c.millis <= 0 ? 'sla.overShort' : 'sla.left', { time: formatDuration(c.millis, language, day) });
  const shown = firstUrgent ? `${t('sla.firstShort')} ${short(first!)}` : short(resolution!);
  const details = [
    first ? t('sla.firstResponse', { time: first.text }) : null,
    resolution ? t('sla.resolution', { time: resolution.text }) : null,
    row.slaDueAt ? t('sla.due', { due: formatDateTime(row.slaDueAt) }) : null,
  ].filter(Boolean).join('; ');
  return (
    <span className={`sd-sla sd-sla--${state}`} title={details} data-sla-state={state}>
      <span className="sd-sla__state">{t(`sla.state.${state}`)}</span>
      <span aria-hidden="true">{shown}</span>
      <span className="sr-only">{details}</span>
    </span>
  );
}

/** One SLA clock from the server's computation: remaining business time, paused, met or breached. */
export function ClockText({ clock, priority }: { clock: TSlaClock; priority: string }) {
  const t = useSdT();
  const { language } = useI18n();
  const day = useSlaDays()[priority];
  if (clock.met !== null && !clock.running && !clock.paused) {
    return <span className={clock.met ? undefined : 'sd-breached'}>{t(clock.met ? 'sla.met' : 'sla.notMet')}</span>;
  }
  const r = formatRemaining(clock.remainingMillis, t, language, day);
  const breached = clock.breached || r.breached;
  return (
    <span className={breached ? 'sd-breached' : clock.atRisk ? 'sd-at-risk' : undefined}>
      {clock.paused ? `${t('sla.paused')} · ` : ''}{r.text}{clock.atRisk && !breached ? ` (${t('sla.atRisk')})` : ''}
      {clock.running && clock.dueAt ? <><br /><small>{t('sla.businessDue', { due: formatDateTime(clock.dueAt) })}</small></> : null}
    </span>
  );
}

export function Conversation({ ticket }: { ticket: TTicket }) {
  const t = useSdT();
  if (ticket.conversation.length === 0) return <Paragraph>{t('ticket.noConversation')}</Paragraph>;
  return (
    <ol className="plain-list sd-conversation" aria-label={t('ticket.conversation')}>
      {ticket.conversation.map((entry) => (
        <li key={entry.id} className={entry.kind === 'note' ? 'sd-message sd-message--note' : entry.byDesk ? 'sd-message sd-message--desk' : 'sd-message'}>
          <article aria-label={`${entry.kind === 'note' ? t('ticket.note') : t('ticket.publicBadge')}: ${entry.authorName}, ${formatDateTime(entry.at)}`}>
            <div className="title-row">
              {entry.kind === 'note'
                ? <Tag data-color="warning" data-size="sm">{t('ticket.internalBadge')}</Tag>
                : <Tag data-color="neutral" data-size="sm">{t('ticket.publicBadge')}</Tag>}
              <strong>{entry.authorName}{entry.byDesk && entry.kind === 'reply' ? ` (${t('ticket.fromDesk')})` : ''}</strong>
              <span>{formatDateTime(entry.at)}</span>
            </div>
            <Paragraph className="prewrap">{entry.text}</Paragraph>
          </article>
        </li>
      ))}
    </ol>
  );
}
