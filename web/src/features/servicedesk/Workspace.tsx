// /kundeservice/arbeidsliste: the agent's work list. Queues (mine, my team, unassigned, breaching soon,
// all), filters on every field, sorting by the column headers (the server sorts, so the order holds across
// keyset pages), bulk assignment, and keyboard navigation: j/k or the arrow keys move between cases,
// Enter opens the one in focus. The time left on each clock is the server's, in business time; the list
// is read again every minute so it keeps counting.
import { useContentLang } from '../../i18n';
import { Alert, Button, Checkbox, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { formatDate } from '../../i18n/format';
import { useSession, type TSessionUser } from '../auth/session';
import { ApiError } from '../../api/client';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import { PageHeading } from '../shell/PageHeading';
import { LoadError, Loading } from '../shell/states';
import { useAgents, useBulkAssign, useCooperationId, useMunicipalities, usePolicy, useQueueCounts, useTeams, useTickets, type TTicketFilters } from './api';
import { channelKey, priorityKey, queueKey, statusKey, typeKey, useSdT } from './messages';
import { assigneeOptions } from './assignees';
import { SlaBadge, StatusTag } from './parts';
import { PhoneCallForm } from './PhoneCallForm';
import {
  CHANNELS, DEFAULT_SORT_DIRECTION, DEMO_CATEGORIES, DONE_STATUSES, PRIORITIES, QUEUES, SLA_FILTERS, SORT_DIRECTIONS, STATUSES, TICKET_SORTS, TICKET_TYPES,
  type TQueue, type TSlaFilter, type TSortDirection, type TTicketListItem, type TTicketSort,
} from './types';
import './servicedesk.css';


export type TWorkSearch = {
  queue?: TQueue; status?: string; priority?: string; type?: string; channel?: string; category?: string;
  municipalityId?: string; assigneeUserId?: string; teamId?: string; q?: string;
  requester?: string; createdFrom?: string; createdTo?: string; sla?: TSlaFilter; description?: string;
  sort?: TTicketSort; dir?: TSortDirection; cursor?: string;
};

const FILTER_KEYS = ['status', 'priority', 'type', 'channel', 'category', 'municipalityId', 'assigneeUserId', 'teamId', 'q',
  'requester', 'createdFrom', 'createdTo', 'sla', 'description'] as const;

export function parseWorkSearch(search: Record<string, unknown>): TWorkSearch {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);
  const oneOf = <T extends string>(values: readonly T[], v: unknown) => (values.includes(text(v) as T) ? (text(v) as T) : undefined);
  const result: TWorkSearch = {
    queue: oneOf(QUEUES, search.queue),
    sort: oneOf(TICKET_SORTS, search.sort),
    dir: oneOf(SORT_DIRECTIONS, search.dir),
    cursor: text(search.cursor),
  };
  for (const key of FILTER_KEYS) (result as Record<string, unknown>)[key] = text(search[key]);
  // Anything else in the address goes to the server as written, which answers with the field at fault.
  return result;
}

export function Workspace({ search, onSearch }: { search: TWorkSearch; onSearch: (next: TWorkSearch) => void }) {
  const t = useSdT();
  const { user } = useSession();
  const queue = search.queue ?? 'mine';
  // The desk works to its deadlines: the nearest SLA deadline first unless a column asks otherwise.
  const sort = search.sort ?? 'due';
  const dir = search.dir ?? DEFAULT_SORT_DIRECTION[sort];
  const filters: TTicketFilters = { ...search, queue, sort, dir, limit: 50 } as TTicketFilters;
  const tickets = useTickets(filters);
  const [calling, setCalling] = useState(false);
  // A refused filter (400 with fields) is shown on the filter form, next to the field at fault.
  const filterError = tickets.error instanceof ApiError && tickets.error.status === 400 ? tickets.error : null;

  const go = (next: Partial<TWorkSearch>) => onSearch({ ...search, cursor: undefined, ...next });
  // Like every sortable table in samrad: a new column starts ascending, a second click turns it.
  const sortBy = (key: TTicketSort) => go({ sort: key, dir: key === sort ? (dir === 'asc' ? 'desc' : 'asc') : 'asc' });

  return (
    <div className="stack sd-work">
      {/* On a phone every line above the list pushes the first case off the screen: the key figures'
          link shares the heading's line, the queues and the search take one or two short lines each. */}
      <div className="sd-head">
        <div className="sd-title">
          <PageHeading>{t('work.heading')}</PageHeading>
          <DsLink asChild><Link to="/kundeservice/nokkeltall">{t('work.kpi')}</Link></DsLink>
        </div>
        <QueueButtons queue={queue} onQueue={(q) => go({ queue: q })} />
      </div>
      <div className="sd-toolbar">
        <Filters search={search} error={filterError} onApply={(next) => go(next)} />
        <div className="actions">
          <Button type="button" variant="secondary" data-size="sm" aria-expanded={calling} onClick={() => setCalling((v) => !v)}>{t('work.logCall')}</Button>
        </div>
      </div>
      {calling ? <PhoneCallForm onDone={() => setCalling(false)} /> : null}

      {tickets.isPending ? <Loading /> : filterError ? null : tickets.error ? <LoadError error={tickets.error} /> : (
        <TicketTable rows={tickets.data.tickets} me={user} sort={{ key: sort, dir }} onSort={sortBy} busy={tickets.isFetching} />
      )}

      <div className="actions">
        {search.cursor ? <Button type="button" variant="secondary" onClick={() => go({})}>{t('work.first')}</Button> : null}
        {tickets.data?.nextCursor ? (
          <Button type="button" variant="secondary" onClick={() => onSearch({ ...search, cursor: tickets.data!.nextCursor! })}>{t('work.next')}</Button>
        ) : null}
      </div>
    </div>
  );
}

/** The queues as toggle buttons, each with its number of open cases (as Zammad's and TopDesk's overviews). */
function QueueButtons({ queue, onQueue }: { queue: TQueue; onQueue: (q: TQueue) => void }) {
  const t = useSdT();
  const counts = useQueueCounts();
  return (
    <nav aria-label={t('work.queues')}>
      <ul className="sd-queues">
        {QUEUES.map((q) => {
          const count = counts.data?.open[q];
          return (
            <li key={q}>
              <Button type="button" data-size="sm" variant={q === queue ? 'primary' : 'tertiary'} aria-pressed={q === queue} onClick={() => onQueue(q)}>
                {t(queueKey(q))}
                {count !== undefined ? <span className="sd-count"><span aria-hidden="true">{count}</span><span className="sr-only"> ({t('work.openCount', { count })})</span></span> : null}
              </Button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Filters({ search, error, onApply }: { search: TWorkSearch; error: ApiError | null; onApply: (next: Partial<TWorkSearch>) => void }) {
  const t = useSdT();
  const { user } = useSession();
  const municipalities = useMunicipalities();
  const cooperationId = useCooperationId(true);
  const policy = usePolicy(cooperationId.data ?? undefined);
  const agents = useAgents();
  const teams = useTeams(true);
  const [draft, setDraft] = useState<TWorkSearch>(search);
  useEffect(() => setDraft(search), [search]);
  const set = (key: keyof TWorkSearch) => (value: string) => setDraft((d) => ({ ...d, [key]: value || undefined }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Partial<TWorkSearch> = {};
    for (const key of FILTER_KEYS) (next as Record<string, unknown>)[key] = draft[key];
    onApply(next);
  };
  const reset = () => {
    const next: Partial<TWorkSearch> = {};
    for (const key of FILTER_KEYS) next[key] = undefined;
    onApply(next);
  };
  // The panel opens by itself when the address carries a filter beyond the search words, or one was refused.
  const active = FILTER_KEYS.filter((key) => key !== 'q' && search[key]).length;
  const [open, setOpen] = useState(active > 0 || Boolean(error));
  useEffect(() => { if (error) setOpen(true); }, [error]);
  const agentOptions = assigneeOptions(agents.data ?? [], { keep: [draft.assigneeUserId ?? ''], me: user, inactiveLabel: t('desk.inactiveAgent') });
  const categories = policy.data?.categories ?? [...DEMO_CATEGORIES];
  const all = t('work.queue.all');
  return (
    <form className="sd-filters" aria-label={t('work.filters')} onSubmit={submit} role="search" noValidate>
      <FormErrors form="sd-filter" error={error} labels={{
        q: t('work.search'), requester: t('work.filter.requester'), createdFrom: t('work.filter.createdFrom'), createdTo: t('work.filter.createdTo'),
        sla: t('work.filter.sla'), description: t('work.filter.description'), cursor: t('work.next'), sort: t('work.sort'), dir: t('work.sort'),
      }} />
      <div className="sd-filters__bar">
        <div className="sd-filters__q" data-size="sm">
          <TextField form="sd-filter" name="q" label={t('work.search')} type="search" value={draft.q ?? ''} onChange={set('q')} error={error} />
        </div>
        <Button type="submit" data-size="sm">{t('work.apply')}</Button>
        <Button type="button" data-size="sm" variant="secondary" aria-expanded={open} aria-controls="sd-filter-panel" onClick={() => setOpen((v) => !v)}>
          {t('work.filtersToggle')}{active > 0 ? ` (${t('work.filtersActive', { count: active })})` : ''}
        </Button>
        {active > 0 || search.q ? <Button type="button" data-size="sm" variant="tertiary" onClick={reset}>{t('work.reset')}</Button> : null}
      </div>
      <div className="grid-form sd-filters__panel" id="sd-filter-panel" hidden={!open}>
        <TextField form="sd-filter" name="requester" label={t('work.filter.requester')} value={draft.requester ?? ''} onChange={set('requester')} error={error} />
        <TextField form="sd-filter" name="description" label={t('work.filter.description')} value={draft.description ?? ''} onChange={set('description')} error={error} />
        <TextField form="sd-filter" name="createdFrom" type="date" label={t('work.filter.createdFrom')} value={draft.createdFrom ?? ''} onChange={set('createdFrom')} error={error} />
        <TextField form="sd-filter" name="createdTo" type="date" label={t('work.filter.createdTo')} value={draft.createdTo ?? ''} onChange={set('createdTo')} error={error} />
        <SelectField form="sd-filter" name="sla" label={t('work.filter.sla')} value={draft.sla ?? ''} onChange={set('sla')} placeholder={all} error={error}
          options={SLA_FILTERS.map((v) => ({ value: v, label: t(v === 'breached' ? 'work.filter.sla.breached' : 'work.filter.sla.atRisk') }))} />
        <SelectField form="sd-filter" name="status" label={t('field.status')} value={draft.status ?? ''} onChange={set('status')} placeholder={all}
          options={[{ value: 'open', label: t('work.statusOpen') }, ...STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))]} />
        <SelectField form="sd-filter" name="priority" label={t('field.priority')} value={draft.priority ?? ''} onChange={set('priority')} placeholder={all}
          options={PRIORITIES.map((p) => ({ value: p, label: t(priorityKey(p)) }))} />
        <SelectField form="sd-filter" name="type" label={t('field.type')} value={draft.type ?? ''} onChange={set('type')} placeholder={all}
          options={TICKET_TYPES.map((v) => ({ value: v, label: t(typeKey(v)) }))} />
        <SelectField form="sd-filter" name="channel" label={t('field.channel')} value={draft.channel ?? ''} onChange={set('channel')} placeholder={all}
          options={CHANNELS.map((v) => ({ value: v, label: t(channelKey(v)) }))} />
        <SelectField form="sd-filter" name="category" label={t('field.category')} value={draft.category ?? ''} onChange={set('category')} placeholder={all}
          options={categories.map((c) => ({ value: c, label: c }))} />
        <SelectField form="sd-filter" name="municipalityId" label={t('field.municipality')} value={draft.municipalityId ?? ''} onChange={set('municipalityId')}
          placeholder={all} options={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
        <SelectField form="sd-filter" name="assigneeUserId" label={t('field.assignee')} value={draft.assigneeUserId ?? ''} onChange={set('assigneeUserId')}
          placeholder={all} options={agentOptions} />
        {teams.data && teams.data.length > 0 ? (
          <SelectField form="sd-filter" name="teamId" label={t('field.team')} value={draft.teamId ?? ''} onChange={set('teamId')}
            placeholder={all} options={teams.data.map((x) => ({ value: x.id, label: x.name }))} />
        ) : null}
      </div>
    </form>
  );
}

/** The columns the server sorts by, and the sort key each asks for. */
const SORTABLE: Partial<Record<string, TTicketSort>> = { number: 'number', status: 'status', priority: 'priority', created: 'created', sla: 'due' };

function TicketTable({ rows, me, sort, onSort, busy }: {
  rows: TTicketListItem[]; me: TSessionUser | null;
  sort: { key: TTicketSort; dir: TSortDirection }; onSort: (key: TTicketSort) => void;
  /** A new order or page is on its way; the rows shown are the previous answer's until it comes. */
  busy: boolean;
}) {
  const t = useSdT();
  // Subjects and categories are the desk's own words: bokmål on an English page, and marked so.
  const contentLang = useContentLang();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [current, setCurrent] = useState(0);
  const [assigned, setAssigned] = useState<number | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setSelected(new Set());
    setCurrent(0);
  }, [rows]);

  // j/k and the arrows move focus to the next or previous case's link, so Enter opens it (the link's own
  // behaviour) and screen readers read the case; inside a text field the keys keep their usual meaning.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (target.matches('input[type=text], input[type=search], textarea, select')) return;
    const step = e.key === 'j' || e.key === 'ArrowDown' ? 1 : e.key === 'k' || e.key === 'ArrowUp' ? -1 : 0;
    if (step === 0 || rows.length === 0) return;
    e.preventDefault();
    const next = Math.min(rows.length - 1, Math.max(0, current + step));
    setCurrent(next);
    tableRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-ticket-link]')[next]?.focus();
  };

  if (rows.length === 0) return <Paragraph>{t('work.empty')}</Paragraph>;
  const toggle = (id: string) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });
  const allSelected = selected.size === rows.length;
  // Sortable headers are buttons (Designsystemet) with aria-sort; a click asks the server for the new order.
  const header = (column: string, label: string) => {
    const key = SORTABLE[column];
    if (!key) return <Table.HeaderCell>{label}</Table.HeaderCell>;
    const active = sort.key === key;
    return (
      <Table.HeaderCell sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} onClick={() => onSort(key)}>
        {label}
      </Table.HeaderCell>
    );
  };
  return (
    <div className="stack sd-list">
      {/* The bulk bar takes room only while cases are chosen; its result outlives the choice (the list reloads). */}
      {selected.size > 0 ? <BulkAssign ids={[...selected]} me={me} onDone={setAssigned} /> : null}
      {assigned !== null && selected.size === 0 ? <Alert data-color="success" role="status"><Paragraph>{t('work.bulkDone', { count: assigned })}</Paragraph></Alert> : null}
      <div className="table-scroll sd-table" ref={tableRef} onKeyDown={onKeyDown} tabIndex={0} role="region" aria-label={t('work.table')} aria-describedby="sd-keys" aria-busy={busy} data-scroll-region>
        <Table data-size="sm" className="full-width">
          <caption className="sr-only">{t('work.table')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell className="sd-col-check">
                <Checkbox data-size="sm" aria-label={t('work.selectAll')} checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))} />
              </Table.HeaderCell>
              {header('number', t('field.number'))}
              {header('title', t('field.title'))}
              {header('status', t('field.status'))}
              {/* The SLA right after the status: on a laptop nothing the desk works by is behind the scroll. */}
              {header('sla', t('field.sla'))}
              {header('priority', t('field.priority'))}
              {header('category', t('field.category'))}
              {header('municipality', t('field.municipality'))}
              {header('assignee', t('field.assignee'))}
              {header('created', t('field.created'))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r, i) => (
              <Table.Row key={r.id} className={i === current ? 'sd-row--current' : undefined}>
                <Table.Cell className="sd-col-check">
                  <Checkbox data-size="sm" aria-label={t('work.select', { number: r.number })} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                </Table.Cell>
                <Table.Cell className="sd-col-num">{r.number}</Table.Cell>
                <Table.Cell className="sd-col-title">
                  <DsLink asChild>
                    <Link to="/kundeservice/saker/$id" params={{ id: r.id }} data-ticket-link title={r.title} lang={contentLang} onFocus={() => setCurrent(i)}>{r.title}</Link>
                  </DsLink>
                  <span className="sr-only"> – {t(channelKey(r.channel))}</span>
                </Table.Cell>
                <Table.Cell><StatusTag status={r.status} /></Table.Cell>
                <Table.Cell><SlaBadge row={r} /></Table.Cell>
                <Table.Cell>{t(priorityKey(r.priority))}</Table.Cell>
                <Table.Cell className="sd-col-clip" title={r.category} lang={contentLang}>{r.category}</Table.Cell>
                <Table.Cell className="sd-col-clip">{r.municipalityName}</Table.Cell>
                <Table.Cell className="sd-col-clip">{r.assigneeName ?? '–'}</Table.Cell>
                <Table.Cell>{formatDate(r.createdAt)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <Paragraph data-size="xs" id="sd-keys" className="sd-hint">{t('work.keys')}</Paragraph>
    </div>
  );
}

function BulkAssign({ ids, me, onDone }: { ids: string[]; me: TSessionUser | null; onDone: (count: number) => void }) {
  const t = useSdT();
  const bulk = useBulkAssign();
  const agents = useAgents();
  const [assignee, setAssignee] = useState(me?.id ?? '');
  const options = assigneeOptions(agents.data ?? [], { keep: [assignee], me, inactiveLabel: t('desk.inactiveAgent') });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    bulk.mutate({ ticketIds: ids, assigneeUserId: assignee || null }, { onSuccess: (r) => onDone(r.tickets) });
  };
  return (
    <form className="row" aria-label={t('work.bulkAssign')} onSubmit={submit} noValidate>
      <FormErrors form="sd-bulk" error={bulk.error} labels={{ ticketIds: t('work.table'), assigneeUserId: t('work.bulkAssignee') }} />
      <SelectField form="sd-bulk" name="assigneeUserId" label={t('work.bulkAssignee')} value={assignee} onChange={setAssignee}
        placeholder={t('desk.unassigned')} options={options} />
      <Button type="submit" variant="secondary" disabled={ids.length === 0} loading={bulk.isPending}>{t('work.bulkAssign')}</Button>
      <span aria-live="polite">{t('work.selected', { count: ids.length })}</span>
    </form>
  );
}
