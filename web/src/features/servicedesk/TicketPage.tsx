// /kundeservice/saker/$id: one case. The requester reads the public conversation, replies, reopens
// within the window and answers the survey; the desk also sees the SLA clocks, internal notes, the
// history, and changes status, priority and assignment, and logs 3-2-1 contact attempts.
// Internal notes and internal attachments never reach the requester: the server leaves them out of the
// requester's answer.
import { Alert, Button, Link as DsLink, Paragraph, Radio, Fieldset, Heading } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { canWrite, useSession } from '../auth/session';
import { FormErrors, TextField } from '../forms/fields';
import { PageHeading } from '../shell/PageHeading';
import { LoadError, PageLoadError, Loading } from '../shell/states';
import { useConfirmSolved, useReopen, useReply, useNote, useSurvey, useTicket } from './api';
import { Attachments } from './Attachments';
import { DeskPanel } from './DeskPanel';
import { channelKey, priorityKey, typeKey, useSdT } from './messages';
import { Conversation, StatusTag } from './parts';
import type { TTicket } from './types';
import './servicedesk.css';

export function TicketPage({ id, focusReopen, justRegistered }: { id: string; focusReopen?: boolean; justRegistered?: boolean }) {
  const t = useSdT();
  const { user } = useSession();
  const ticket = useTicket(id);
  if (ticket.isPending) return <Loading />;
  if (ticket.error) return <PageLoadError error={ticket.error} onRetry={() => ticket.refetch()} />;
  const data = ticket.data;
  const desk = canWrite(user);

  return (
    <div className="stack-lg">
      <div className="stack">
        <DsLink asChild><Link to={desk ? '/kundeservice/arbeidsliste' : '/kundeservice'}>{t('ticket.back')}</Link></DsLink>
        <PageHeading>{t('ticket.heading', { number: data.number, title: data.title })}</PageHeading>
        <div className="title-row"><StatusTag status={data.status} /></div>
        {!desk ? <Receipt ticket={data} justRegistered={Boolean(justRegistered)} /> : null}
      </div>
      <div className={desk ? 'sd-columns' : 'stack-lg'}>
        <div className="stack-lg">
          <Facts ticket={data} />
          <section className="stack" aria-labelledby="sd-desc-heading">
            <h2 id="sd-desc-heading" style={{ margin: 0 }}>{t('ticket.description')}</h2>
            <Paragraph className="prewrap">{data.description}</Paragraph>
          </section>
          <section className="stack" aria-labelledby="sd-conv-heading">
            <h2 id="sd-conv-heading" style={{ margin: 0 }}>{t('ticket.conversation')}</h2>
            <Conversation ticket={data} />
            {data.canReply ? <ReplyForm ticket={data} desk={desk} /> : null}
            {desk ? <NoteForm ticket={data} /> : null}
          </section>
          <Attachments ticket={data} desk={desk} canUpload={data.canUpload} />
          {data.canConfirm ? <ConfirmSolved ticket={data} /> : null}
          {data.canReopen ? <ReopenForm ticket={data} focus={focusReopen} /> : null}
          {/* Past the window a solved case can still be confirmed; the confirm panel then says the window is out. */}
          {data.reopenExpired && !data.canConfirm ? <ReopenExpired days={data.reopenWindowDays} /> : null}
          {data.canAnswerSurvey ? <SurveyForm ticket={data} /> : null}
          {data.survey ? (
            <Alert data-color="info"><Paragraph>{t('ticket.surveyThanks', { score: data.survey.score })}{data.survey.comment ? ` «${data.survey.comment}»` : ''}</Paragraph></Alert>
          ) : null}
        </div>
        {desk && user ? <DeskPanel ticket={data} me={user} /> : null}
      </div>
    </div>
  );
}

function Facts({ ticket }: { ticket: TTicket }) {
  const t = useSdT();
  const rows: [string, string][] = [
    [t('field.type'), t(typeKey(ticket.type))],
    [t('field.category'), ticket.category],
    [t('field.channel'), t(channelKey(ticket.channel))],
    [t('field.priority'), t(priorityKey(ticket.priority))],
    [t('field.municipality'), ticket.municipalityName],
    [t('field.requester'), ticket.requesterName + (ticket.requesterEmail ? ` (${ticket.requesterEmail})` : '')],
    [t('field.created'), formatDateTime(ticket.createdAt)],
    // The last change this reader may see (for a requester, internal work does not count).
    [t('field.updated'), formatDateTime(ticket.lastChangedAt)],
  ];
  return (
    <section aria-labelledby="sd-facts-heading" className="stack">
      <h2 id="sd-facts-heading" className="sr-only">{t('ticket.facts')}</h2>
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}><dt>{k}</dt><dd style={{ margin: 0 }}>{v}</dd></div>
        ))}
      </dl>
    </section>
  );
}

function ReplyForm({ ticket, desk }: { ticket: TTicket; desk: boolean }) {
  const t = useSdT();
  const reply = useReply(ticket.id);
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reply.mutate(text, { onSuccess: () => setText('') });
  };
  const label = desk ? t('ticket.replyToUser') : t('ticket.replyLabel');
  return (
    <form className="stack" aria-label={label} onSubmit={submit} noValidate>
      <FormErrors form="sd-reply" error={reply.error} labels={{ text: label }} />
      <TextField form="sd-reply" name="text" label={label} value={text} onChange={setText} multiline rows={3} error={reply.error} />
      <div className="actions">
        <Button type="submit" loading={reply.isPending}>{desk ? t('ticket.sendPublicReply') : t('ticket.sendReply')}</Button>
      </div>
    </form>
  );
}

function NoteForm({ ticket }: { ticket: TTicket }) {
  const t = useSdT();
  const note = useNote(ticket.id);
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    note.mutate(text, { onSuccess: () => setText('') });
  };
  return (
    <form className="stack" aria-label={t('ticket.note')} onSubmit={submit} noValidate>
      <FormErrors form="sd-note" error={note.error} labels={{ text: t('ticket.note') }} />
      <TextField form="sd-note" name="text" label={t('ticket.note')} value={text} onChange={setText} multiline rows={2} error={note.error}
        description={t('ticket.internalBadge')} />
      <div className="actions">
        <Button type="submit" variant="secondary" loading={note.isPending}>{t('ticket.saveNote')}</Button>
      </div>
    </form>
  );
}

/**
 * The requester's confirmation (decision 0011): closes the solved case, so the desk stops trying to reach
 * them. It is offered after the reopen window too (confirming never reopens the window), with a hint that
 * promises no reopening then.
 */
function ConfirmSolved({ ticket }: { ticket: TTicket }) {
  const t = useSdT();
  const confirm = useConfirmSolved(ticket.id);
  const days = ticket.reopenWindowDays === 1 ? t('ticket.reopenDay') : t('ticket.reopenDays', { count: ticket.reopenWindowDays });
  return (
    <section className="stack panel" aria-labelledby="sd-confirm-heading">
      <Heading level={2} data-size="xs" id="sd-confirm-heading">{t('ticket.confirmHeading')}</Heading>
      <FormErrors form="sd-confirm" error={confirm.error} />
      <Paragraph>{ticket.reopenExpired ? t('ticket.confirmHintExpired', { days }) : t('ticket.confirmHint')}</Paragraph>
      <div className="actions">
        <Button type="button" onClick={() => confirm.mutate()} loading={confirm.isPending}>{t('ticket.confirm')}</Button>
        {ticket.reopenExpired ? <DsLink asChild><Link to="/kundeservice" hash="sd-new-heading">{t('ticket.reopenNewCase')}</Link></DsLink> : null}
      </div>
    </section>
  );
}

/** After the window the case stays closed; the requester who came by the e-mail's link learns why and where to go. */
function ReopenExpired({ days }: { days: number }) {
  const t = useSdT();
  return (
    <Alert data-color="info" role="status">
      <Paragraph>{t('ticket.reopenExpired', { days: days === 1 ? t('ticket.reopenDay') : t('ticket.reopenDays', { count: days }) })}</Paragraph>
      <DsLink asChild><Link to="/kundeservice" hash="sd-new-heading">{t('ticket.reopenNewCase')}</Link></DsLink>
    </Alert>
  );
}

function ReopenForm({ ticket, focus }: { ticket: TTicket; focus?: boolean }) {
  const t = useSdT();
  const reopen = useReopen(ticket.id);
  const [reason, setReason] = useState('');
  const ref = useRef<HTMLElement>(null);
  // The closing e-mail links here with ?gjenapne=1: bring the form into view for the user.
  useEffect(() => {
    if (focus) ref.current?.querySelector('textarea')?.focus();
  }, [focus]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reopen.mutate(reason, { onSuccess: () => setReason('') });
  };
  return (
    <section ref={ref} className="stack panel" aria-labelledby="sd-reopen-heading">
      <Heading level={2} data-size="xs" id="sd-reopen-heading">{t('ticket.reopenHeading')}</Heading>
      <form className="stack" aria-label={t('ticket.reopenHeading')} onSubmit={submit} noValidate>
        <FormErrors form="sd-reopen" error={reopen.error} labels={{ reason: t('ticket.reopenReason') }} />
        <TextField form="sd-reopen" name="reason" label={t('ticket.reopenReason')} value={reason} onChange={setReason} multiline rows={2} error={reopen.error} />
        <div className="actions"><Button type="submit" loading={reopen.isPending}>{t('ticket.reopen')}</Button></div>
      </form>
    </section>
  );
}

function SurveyForm({ ticket }: { ticket: TTicket }) {
  const t = useSdT();
  const survey = useSurvey(ticket.id);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    survey.mutate({ score: score ?? 0, ...(comment.trim() ? { comment } : {}) });
  };
  return (
    <section className="stack panel" aria-labelledby="sd-survey-heading">
      <Heading level={2} data-size="xs" id="sd-survey-heading">{t('ticket.surveyHeading')}</Heading>
      <form className="stack" aria-label={t('ticket.surveyHeading')} onSubmit={submit} noValidate>
        <FormErrors form="sd-survey" error={survey.error} labels={{ score: t('ticket.surveyScore'), comment: t('ticket.surveyComment') }} />
        <Fieldset id="sd-survey-score">
          <Fieldset.Legend>{t('ticket.surveyScore')}</Fieldset.Legend>
          <div className="actions">
            {[1, 2, 3, 4, 5].map((n) => (
              <Radio key={n} name="score" value={String(n)} label={String(n)} checked={score === n} onChange={() => setScore(n)} />
            ))}
          </div>
        </Fieldset>
        <TextField form="sd-survey" name="comment" label={t('ticket.surveyComment')} value={comment} onChange={setComment} multiline rows={2} error={survey.error} />
        <div className="actions"><Button type="submit" loading={survey.isPending}>{t('ticket.surveySubmit')}</Button></div>
      </form>
    </section>
  );
}

/**
 * The requester's receipt: right after filing, that the case is registered and where the answer comes;
 * while no one has answered, what the policy promises (the server works out when it falls due).
 */
function Receipt({ ticket, justRegistered }: { ticket: TTicket; justRegistered: boolean }) {
  const t = useSdT();
  const { language } = useI18n();
  const promise = ticket.responsePromise;
  const promiseText = promise ? t(promise.businessHours ? 'receipt.promiseBusiness' : 'receipt.promiseAlways', {
    within: new Intl.NumberFormat(language === 'nb' ? 'nb-NO' : 'en-GB', { style: 'unit', unit: promise.within.unit.replace(/s$/, ''), unitDisplay: 'long' })
      .format(promise.within.value),
    due: formatDateTime(promise.dueAt),
  }) : null;
  if (!justRegistered) return promiseText ? <Paragraph>{promiseText}</Paragraph> : null;
  return (
    <Alert data-color="success" role="status">
      <Paragraph>
        <strong>{t('receipt.registered', { number: ticket.number })}</strong>{' '}
        {ticket.requesterEmail ? t('receipt.byMail', { email: ticket.requesterEmail }) : t('receipt.here')}
        {promiseText ? ` ${promiseText}` : null}
      </Paragraph>
    </Alert>
  );
}
