// The desk's side of a case: the SLA clocks, status/priority/assignment, 3-2-1 contact attempts and the
// append-only history.
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { formatDateTime } from '../../i18n/format';
import type { TSessionUser } from '../auth/session';
import { fieldError, fieldId, FormErrors, isStale, SelectField, TextField } from '../forms/fields';
import { announce, focusWhenReady } from '../shell/focus';
import { assigneeOptions, onlyTeamOf } from './assignees';
import { useAgents, useContactAttempt, useCooperationId, usePolicy, useTeams, useUpdateTicket, type TTicketChange } from './api';
import { methodKey, priorityKey, statusKey, useSdT, type TSdT } from './messages';
import { ClockText } from './parts';
import { CONTACT_METHODS, PRIORITIES, STATUSES, type TContactMethod, type TPriority, type TStatus, type TTicket } from './types';

export function DeskPanel({ ticket, me }: { ticket: TTicket; me: TSessionUser }) {
  const t = useSdT();
  return (
    <aside className="stack-lg" aria-label={t('desk.manage')}>
      {ticket.sla ? (
        <section className="stack panel" aria-labelledby="sd-sla-heading">
          <Heading level={2} data-size="xs" id="sd-sla-heading">{t('desk.slaHeading')}</Heading>
          <dl className="facts">
            <dt>{t('desk.firstResponse')}</dt><dd style={{ margin: 0 }} data-testid="sla-first-response"><ClockText clock={ticket.sla.firstResponse} priority={ticket.priority} /></dd>
            <dt>{t('desk.resolution')}</dt><dd style={{ margin: 0 }} data-testid="sla-resolution"><ClockText clock={ticket.sla.resolution} priority={ticket.priority} /></dd>
          </dl>
        </section>
      ) : null}
      <ManageForm ticket={ticket} me={me} />
      {ticket.status === 'lost' ? <ContactAttempts ticket={ticket} /> : null}
      <History ticket={ticket} />
    </aside>
  );
}

function ManageForm({ ticket, me }: { ticket: TTicket; me: TSessionUser }) {
  const t = useSdT();
  const update = useUpdateTicket(ticket);
  const teams = useTeams(true);
  const agents = useAgents();
  const [status, setStatus] = useState<TStatus>(ticket.status);
  const [priority, setPriority] = useState<TPriority>(ticket.priority);
  const [assignee, setAssignee] = useState(ticket.assigneeUserId ?? '');
  const [team, setTeam] = useState(ticket.teamId ?? '');
  const [saved, setSaved] = useState(false);
  // The revision the form saves on (decision 0024): the ticket's as the page shows it, except after a
  // refusal, when it stays on the refused one until the user reloads, so a second click never saves over
  // the other change.
  const [revision, setRevision] = useState(ticket.revision ?? 1);
  useEffect(() => {
    if (!isStale(update.error)) setRevision(ticket.revision ?? 1);
  }, [ticket.revision, update.error]);
  const showStored = () => {
    setStatus(ticket.status);
    setPriority(ticket.priority);
    setAssignee(ticket.assigneeUserId ?? '');
    setTeam(ticket.teamId ?? '');
  };
  // The server's answer is the truth after every save (and after other people's changes).
  useEffect(showStored, [ticket.status, ticket.priority, ticket.assigneeUserId, ticket.teamId]);
  // After a 409 the page has fetched the ticket again (useUpdateTicket); reloading shows it and clears the refusal.
  const reload = () => {
    showStored();
    update.reset();
  };

  const agentList = agents.data ?? [];
  const options = assigneeOptions(agentList, { teamId: team, keep: [assignee, ticket.assigneeUserId ?? ''], me, inactiveLabel: t('desk.inactiveAgent') });
  const teamName = teams.data?.find((x) => x.id === team)?.name;
  const chooseAssignee = (id: string) => {
    setAssignee(id);
    // An agent in exactly one team brings that team along when none is set yet; it can still be changed.
    const only = onlyTeamOf(agentList, id);
    if (!team && only && teams.data?.some((x) => x.id === only)) setTeam(only);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const body: TTicketChange = { revision };
    if (status !== ticket.status) body.status = status;
    if (priority !== ticket.priority) body.priority = priority;
    if (assignee !== (ticket.assigneeUserId ?? '')) body.assigneeUserId = assignee || null;
    if (team !== (ticket.teamId ?? '')) body.teamId = team || null;
    if (Object.keys(body).length === 1) return;
    update.mutate(body, { onSuccess: () => setSaved(true) });
  };
  const takeIt = () => {
    setSaved(false);
    update.mutate({ revision, assigneeUserId: me.id, ...(ticket.status === 'ny' ? { status: 'under_arbeid' as const } : {}) }, {
      onSuccess: () => {
        setSaved(true);
        // «Ta saken» is gone once the case is yours: focus goes to the field that now shows you.
        announce(t('desk.taken'));
        focusWhenReady(fieldId('sd-manage', 'assigneeUserId'));
      },
    });
  };

  const labels = { status: t('field.status'), priority: t('field.priority'), assigneeUserId: t('field.assignee'), teamId: t('field.team') };
  return (
    <section className="stack panel" aria-labelledby="sd-manage-heading">
      <Heading level={2} data-size="xs" id="sd-manage-heading">{t('desk.manage')}</Heading>
      {ticket.assigneeUserId !== me.id ? (
        <div className="actions"><Button type="button" onClick={takeIt} loading={update.isPending}>{t('desk.assignToMe')}</Button></div>
      ) : null}
      <form className="stack" aria-label={t('desk.manage')} onSubmit={submit} noValidate>
        <FormErrors form="sd-manage" error={update.error} labels={labels} onReload={reload} />
        <SelectField form="sd-manage" name="status" label={labels.status} value={status} onChange={(v) => setStatus(v as TStatus)}
          options={STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))} />
        <SelectField form="sd-manage" name="priority" label={labels.priority} value={priority} onChange={(v) => setPriority(v as TPriority)}
          options={PRIORITIES.map((p) => ({ value: p, label: t(priorityKey(p)) }))} />
        {teams.data && teams.data.length > 0 ? (
          <SelectField form="sd-manage" name="teamId" label={labels.teamId} value={team} onChange={setTeam}
            placeholder={t('desk.unassigned')} options={teams.data.map((x) => ({ value: x.id, label: x.name }))} />
        ) : null}
        <SelectField form="sd-manage" name="assigneeUserId" label={labels.assigneeUserId} value={assignee} onChange={chooseAssignee}
          placeholder={t('desk.unassigned')} options={options} description={teamName ? t('desk.teamMembers', { team: teamName }) : undefined} />
        <div className="actions"><Button type="submit" variant="secondary" loading={update.isPending}>{t('desk.saveChanges')}</Button></div>
        {saved ? <Paragraph role="status">{t('desk.saved')}</Paragraph> : null}
      </form>
    </section>
  );
}

function ContactAttempts({ ticket }: { ticket: TTicket }) {
  const t = useSdT();
  const log = useContactAttempt(ticket.id);
  const cooperationId = useCooperationId(true);
  const policy = usePolicy(cooperationId.data ?? undefined);
  const rule = policy.data?.closeRule ?? { attempts: 3, days: 2 };
  const [method, setMethod] = useState<TContactMethod>('telefon');
  const [note, setNote] = useState('');
  const [when, setWhen] = useState('');
  const [logged, setLogged] = useState(false);
  const solvedAt = ticket.solvedAt ? new Date(ticket.solvedAt).getTime() : 0;
  const attempts = (ticket.events ?? []).filter((e) => e.kind === 'contact_attempt' && new Date(e.at).getTime() >= solvedAt);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLogged(false);
    // datetime-local has no zone: it is read in the browser's (Norway's) zone and sent with its offset.
    const at = when ? new Date(when).toISOString() : undefined;
    log.mutate({ method, ...(note.trim() ? { note } : {}), ...(at ? { at } : {}) }, { onSuccess: () => { setNote(''); setWhen(''); setLogged(true); } });
  };
  return (
    <section className="stack panel" aria-labelledby="sd-attempts-heading">
      <Heading level={2} data-size="xs" id="sd-attempts-heading">{t('desk.attempts')}</Heading>
      <Paragraph data-size="sm">{t('desk.attemptsIntro', rule)}</Paragraph>
      <Paragraph data-testid="sd-attempt-count">{t('desk.attemptsCount', { count: attempts.length })}</Paragraph>
      <form className="stack" aria-label={t('desk.attempts')} onSubmit={submit} noValidate>
        <FormErrors form="sd-attempt" error={log.error} labels={{ method: t('desk.attemptMethod'), note: t('desk.attemptNote'), at: t('desk.attemptAt') }} />
        <SelectField form="sd-attempt" name="method" label={t('desk.attemptMethod')} value={method} onChange={(v) => setMethod(v as TContactMethod)}
          options={CONTACT_METHODS.map((m) => ({ value: m, label: t(methodKey(m)) }))} />
        <TextField form="sd-attempt" name="note" label={t('desk.attemptNote')} value={note} onChange={setNote} error={log.error} />
        <Textfield id="sd-attempt-at" type="datetime-local" label={t('desk.attemptAt')} description={t('desk.attemptAtHint')} value={when}
          onChange={(e: ChangeEvent<HTMLInputElement>) => setWhen(e.target.value)} error={fieldError(log.error, 'at')} />
        <div className="actions"><Button type="submit" variant="secondary" loading={log.isPending}>{t('desk.logAttempt')}</Button></div>
        {logged ? <Paragraph role="status">{t('desk.attemptLogged')}</Paragraph> : null}
      </form>
    </section>
  );
}

type TNames = { agents: Map<string, string>; teams: Map<string, string> };

type TTicketEvent = NonNullable<TTicket['events']>[number];

/** One history entry in words; the payload is typed by its kind (the server's TICKET_EVENT_DATA). */
function eventText(t: TSdT, e: TTicketEvent, names: TNames): string {
  switch (e.kind) {
    case 'status': return t('event.status', { from: t(statusKey(e.data.from)), to: t(statusKey(e.data.to)) });
    case 'priority': return t('event.priority', { from: t(priorityKey(e.data.from)), to: t(priorityKey(e.data.to)) });
    case 'contact_attempt': return t('event.contact_attempt', { method: t(methodKey(e.data.method)) });
    case 'survey': return t('event.survey', { score: String(e.data.score) });
    case 'field': return t('event.field', { field: e.data.field });
    case 'attachment': return t('event.attachment', { filename: e.data.filename });
    case 'assigned': {
      const name = e.data.to === null ? t('desk.unassigned') : names.agents.get(e.data.to);
      return name ? t('event.assignedTo', { name }) : t('event.assigned');
    }
    case 'team': {
      const name = e.data.to === null ? t('desk.unassigned') : names.teams.get(e.data.to);
      return name ? t('event.teamTo', { name }) : t('event.team');
    }
    case 'created': return t('event.created');
    case 'reply': return t('event.reply');
    case 'note': return t('event.note');
    case 'sla_breached': return t('event.sla_breached');
  }
}

function History({ ticket }: { ticket: TTicket }) {
  const t = useSdT();
  const agents = useAgents();
  const teams = useTeams(true);
  const names: TNames = {
    agents: new Map((agents.data ?? []).map((a) => [a.id, a.name])),
    teams: new Map((teams.data ?? []).map((x) => [x.id, x.name])),
  };
  return (
    <section className="stack panel" aria-labelledby="sd-history-heading">
      <Heading level={2} data-size="xs" id="sd-history-heading">{t('desk.history')}</Heading>
      <ol className="plain-list stack" aria-label={t('desk.history')} style={{ gap: '0.25rem' }}>
        {(ticket.events ?? []).map((e) => (
          <li key={e.id}>
            <span>{formatDateTime(e.at)}</span> · <span>{eventText(t, e, names)}</span> · <span>{e.actorName}</span>
            {e.internal ? <span className="sr-only"> ({t('ticket.note')})</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
