// The innovation pipeline's forms: a new proposal; sending it to its next step (a meeting of the body,
// where the server makes the case); the council's decision with the cost split the server computes
// before anything is saved; and a municipality that joins later or leaves.
import { Button, Fieldset, Paragraph, Radio, Table } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { osloToday } from '../../../../src/lib/oslo-time';
import { ApiError, type TApiSchema } from '../../api/client';
import { useContentLang, useI18n } from '../../i18n';
import { formatDate, formatWholeKroner } from '../../i18n/format';
import { fieldId, SelectField, TextField } from '../forms/fields';
import { PanelForm } from '../forms/PanelForm';
import { useMunicipalities } from '../equipment/api';
import { useBodies, useMeetings } from '../meetings/api';
import { useInstallCooperation } from '../shell/cooperation';
import { DataTable } from '../tables/DataTable';
import { useAddCostEvent, useCreateProposal, useDecideProposal, usePreviewSplit, useSendProposal } from './api';
import { kronerText, localError, MunicipalityChecks, parseKroner } from './form-parts';
import { COST_MODELS, modelLabel, stepLabel, type TCostModelKind } from './labels';
import { usePortfolioT } from './messages';

type TProposal = TApiSchema<'Proposal'>;

/** A new proposal: who, what, the problem, the benefit, the estimate and who wants it. */
export function NewProposalForm({ onDone }: { onDone: (id: string) => void }) {
  const t = usePortfolioT();
  const municipalities = useMunicipalities();
  const [title, setTitle] = useState('');
  const [proposedBy, setProposedBy] = useState('');
  const [problem, setProblem] = useState('');
  const [benefit, setBenefit] = useState('');
  const [estimate, setEstimate] = useState('');
  const [wantedBy, setWantedBy] = useState<string[]>([]);
  const [checkError, setCheckError] = useState<ApiError | null>(null);
  const create = useCreateProposal({ onDone: (p) => onDone(p.id) });
  const error = checkError ?? create.error;
  const labels = {
    title: t('portfolio.form.proposalTitle'), proposedBy: t('portfolio.proposal.by'), problem: t('portfolio.proposal.problem'),
    benefit: t('portfolio.proposal.benefit'), costEstimateOre: t('portfolio.proposal.estimate'), municipalityIds: t('portfolio.proposal.wantedBy'),
  };
  const submit = () => {
    const costEstimateOre = parseKroner(estimate);
    if (Number.isNaN(costEstimateOre)) return setCheckError(localError('costEstimateOre', t('portfolio.form.wholeKroner')));
    setCheckError(null);
    create.mutate({ title, proposedBy, problem, benefit, costEstimateOre, municipalityIds: wantedBy });
  };
  return (
    <PanelForm form="new-proposal" headingId="new-proposal-heading" title={t('portfolio.form.newProposal')} error={error} labels={labels}
      onSubmit={submit} submitLabel={t('portfolio.form.createProposal')} pending={create.isPending}>
      <TextField form="new-proposal" name="title" label={labels.title} value={title} onChange={setTitle} required error={error} />
      <TextField form="new-proposal" name="proposedBy" label={labels.proposedBy} value={proposedBy} onChange={setProposedBy} required error={error}
        description={t('portfolio.form.proposedByHint')} />
      <TextField form="new-proposal" name="problem" label={labels.problem} value={problem} onChange={setProblem} multiline rows={3} error={error} />
      <TextField form="new-proposal" name="benefit" label={labels.benefit} value={benefit} onChange={setBenefit} multiline rows={3} error={error} />
      <TextField form="new-proposal" name="costEstimateOre" label={labels.costEstimateOre} value={estimate} onChange={setEstimate} error={error}
        description={t('portfolio.form.krHint')} />
      <MunicipalityChecks form="new-proposal" name="municipalityIds" legend={labels.municipalityIds} error={error}
        options={municipalities.data ?? []} value={wantedBy} onChange={setWantedBy} />
    </PanelForm>
  );
}

/** Puts the proposal on the agenda of a meeting of the body that treats its next step. */
export function SendToStepForm({ proposal }: { proposal: TProposal }) {
  const t = usePortfolioT();
  const { language } = useI18n();
  const cooperation = useInstallCooperation().data;
  const bodies = useBodies();
  // Left as chosen while the server still offers it; otherwise the furthest step it offers.
  const [chosen, setStep] = useState('');
  const step = proposal.nextSteps.includes(chosen as TProposal['nextSteps'][number]) ? chosen : proposal.nextSteps.at(-1) ?? '';
  const [bodyId, setBodyId] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const [conclusion, setConclusion] = useState('');
  const [sent, setSent] = useState(false);
  const meetings = useMeetings({ bodyId: bodyId || undefined });
  const send = useSendProposal(proposal.id, () => { setSent(true); setStep(''); setBodyId(''); setMeetingId(''); setConclusion(''); });
  const ownBodies = (bodies.data ?? []).filter((b) => b.active && (!cooperation || b.cooperationId === cooperation.id));
  const labels = { step: t('portfolio.send.step'), bodyId: t('portfolio.proposal.body'), meetingId: t('portfolio.proposal.meeting'), proposal: t('portfolio.send.conclusion') };
  return (
    <PanelForm form="send-proposal" headingId="send-proposal-heading" title={t('portfolio.send.heading')} error={send.error} labels={labels}
      onSubmit={() => { setSent(false); send.mutate({ revision: proposal.revision, step: step as TProposal['nextSteps'][number], meetingId, proposal: conclusion || undefined }); }}
      submitLabel={t('portfolio.send.submit')} pending={send.isPending} onReload={() => send.reset()}
      notice={sent ? <Paragraph role="status" data-testid="send-status">{t('portfolio.send.done')}</Paragraph> : null}>
      <SelectField form="send-proposal" name="step" label={labels.step} value={step} onChange={setStep} error={send.error}
        options={proposal.nextSteps.map((s) => ({ value: s, label: stepLabel(s, language) }))} />
      <SelectField form="send-proposal" name="bodyId" label={labels.bodyId} value={bodyId} placeholder={t('portfolio.send.chooseBody')}
        onChange={(v) => { setBodyId(v); setMeetingId(''); }} options={ownBodies.map((b) => ({ value: b.id, label: b.name }))}
        description={t('portfolio.send.bodyHint', { step: step ? stepLabel(step as TProposal['nextSteps'][number], language).toLowerCase() : '' })} />
      <SelectField form="send-proposal" name="meetingId" label={labels.meetingId} value={meetingId} onChange={setMeetingId} error={send.error}
        placeholder={bodyId ? t('portfolio.send.chooseMeeting') : t('portfolio.send.bodyFirst')}
        options={bodyId ? (meetings.data ?? []).map((m) => ({ value: m.id, label: `${m.year}/${m.numberLabel} ${formatDate(m.date)}` })) : []} />
      <TextField form="send-proposal" name="proposal" label={labels.proposal} value={conclusion} onChange={setConclusion} multiline rows={3} error={send.error} />
    </PanelForm>
  );
}

/** The error of a split as its fields show it: the basis year stands for the year of the figures and the key. */
function onBasisYear(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const moved = error.fields.map((f) => (f.path === 'populationYear' || f.path === 'keyYear' ? { ...f, path: 'basisYear' } : f));
  return new ApiError(error.status, error.code, error.message, moved, error.details);
}

/**
 * The council's decision in one of its cases of the proposal: go or no-go, and for go the model, the
 * total and who pays. «Vis fordelingen» asks the server for the split before anything is saved.
 */
export function DecisionForm({ proposal }: { proposal: TProposal }) {
  const t = usePortfolioT();
  const { language } = useI18n();
  const lang = useContentLang();
  const municipalities = useMunicipalities();
  const councilCases = proposal.cases.filter((c) => c.step === 'samarbeidsrad');
  const latest = councilCases.at(-1);
  const [caseId, setCaseId] = useState(latest?.caseId ?? '');
  const [outcome, setOutcome] = useState<'go' | 'no_go'>('go');
  const [decidedOn, setDecidedOn] = useState(latest?.meetingDate ?? osloToday());
  const [model, setModel] = useState<TCostModelKind | ''>('');
  const [fixedPercent, setFixedPercent] = useState('30');
  const [basisYear, setBasisYear] = useState('');
  const [total, setTotal] = useState(kronerText(proposal.costEstimateOre));
  const [payers, setPayers] = useState(proposal.municipalities.map((m) => m.id));
  const [checkError, setCheckError] = useState<ApiError | null>(null);
  const decide = useDecideProposal(proposal.id);
  const preview = usePreviewSplit(proposal.id);
  const go = outcome === 'go';

  /** The terms as the server takes them, or a refusal at the field typed wrong. */
  const terms = () => {
    const totalOre = parseKroner(total);
    if (totalOre === null || Number.isNaN(totalOre)) return localError('totalOre', t('portfolio.form.wholeKroner'));
    const year = basisYear.trim() ? Number(basisYear) : undefined;
    if (year !== undefined && !Number.isInteger(year)) return localError('basisYear', t('portfolio.form.year'));
    const percent = Number(fixedPercent);
    if (model === 'fixedPlusPopulation' && (!fixedPercent.trim() || !Number.isInteger(percent))) return localError('fixedPercent', t('portfolio.form.percent'));
    if (!model) return localError('model', t('portfolio.decide.chooseModel'));
    return {
      decidedOn, model, totalOre, municipalityIds: payers, basisYear: year,
      fixedPercent: model === 'fixedPlusPopulation' ? percent : undefined,
    } satisfies TApiSchema<'PreviewSplitRequest'>;
  };
  const showSplit = () => {
    const v = terms();
    if (v instanceof ApiError) return setCheckError(v);
    setCheckError(null);
    preview.mutate(v);
  };
  const save = () => {
    preview.reset();
    if (!go) {
      setCheckError(null);
      return decide.mutate({ revision: proposal.revision, caseId, outcome, decidedOn });
    }
    const v = terms();
    if (v instanceof ApiError) return setCheckError(v);
    setCheckError(null);
    decide.mutate({ revision: proposal.revision, caseId, outcome, ...v });
  };
  const rawError = checkError ?? decide.error ?? preview.error;
  const error = useMemo(() => onBasisYear(rawError), [rawError]);
  const labels = {
    caseId: t('portfolio.decide.case'), outcome: t('portfolio.decide.outcome'), decidedOn: t('portfolio.decide.date'), model: t('portfolio.decide.model'),
    fixedPercent: t('portfolio.decide.fixedPercent'), basisYear: t('portfolio.decide.basisYear'), totalOre: t('portfolio.decide.total'),
    municipalityIds: t('portfolio.decide.payers'),
  };
  const shown = preview.data;
  return (
    <PanelForm form="decision" headingId="decision-heading" title={t('portfolio.decide.heading')} error={error} labels={labels}
      onSubmit={save} submitLabel={t('portfolio.decide.save')} pending={decide.isPending} onReload={() => decide.reset()}>
      <SelectField form="decision" name="caseId" label={labels.caseId} value={caseId} onChange={setCaseId} error={error}
        options={councilCases.map((c) => ({ value: c.caseId, label: `${c.number} (${c.bodyName})` }))} />
      <Fieldset id={fieldId('decision', 'outcome')}>
        <Fieldset.Legend>{labels.outcome}</Fieldset.Legend>
        <Radio name="outcome" value="go" label={t('portfolio.decide.go')} checked={go} onChange={() => setOutcome('go')} />
        <Radio name="outcome" value="no_go" label={t('portfolio.decide.noGo')} checked={!go} onChange={() => setOutcome('no_go')} />
      </Fieldset>
      <TextField form="decision" name="decidedOn" type="date" label={labels.decidedOn} value={decidedOn} onChange={setDecidedOn} error={error} />
      {go ? (
        <>
          <SelectField form="decision" name="model" label={labels.model} value={model} placeholder={t('portfolio.decide.chooseModel')} error={error}
            onChange={(v) => { setModel(v as TCostModelKind); preview.reset(); }} options={COST_MODELS.map((m) => ({ value: m, label: modelLabel(m, language) }))} />
          {model === 'fixedPlusPopulation' ? (
            <TextField form="decision" name="fixedPercent" type="number" label={labels.fixedPercent} value={fixedPercent} onChange={setFixedPercent} error={error}
              description={t('portfolio.decide.fixedHint')} />
          ) : null}
          {model && model !== 'equal' ? (
            <TextField form="decision" name="basisYear" type="number" label={labels.basisYear} value={basisYear} onChange={setBasisYear} error={error}
              description={t('portfolio.decide.basisYearHint')} />
          ) : null}
          <TextField form="decision" name="totalOre" label={labels.totalOre} value={total} onChange={setTotal} error={error} description={t('portfolio.form.krHint')} />
          <MunicipalityChecks form="decision" name="municipalityIds" legend={labels.municipalityIds} error={error}
            description={t('portfolio.decide.payersHint')} options={municipalities.data ?? []} value={payers} onChange={setPayers} />
          <div className="stack">
            <div><Button type="button" variant="secondary" onClick={showSplit} disabled={preview.isPending}>{t('portfolio.decide.preview')}</Button></div>
            {shown ? (
              <DataTable caption={t('portfolio.decide.previewCaption', { total: formatWholeKroner(shown.totalOre) })} testId="split-preview"
                columns={[t('portfolio.col.municipality'), { label: t('portfolio.decide.part'), numeric: true }]}>
                {shown.shares.map((s) => (
                  <Table.Row key={s.municipalityId}>
                    <Table.Cell lang={lang}>{s.name}</Table.Cell>
                    <Table.Cell className="num">{formatWholeKroner(s.amountOre)}</Table.Cell>
                  </Table.Row>
                ))}
                <Table.Row>
                  <Table.HeaderCell>{t('portfolio.split.sum')}</Table.HeaderCell>
                  <Table.Cell className="num">{formatWholeKroner(shown.shares.reduce((sum, s) => sum + s.amountOre, 0))}</Table.Cell>
                </Table.Row>
              </DataTable>
            ) : null}
          </div>
        </>
      ) : null}
    </PanelForm>
  );
}

/** A municipality joins the split later (paying an entry amount credited to the earlier payers) or leaves it. */
export function CostEventForm({ proposalId, decidedOn }: { proposalId: string; decidedOn: string }) {
  const t = usePortfolioT();
  const municipalities = useMunicipalities();
  const [kind, setKind] = useState<'join' | 'leave'>('join');
  const [municipalityId, setMunicipalityId] = useState('');
  const [date, setDate] = useState('');
  const [entry, setEntry] = useState('');
  const [checkError, setCheckError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const add = useAddCostEvent(proposalId, () => { setSaved(true); setMunicipalityId(''); setEntry(''); });
  const error = checkError ?? add.error;
  const labels = { kind: t('portfolio.join.kind'), municipalityId: t('portfolio.col.municipality'), date: t('portfolio.join.date'), entryAmountOre: t('portfolio.join.entry') };
  const submit = () => {
    setSaved(false);
    const entryAmountOre = kind === 'join' ? parseKroner(entry) : null;
    if (Number.isNaN(entryAmountOre)) return setCheckError(localError('entryAmountOre', t('portfolio.form.wholeKroner')));
    setCheckError(null);
    add.mutate({ kind, municipalityId, date, entryAmountOre });
  };
  return (
    <PanelForm form="cost-event" headingId="cost-event-heading" title={t('portfolio.join.heading')} error={error} labels={labels}
      onSubmit={submit} submitLabel={kind === 'join' ? t('portfolio.join.submitJoin') : t('portfolio.join.submitLeave')} pending={add.isPending}
      notice={saved ? <Paragraph role="status">{t('portfolio.join.saved')}</Paragraph> : null}>
      <SelectField form="cost-event" name="kind" label={labels.kind} value={kind} onChange={(v) => setKind(v as 'join' | 'leave')}
        options={[{ value: 'join', label: t('portfolio.join.join') }, { value: 'leave', label: t('portfolio.join.leave') }]} />
      <SelectField form="cost-event" name="municipalityId" label={labels.municipalityId} value={municipalityId} onChange={setMunicipalityId} error={error}
        placeholder={t('portfolio.form.chooseMunicipality')} options={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
      <TextField form="cost-event" name="date" type="date" label={labels.date} value={date} onChange={setDate} error={error}
        description={t('portfolio.join.dateHint', { date: formatDate(decidedOn) })} />
      {kind === 'join' ? (
        <TextField form="cost-event" name="entryAmountOre" label={labels.entryAmountOre} value={entry} onChange={setEntry} error={error}
          description={t('portfolio.join.entryHint')} />
      ) : null}
    </PanelForm>
  );
}
