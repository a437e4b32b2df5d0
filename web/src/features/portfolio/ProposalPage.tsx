// /portefolje/forslag/$id: a proposal of the innovation pipeline, its cases in the bodies (each links to
// its meeting), the council's decision and the cost split at the decision and after each join or leave.
// Staff send it to its next step, record the council's decision and the later joins and leaves here;
// what may be done now (nextSteps, mayDecide) is the server's answer.
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useContentLang, useI18n } from '../../i18n';
import { canWrite, useSession } from '../auth/session';
import { formatDate, formatWholeKroner } from '../../i18n/format';
import { PageHeading } from '../shell/PageHeading';
import { LoadError, Loading } from '../shell/states';
import { DataTable } from '../tables/DataTable';
import { useCostSplit, useProposal } from './api';
import { modelLabel, stageLabel, stepLabel } from './labels';
import { usePortfolioT } from './messages';
import { CostEventForm, DecisionForm, SendToStepForm } from './ProposalForms';

export function ProposalPage({ id }: { id: string }) {
  const t = usePortfolioT();
  const { language } = useI18n();
  const lang = useContentLang();
  const { user } = useSession();
  const editable = canWrite(user);
  const proposal = useProposal(id);
  const go = proposal.data?.decision?.outcome === 'go';
  const split = useCostSplit(id, go);
  if (proposal.isPending) return <Loading />;
  if (proposal.error) return <LoadError error={proposal.error} />;
  const p = proposal.data;
  const d = p.decision;
  return (
    <div className="stack">
      <PageHeading lang={lang}>{p.title}</PageHeading>
      <dl className="facts">
        <dt>{t('portfolio.proposal.stage')}</dt><dd>{stageLabel(p.stage, language)}</dd>
        <dt>{t('portfolio.proposal.by')}</dt><dd lang={lang}>{p.proposedBy}</dd>
        {p.problem ? <><dt>{t('portfolio.proposal.problem')}</dt><dd lang={lang}>{p.problem}</dd></> : null}
        {p.benefit ? <><dt>{t('portfolio.proposal.benefit')}</dt><dd lang={lang}>{p.benefit}</dd></> : null}
        {p.costEstimateOre !== null ? <><dt>{t('portfolio.proposal.estimate')}</dt><dd>{formatWholeKroner(p.costEstimateOre)}</dd></> : null}
        <dt>{t('portfolio.proposal.wantedBy')}</dt><dd lang={lang}>{p.municipalities.map((m) => m.name).join(', ') || '–'}</dd>
      </dl>
      <section className="stack" aria-labelledby="proposal-cases">
        <Heading level={2} data-size="sm" id="proposal-cases">{t('portfolio.proposal.cases')}</Heading>
        {p.cases.length ? (
          <DataTable caption={t('portfolio.proposal.casesCaption')} testId="proposal-cases"
            columns={[t('portfolio.proposal.step'), t('portfolio.proposal.body'), t('portfolio.proposal.case'), t('portfolio.proposal.meeting'), t('portfolio.proposal.conclusion')]}>
            {p.cases.map((c) => (
              <Table.Row key={c.caseId}>
                <Table.Cell>{stepLabel(c.step, language)}</Table.Cell>
                <Table.Cell lang={lang}>{c.bodyName}</Table.Cell>
                <Table.Cell>{c.number}</Table.Cell>
                <Table.Cell>{c.meetingId ? <Link to="/moter/$id" params={{ id: c.meetingId }} search={{}}>{c.meetingLabel} {c.meetingDate ? formatDate(c.meetingDate) : ''}</Link> : '–'}</Table.Cell>
                <Table.Cell lang={lang}>{c.decisionText ?? '–'}</Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        ) : <Paragraph>{t('portfolio.proposal.noCases')}</Paragraph>}
        {editable && p.nextSteps.length ? <SendToStepForm proposal={p} /> : null}
      </section>
      {editable && p.mayDecide ? <DecisionForm key={`decide-${p.revision}`} proposal={p} /> : null}
      {d ? (
        <section className="stack" aria-labelledby="proposal-decision">
          <Heading level={2} data-size="sm" id="proposal-decision">{t('portfolio.proposal.decision')}</Heading>
          <Paragraph>{formatDate(d.decidedOn)}: {d.outcome === 'go' ? t('portfolio.proposal.go') : t('portfolio.proposal.noGo')}</Paragraph>
          {d.model ? (
            <Paragraph>
              {t('portfolio.proposal.model', { model: modelLabel(d.model, language) })}
              {d.fixedPercent !== null ? `; ${t('portfolio.proposal.fixed', { percent: d.fixedPercent })}` : ''}
              {d.basisYear !== null ? `; ${t('portfolio.proposal.basisYear', { year: d.basisYear })}` : ''}
            </Paragraph>
          ) : null}
        </section>
      ) : null}
      {go ? (
        <section className="stack" aria-labelledby="cost-split">
          <Heading level={2} data-size="sm" id="cost-split">{t('portfolio.split.heading')}</Heading>
          {split.isPending ? <Loading /> : split.error ? <LoadError error={split.error} /> : split.data.steps.map((s, i) => {
            const event = s.kind === 'decision' ? t('portfolio.split.decision')
              : s.kind === 'join' ? t('portfolio.split.join', { name: s.municipalityName ?? '', amount: formatWholeKroner(s.entryAmountOre ?? 0) })
                : t('portfolio.split.leave', { name: s.municipalityName ?? '' });
            return (
              // A visible heading names each step's table: the join's entry amount is read before its credits.
              <div key={i} className="stack">
                <Heading level={3} data-size="2xs" id={`cost-split-${i}-heading`}>{t('portfolio.split.caption', { date: formatDate(s.date), event })}</Heading>
                <DataTable labelledBy={`cost-split-${i}-heading`} testId={`cost-split-${i}`}
                  columns={[t('portfolio.col.municipality'), { label: t('portfolio.split.paid'), numeric: true }, { label: t('portfolio.split.credited'), numeric: true }, { label: t('portfolio.split.net'), numeric: true }]}>
                  {s.positions.map((pos) => (
                    <Table.Row key={pos.municipalityId}>
                      <Table.Cell lang={lang}>{pos.name} {pos.active ? '' : t('portfolio.split.left')}</Table.Cell>
                      <Table.Cell className="num">{formatWholeKroner(pos.paidOre)}</Table.Cell>
                      <Table.Cell className="num">{formatWholeKroner(pos.creditedOre)}</Table.Cell>
                      <Table.Cell className="num">{formatWholeKroner(pos.netOre)}</Table.Cell>
                    </Table.Row>
                  ))}
                  <Table.Row>
                    <Table.HeaderCell>{t('portfolio.split.sum')}</Table.HeaderCell>
                    <Table.Cell className="num">{formatWholeKroner(s.positions.reduce((sum, x) => sum + x.paidOre, 0))}</Table.Cell>
                    <Table.Cell className="num">{formatWholeKroner(s.positions.reduce((sum, x) => sum + x.creditedOre, 0))}</Table.Cell>
                    <Table.Cell className="num">{formatWholeKroner(s.positions.reduce((sum, x) => sum + x.netOre, 0))}</Table.Cell>
                  </Table.Row>
                </DataTable>
              </div>
            );
          })}
          {editable && d ? <CostEventForm proposalId={p.id} decidedOn={d.decidedOn} /> : null}
        </section>
      ) : null}
    </div>
  );
}
