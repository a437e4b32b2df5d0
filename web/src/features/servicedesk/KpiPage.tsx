// /kundeservice/nokkeltall: the monthly KPI pack of the activity report on screen (tables and charts),
// for any period and one or all municipalities, with the same as XLSX and PDF.
import { Alert, Button, Link as DsLink, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { TableFrame } from '../tables/TableFrame';
import { useEffect, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { canWrite, useSession } from '../auth/session';
import { useContentLang, useFormatMonth, useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { SelectField } from '../forms/fields';
import { PageHeading } from '../shell/PageHeading';
import { LoadError, Loading } from '../shell/states';
import { kpiFileUrl, useCooperationId, useKpi, useMemberships, useMunicipalities } from './api';
import { formatNumber } from './format';
import { KpiChart } from './KpiChart';
import { channelKey, priorityKey, typeKey, useSdT, type TSdT } from './messages';
import { checkPeriod, isMonth, membersInPeriod, type TPeriodProblem } from './period';
import type { TKpiPack } from './types';
import './servicedesk.css';
import { TableScroll } from '../tables/TableScroll';

/** The year so far, or last year in January. */
export function defaultKpiPeriod(today = new Date()): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth() + 1;
  if (m === 1) return { from: `${y - 1}-01`, to: `${y - 1}-12` };
  return { from: `${y}-01`, to: `${y}-${String(m).padStart(2, '0')}` };
}

/**
 * The period the page opens on without one in the address: the year so far once it has tickets, else
 * the newest year with tickets up to its last month with any (not a year of empty months).
 */
export function openingKpiPeriod(latest: string | null, today = new Date()): { from: string; to: string } {
  const current = defaultKpiPeriod(today);
  if (latest === null || latest >= current.from) return current;
  return { from: `${latest.slice(0, 4)}-01`, to: latest };
}

/** Whether the pack has anything to show for its months: tickets new, done or open, or phone calls. */
export function packHasFigures(pack: TKpiPack): boolean {
  return pack.trend.some((x) => x.new > 0 || x.closed > 0 || x.open > 0) || pack.phone.some((p) => p.offered > 0);
}

type TChange = { from: string; to: string; kommune?: string };

export function KpiPage({ from, to, municipality, latest = null, waiting = false, onChange }: {
  from: string; to: string; municipality?: string; latest?: string | null;
  /** The period is not settled yet (the page is finding the newest months with cases): no figures asked for. */
  waiting?: boolean;
  onChange: (next: TChange) => void;
}) {
  const t = useSdT();
  const municipalities = useMunicipalities();
  const q = { from, to, ...(municipality ? { municipality } : {}) };
  const kpi = useKpi(q, !waiting);
  const notThere = kpi.error instanceof ApiError && kpi.error.status === 404 && kpi.error.code !== 'not_found';
  return (
    <div className="stack-lg">
      <div className="stack">
        <PageHeading>{t('kpi.heading')}</PageHeading>
        <PeriodForm from={from} to={to} municipality={municipality} municipalities={municipalities.data ?? []} onChange={onChange} />
        <div className="actions">
          <DsLink href={kpiFileUrl(q, 'xlsx')} download>{t('kpi.xlsx')}</DsLink>
          <DsLink href={kpiFileUrl(q, 'pdf')}>{t('kpi.pdf')}</DsLink>
        </div>
      </div>
      {kpi.isPending ? <Loading /> : notThere ? <Alert data-color="info"><Paragraph>{t('kpi.notAvailable')}</Paragraph></Alert>
        : kpi.error ? <LoadError error={kpi.error} />
          : packHasFigures(kpi.data) ? <Pack pack={kpi.data} t={t} />
            : <EmptyPeriod from={from} to={to} latest={latest} onShow={(period) => onChange({ ...period, kommune: municipality })} />}
    </div>
  );
}

/** Said plainly instead of tables of zeros and empty charts, with the ways on: the newest months with tickets, the import. */
function EmptyPeriod({ from, to, latest, onShow }: { from: string; to: string; latest: string | null; onShow: (period: { from: string; to: string }) => void }) {
  const t = useSdT();
  const { user } = useSession();
  const formatMonth = useFormatMonth();
  const period = (a: string, b: string) => (a === b ? formatMonth(a) : `${formatMonth(a)}–${formatMonth(b)}`);
  const newest = latest === null ? null : { from: `${latest.slice(0, 4)}-01`, to: latest };
  return (
    <Alert data-color="info" data-testid="kpi-empty">
      <Paragraph>{latest === null ? t('kpi.emptyAnywhere') : t('kpi.empty', { period: period(from, to) })}</Paragraph>
      <div className="actions">
        {newest && (newest.from !== from || newest.to !== to) ? (
          <Button type="button" variant="secondary" data-size="sm" onClick={() => onShow(newest)}>{t('kpi.showPeriod', { period: period(newest.from, newest.to) })}</Button>
        ) : null}
        {canWrite(user) ? <DsLink href="/kundeservice/import">{t('kpi.goImport')}</DsLink> : null}
      </div>
    </Alert>
  );
}

function PeriodForm({ from, to, municipality, municipalities, onChange }: {
  from: string; to: string; municipality?: string; municipalities: { id: string; name: string }[]; onChange: (next: TChange) => void;
}) {
  const t = useSdT();
  // A municipality's employee reads their own municipality's figures only (the server answers with
  // them when none is named), so there is nothing to choose.
  const ownOnly = useSession().user?.role === 'municipality';
  const [draft, setDraft] = useState({ from, to, kommune: municipality ?? '' });
  const [problems, setProblems] = useState<ReturnType<typeof checkPeriod>>({});
  useEffect(() => {
    setDraft({ from, to, kommune: municipality ?? '' });
    setProblems({});
  }, [from, to, municipality]);
  const cooperationId = useCooperationId(!ownOnly);
  const memberships = useMemberships(ownOnly ? null : cooperationId.data);
  // The members in the period being chosen; all municipalities only if the memberships cannot be read.
  const noMemberships = memberships.isError || cooperationId.isError || cooperationId.data === null;
  const choices = memberships.data ? membersInPeriod(memberships.data, draft.from, draft.to) : noMemberships ? municipalities : [];
  const options = choices.some((m) => m.id === draft.kommune) || !draft.kommune ? choices
    : [...choices, ...municipalities.filter((m) => m.id === draft.kommune)];
  const message = (p: TPeriodProblem | undefined) => (p === 'fromAfterTo' ? t('kpi.fromAfterTo') : p === 'badMonth' ? t('kpi.badMonth') : undefined);
  const set = (key: 'from' | 'to') => (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.target.value;
    setDraft((d) => ({ ...d, [key]: value }));
    setProblems({});
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const found = checkPeriod(draft.from, draft.to);
    setProblems(found);
    if (found.from || found.to) {
      e.currentTarget.querySelector<HTMLInputElement>(found.from ? '#sd-kpi-from' : '#sd-kpi-to')?.focus();
      return;
    }
    onChange({ from: draft.from, to: draft.to, kommune: draft.kommune || undefined });
  };
  return (
    <form className="row" aria-label={t('kpi.show')} onSubmit={submit} noValidate>
      <Textfield id="sd-kpi-from" name="from" type="month" label={t('kpi.from')} description={t('kpi.monthHint')} value={draft.from}
        max={isMonth(draft.to) ? draft.to : undefined} onChange={set('from')} error={message(problems.from)} />
      <Textfield id="sd-kpi-to" name="to" type="month" label={t('kpi.to')} description={t('kpi.monthHint')} value={draft.to}
        min={isMonth(draft.from) ? draft.from : undefined} onChange={set('to')} error={message(problems.to)} />
      {ownOnly ? null : (
        <SelectField form="sd-kpi" name="municipality" label={t('field.municipality')} value={draft.kommune} placeholder={t('kpi.allMunicipalities')}
          onChange={(v) => setDraft((d) => ({ ...d, kommune: v }))} options={options.map((m) => ({ value: m.id, label: m.name }))} />
      )}
      <Button type="submit">{t('kpi.show')}</Button>
    </form>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="stack" aria-labelledby={`kpi-${id}`}>
      <h2 id={`kpi-${id}`} style={{ margin: 0 }}>{title}</h2>
      {children}
    </section>
  );
}

/** A row of counts; `content` marks a label that is the cooperation's own words (a category, a municipality). */
type TCountsRow = { label: string; counts: number[]; noSum?: boolean; content?: boolean };

function CountsTable({ caption, first, months, rows, testId }: { caption: string; first: string; months: string[]; rows: TCountsRow[]; testId: string }) {
  const t = useSdT();
  const formatMonth = useFormatMonth();
  const lang = useContentLang();
  return (
    <TableFrame caption={caption} testId={testId}>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{first}</Table.HeaderCell>
          {months.map((m) => <Table.HeaderCell key={m}>{formatMonth(m)}</Table.HeaderCell>)}
          <Table.HeaderCell>{t('kpi.total')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((r) => (
          <Table.Row key={r.label}>
            <Table.HeaderCell scope="row" lang={r.content ? lang : undefined}>{r.label}</Table.HeaderCell>
            {r.counts.map((c, i) => <Table.Cell key={months[i]}>{formatNumber(c)}</Table.Cell>)}
            <Table.Cell>{r.noSum ? '–' : formatNumber(r.counts.reduce((a, b) => a + b, 0))}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </TableFrame>
  );
}

function Pack({ pack, t }: { pack: TKpiPack; t: TSdT }) {
  const formatMonth = useFormatMonth();
  const { language } = useI18n();
  const listOf = (items: string[]) => new Intl.ListFormat(language === 'en' ? 'en' : 'nb', { type: 'conjunction' }).format(items);
  const lang = useContentLang();
  const months = pack.months.map((m) => formatMonth(m));
  // The server's labels are the papers' (bokmål); the page names priorities, types and channels by key.
  const unitOf = (unit: 'dager' | 'timer') => t(unit === 'timer' ? 'kpi.hours' : 'kpi.days');
  const pct = (v: number | null) => (v === null ? '–' : `${formatNumber(v, 1)} %`);
  return (
    <div className="stack-lg">
      {pack.municipalityName ? <Paragraph>{pack.municipalityName}</Paragraph> : null}
      <Section id="trend" title={t('kpi.trend')}>
        <Paragraph>{t('kpi.openAtEnd', { incidents: formatNumber(pack.openAtEnd.incidents), requests: formatNumber(pack.openAtEnd.requests), other: formatNumber(pack.openAtEnd.other), total: formatNumber(pack.openAtEnd.total) })}</Paragraph>
        <KpiChart title={t('kpi.trend')} categories={months} kind="line" testId="kpi-trend-chart" series={[
          { name: t('kpi.new'), values: pack.trend.map((x) => x.new) },
          { name: t('kpi.closed'), values: pack.trend.map((x) => x.closed) },
          { name: t('kpi.open'), values: pack.trend.map((x) => x.open) },
        ]} />
        <CountsTable caption={t('kpi.trend')} first={t('kpi.month')} months={pack.months} testId="kpi-trend" rows={[
          { label: t('kpi.new'), counts: pack.trend.map((x) => x.new) },
          { label: t('kpi.closed'), counts: pack.trend.map((x) => x.closed) },
          { label: t('kpi.open'), counts: pack.trend.map((x) => x.open), noSum: true },
        ]} />
        <CountsTable caption={t('kpi.solvedClosed')} first={t('kpi.month')} months={pack.months} testId="kpi-solved-closed" rows={[
          { label: t('kpi.solvedInMonth'), counts: pack.solvedAndClosed.map((x) => x.solved) },
          { label: t('kpi.closedInMonth'), counts: pack.solvedAndClosed.map((x) => x.closed) },
        ]} />
        <Paragraph data-size="sm">{t('kpi.solvedClosedNote')}</Paragraph>
      </Section>
      <Section id="category" title={t('kpi.newByCategory')}>
        <KpiChart title={t('kpi.newByCategory')} categories={months} stacked testId="kpi-category-chart"
          series={pack.newByCategory.map((c) => ({ name: c.label, values: c.counts }))} />
        <CountsTable caption={t('kpi.newByCategory')} first={t('field.category')} months={pack.months} testId="kpi-category"
          rows={pack.newByCategory.map((c) => ({ ...c, content: true }))} />
      </Section>
      <Section id="municipality" title={t('kpi.newByMunicipality')}>
        <CountsTable caption={t('kpi.newByMunicipality')} first={t('field.municipality')} months={pack.months} testId="kpi-municipality"
          rows={pack.newByMunicipality.map((c) => ({ ...c, content: true }))} />
      </Section>
      <Section id="critical" title={t('kpi.criticalHigh')}>
        {pack.criticalAndHigh.length === 0 ? <Paragraph>{t('kpi.none')}</Paragraph> : (
          <TableFrame caption={t('kpi.criticalHigh')}>
            <Table.Head><Table.Row>
              <Table.HeaderCell>{t('kpi.date')}</Table.HeaderCell><Table.HeaderCell>{t('field.number')}</Table.HeaderCell>
              <Table.HeaderCell>{t('field.municipality')}</Table.HeaderCell><Table.HeaderCell>{t('field.title')}</Table.HeaderCell>
              <Table.HeaderCell>{t('field.priority')}</Table.HeaderCell><Table.HeaderCell>{t('kpi.slaMet')}</Table.HeaderCell>
            </Table.Row></Table.Head>
            <Table.Body>
              {pack.criticalAndHigh.map((c, i) => (
                <Table.Row key={c.number ?? `skjult-${i}`}>
                  <Table.Cell>{formatDate(c.date)}</Table.Cell><Table.Cell>{c.number ?? '–'}</Table.Cell><Table.Cell>{c.municipality}</Table.Cell>
                  <Table.Cell lang={c.title ? lang : undefined}>{c.title ?? '–'}</Table.Cell><Table.Cell>{t(priorityKey(c.priority))}</Table.Cell>
                  <Table.Cell className={c.slaMet === false ? 'sd-breached' : undefined}>{c.slaMet === null ? '–' : c.slaMet ? t('sla.met') : t('sla.notMet')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </TableFrame>
        )}
        {pack.criticalAndHigh.some((c) => c.number === null) ? <Paragraph data-size="sm">{t('kpi.hiddenNote')}</Paragraph> : null}
      </Section>
      <Section id="resolution" title={t('kpi.resolution')}>
        <KpiChart title={`${t('kpi.resolution')} (${t('kpi.mean')})`} categories={months} kind="line" testId="kpi-resolution-chart"
          series={pack.resolution.map((r) => ({ name: `${t(priorityKey(r.priority))} (${unitOf(r.unit)})`, values: r.months.map((m) => m.mean) }))} />
        <TableFrame caption={t('kpi.resolution')} testId="kpi-resolution">
          <Table.Head><Table.Row>
            <Table.HeaderCell>{t('field.priority')}</Table.HeaderCell><Table.HeaderCell>{t('kpi.target')}</Table.HeaderCell>
            {pack.months.map((m) => <Table.HeaderCell key={m}>{formatMonth(m)}</Table.HeaderCell>)}
          </Table.Row></Table.Head>
          <Table.Body>
            {pack.resolution.map((r) => (
              <Table.Row key={r.priority}>
                <Table.HeaderCell scope="row">{t(priorityKey(r.priority))}</Table.HeaderCell>
                <Table.Cell>{`${formatNumber(r.target, 1)} ${unitOf(r.unit)}`}</Table.Cell>
                {r.months.map((m) => (
                  <Table.Cell key={m.month}>{m.solved === 0 ? '–' : `${formatNumber(m.mean, 1)} / ${formatNumber(m.median, 1)} (${m.solved})`}</Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </TableFrame>
        <Paragraph data-size="sm">{`${t('kpi.mean')} / ${t('kpi.median')} (${t('kpi.solved')})`}</Paragraph>
      </Section>
      <Section id="sla" title={t('kpi.sla')}>
        <Paragraph>{`${t('kpi.sla')}: ${pct(pack.slaAttainmentTotal.percent)} (${formatNumber(pack.slaAttainmentTotal.met)} / ${formatNumber(pack.slaAttainmentTotal.measured)})`}</Paragraph>
        <TableFrame caption={t('kpi.sla')} testId="kpi-sla">
          <Table.Head><Table.Row>
            <Table.HeaderCell>{t('kpi.month')}</Table.HeaderCell><Table.HeaderCell>{t('kpi.measured')}</Table.HeaderCell>
            <Table.HeaderCell>{t('kpi.metCount')}</Table.HeaderCell><Table.HeaderCell>{t('kpi.percent')}</Table.HeaderCell>
            <Table.HeaderCell>{t('kpi.satisfaction')}</Table.HeaderCell>
          </Table.Row></Table.Head>
          <Table.Body>
            {pack.slaAttainment.map((s, i) => (
              <Table.Row key={s.month}>
                <Table.HeaderCell scope="row">{formatMonth(s.month)}</Table.HeaderCell>
                <Table.Cell>{formatNumber(s.measured)}</Table.Cell><Table.Cell>{formatNumber(s.met)}</Table.Cell><Table.Cell>{pct(s.percent)}</Table.Cell>
                <Table.Cell>{pack.satisfaction[i]?.average === null || pack.satisfaction[i] === undefined ? '–' : `${formatNumber(pack.satisfaction[i]!.average, 1)} (${pack.satisfaction[i]!.answers})`}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </TableFrame>
        <Paragraph>{`${t('kpi.satisfaction')}: ${pack.satisfactionTotal.average === null ? '–' : formatNumber(pack.satisfactionTotal.average, 1)} (${t('kpi.answers')}: ${formatNumber(pack.satisfactionTotal.answers)})`}</Paragraph>
      </Section>
      <Section id="phone" title={t('kpi.phone')}>
        {pack.municipalityName && pack.phoneUnattributed.length ? (
          <Paragraph data-size="sm" data-testid="kpi-phone-unattributed">
            {t('kpi.phoneUnattributed', { months: listOf(pack.phoneUnattributed.map((m) => formatMonth(m))), municipality: pack.municipalityName })}
          </Paragraph>
        ) : null}
        <TableFrame caption={t('kpi.phone')} testId="kpi-phone">
          <Table.Head><Table.Row>
            <Table.HeaderCell>{t('kpi.month')}</Table.HeaderCell><Table.HeaderCell>{t('kpi.offered')}</Table.HeaderCell>
            <Table.HeaderCell>{t('kpi.answered')}</Table.HeaderCell><Table.HeaderCell>{t('kpi.answerRate')}</Table.HeaderCell>
            <Table.HeaderCell>{t('kpi.meanWait')}</Table.HeaderCell><Table.HeaderCell>{t('kpi.meanTalk')}</Table.HeaderCell>
          </Table.Row></Table.Head>
          <Table.Body>
            {pack.phone.map((p) => (
              <Table.Row key={p.month}>
                <Table.HeaderCell scope="row">{formatMonth(p.month)}</Table.HeaderCell>
                <Table.Cell>{formatNumber(p.offered)}</Table.Cell><Table.Cell>{formatNumber(p.answered)}</Table.Cell>
                <Table.Cell>{pct(p.answerRate)}</Table.Cell><Table.Cell>{formatNumber(p.meanWaitSeconds)}</Table.Cell><Table.Cell>{formatNumber(p.meanTalkSeconds)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </TableFrame>
      </Section>
      <Section id="yearly" title={t('kpi.yearly')}>
        <KpiChart title={t('kpi.byChannel')} categories={pack.yearly.years.map(String)} stacked testId="kpi-channel-chart"
          series={pack.yearly.byChannel.map((c) => ({ name: t(channelKey(c.channel)), values: c.counts }))} />
        <YearTable caption={t('kpi.byType')} first={t('field.type')} years={pack.yearly.years}
          rows={pack.yearly.byType.map((x) => ({ label: t(typeKey(x.type)), cells: x.counts.map((c, i) => `${formatNumber(c)} (${pct(x.shares[i] ?? null)})`) }))} />
        <YearTable caption={t('kpi.byChannel')} first={t('field.channel')} years={pack.yearly.years}
          rows={pack.yearly.byChannel.map((x) => ({ label: t(channelKey(x.channel)), cells: x.counts.map((c) => formatNumber(c)) }))} />
        <YearTable caption={t('kpi.newByCategory')} first={t('field.category')} years={pack.yearly.years}
          rows={pack.yearly.byCategory.map((x) => ({ label: x.category, content: true, cells: x.counts.map((c) => formatNumber(c)) }))} />
        <KpiChart title={t('kpi.criticalHigh')} categories={pack.yearly.criticalHighPerMonth.map((x) => formatMonth(x.month))} testId="kpi-critical-chart"
          series={[{ name: t('priority.kritisk'), values: pack.yearly.criticalHighPerMonth.map((x) => x.kritisk) }, { name: t('priority.hoy'), values: pack.yearly.criticalHighPerMonth.map((x) => x.hoy) }]} />
      </Section>
    </div>
  );
}

function YearTable({ caption, first, years, rows }: { caption: string; first: string; years: number[]; rows: { label: string; cells: string[]; content?: boolean }[] }) {
  const lang = useContentLang();
  return (
    <TableScroll>
      <Table zebra className="full-width">
        <caption>{caption}</caption>
        <Table.Head><Table.Row>
          <Table.HeaderCell>{first}</Table.HeaderCell>
          {years.map((y) => <Table.HeaderCell key={y}>{y}</Table.HeaderCell>)}
        </Table.Row></Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.label}>
              <Table.HeaderCell scope="row" lang={r.content ? lang : undefined}>{r.label}</Table.HeaderCell>
              {r.cells.map((c, i) => <Table.Cell key={years[i]}>{c}</Table.Cell>)}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
