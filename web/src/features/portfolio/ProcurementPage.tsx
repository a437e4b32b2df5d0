// /portefolje/anskaffelser/$id: one procurement, its stages (behov → … → kontrakt) with the current one
// marked, what each stage recorded, and for staff the form of the next move: before the award the
// stage and its facts, at evaluering the award, in karens the signing. The server decides whether the
// contract may be signed (maySign) and refuses a signing during the standstill with a plain sentence,
// which the form shows. The cases of the bodies it was treated in are listed, and tied by staff.
import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useContentLang, useI18n } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { canWrite, useSession } from '../auth/session';
import { SelectField, TextField } from '../forms/fields';
import { PanelForm } from '../forms/PanelForm';
import { PageHeading } from '../shell/PageHeading';
import { LoadError, Loading } from '../shell/states';
import type { TApiSchema } from '../../api/client';
import { useAwardProcurement, useCreateProcurement, useProcurement, useProjects, useSignContract, useUpdateProcurement } from './api';
import { localError, osloDayAndTime, osloInstant } from './form-parts';
import { PROCUREMENT_STAGES, procurementStageLabel, type TProcurementStage } from './labels';
import { usePortfolioT } from './messages';
import { ProcurementCases } from './ProcurementCases';

type TProcurement = TApiSchema<'Procurement'>;
/** The stages a procurement is moved between by hand; tildeling and karens come with the award. */
export const OPEN_STAGES = ['behov', 'kunngjort', 'tilbudsfrist', 'evaluering'] as const;
type TOpenStage = (typeof OPEN_STAGES)[number];

export function ProcurementPage({ id }: { id: string }) {
  const t = usePortfolioT();
  const lang = useContentLang();
  const { user } = useSession();
  const procurement = useProcurement(id);
  if (procurement.isPending) return <Loading />;
  if (procurement.error) return <LoadError error={procurement.error} />;
  const p = procurement.data;
  const editable = canWrite(user);
  const open = (OPEN_STAGES as readonly string[]).includes(p.stage);
  return (
    <div className="stack">
      <PageHeading lang={lang}>{p.title}</PageHeading>
      <Stages stage={p.stage} />
      <section className="stack" aria-labelledby="procurement-details">
        <Heading level={2} data-size="sm" id="procurement-details">{t('portfolio.procurement.details')}</Heading>
        <Facts p={p} />
        {p.stage === 'karens' ? (
          <Alert data-color={p.maySign ? 'success' : 'warning'} data-testid="standstill-state">
            {p.maySign ? t('portfolio.procurement.standstillOver', { end: formatDateTime(p.standstillEndsAt) })
              : t('portfolio.procurement.standstillRuns', { end: formatDateTime(p.standstillEndsAt) })}
          </Alert>
        ) : null}
      </section>
      <ProcurementCases p={p} editable={editable} />
      {editable && (open || p.stage === 'karens') ? (
        <section className="stack" aria-labelledby="procurement-next">
          <Heading level={2} data-size="sm" id="procurement-next">{t('portfolio.procurement.next')}</Heading>
          {open ? <MoveForm key={p.revision} p={p} /> : null}
          {p.stage === 'evaluering' ? <AwardForm key={`award-${p.revision}`} p={p} /> : null}
          {p.stage === 'karens' ? <SignForm p={p} /> : null}
        </section>
      ) : null}
    </div>
  );
}

/** The seven stages in order, the current one marked for eyes and for screen readers. */
function Stages({ stage }: { stage: TProcurementStage }) {
  const t = usePortfolioT();
  const { language } = useI18n();
  const at = PROCUREMENT_STAGES.indexOf(stage);
  return (
    <nav className="steps" aria-label={t('portfolio.procurement.stages')}>
      <ol>
        {PROCUREMENT_STAGES.map((s, i) => (
          <li key={s} className={i < at ? 'steps__step--done' : undefined}>
            <span className="steps__link" aria-current={i === at ? 'step' : undefined}>
              <span className="steps__mark" aria-hidden="true">{i < at ? '✓' : i + 1}</span>
              {procurementStageLabel(s, language)}
              {i < at ? <span className="sr-only"> ({t('portfolio.procurement.done')})</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Facts({ p }: { p: TProcurement }) {
  const t = usePortfolioT();
  const { language } = useI18n();
  const lang = useContentLang();
  return (
    <dl className="facts" data-testid="procurement-facts">
      <dt>{t('portfolio.procurement.stage')}</dt><dd><Tag data-size="sm" data-color="info">{procurementStageLabel(p.stage, language)}</Tag></dd>
      <dt>{t('portfolio.procurement.project')}</dt>
      <dd lang={lang}>{p.projectId ? <Link to="/portefolje/prosjekter/$id" params={{ id: p.projectId }} search={{}}>{p.projectTitle}</Link> : '–'}</dd>
      <dt>{t('portfolio.procurement.doffin')}</dt><dd lang={lang}>{p.doffinReference ?? '–'}</dd>
      <dt>{t('portfolio.procurement.deadline')}</dt><dd>{p.tenderDeadline ? formatDateTime(p.tenderDeadline) : '–'}</dd>
      <dt>{t('portfolio.procurement.standstillMin')}</dt>
      <dd>{t('portfolio.procurement.days', { days: p.standstillDays })} <span lang={lang}>({p.standstillRule})</span></dd>
      {p.awardSentAt ? <><dt>{t('portfolio.procurement.awardSent')}</dt><dd>{formatDateTime(p.awardSentAt)}</dd></> : null}
      {p.supplier ? <><dt>{t('portfolio.procurement.supplier')}</dt><dd lang={lang}>{p.supplier}</dd></> : null}
      {p.standstillEndsAt ? <><dt>{t('portfolio.procurement.standstillEnds')}</dt><dd>{formatDateTime(p.standstillEndsAt)}</dd></> : null}
      {p.contractSignedAt ? <><dt>{t('portfolio.procurement.signed')}</dt><dd>{formatDateTime(p.contractSignedAt)}</dd></> : null}
      {p.note ? <><dt>{t('portfolio.procurement.note')}</dt><dd lang={lang}>{p.note}</dd></> : null}
    </dl>
  );
}

/** Before the award: the stage and what it records (Doffin reference, tender deadline), the standstill minimum and its rule. */
function MoveForm({ p }: { p: TProcurement }) {
  const t = usePortfolioT();
  const { language } = useI18n();
  const [deadlineDay, deadlineTime] = osloDayAndTime(p.tenderDeadline);
  const [stage, setStage] = useState<TOpenStage>(p.stage as TOpenStage);
  const [doffin, setDoffin] = useState(p.doffinReference ?? '');
  const [day, setDay] = useState(deadlineDay);
  const [time, setTime] = useState(deadlineTime || '12:00');
  const [days, setDays] = useState(String(p.standstillDays));
  const [rule, setRule] = useState(p.standstillRule);
  const [note, setNote] = useState(p.note ?? '');
  const [saved, setSaved] = useState(false);
  const move = useUpdateProcurement(p.id, () => setSaved(true));
  const labels = {
    stage: t('portfolio.procurement.stage'), doffinReference: t('portfolio.procurement.doffin'), tenderDeadline: t('portfolio.procurement.deadlineDay'),
    standstillDays: t('portfolio.procurement.standstillDays'), standstillRule: t('portfolio.procurement.rule'), note: t('portfolio.procurement.note'),
  };
  return (
    <PanelForm form="move-procurement" headingId="move-procurement-heading" title={t('portfolio.procurement.move')} error={move.error} labels={labels}
      submitLabel={t('portfolio.procurement.saveMove')} pending={move.isPending} onReload={() => move.reset()}
      notice={saved ? <Paragraph role="status">{t('portfolio.procurement.saved')}</Paragraph> : null}
      onSubmit={() => {
        setSaved(false);
        move.mutate({
          revision: p.revision, stage, doffinReference: doffin || null, tenderDeadline: day ? osloInstant(day, time) : null,
          standstillDays: Number(days), standstillRule: rule, note: note || null,
        });
      }}>
      <SelectField form="move-procurement" name="stage" label={labels.stage} value={stage} onChange={(v) => setStage(v as TOpenStage)} error={move.error}
        options={OPEN_STAGES.map((s) => ({ value: s, label: procurementStageLabel(s, language) }))} />
      <TextField form="move-procurement" name="doffinReference" label={labels.doffinReference} value={doffin} onChange={setDoffin} error={move.error} />
      <TextField form="move-procurement" name="tenderDeadline" type="date" label={labels.tenderDeadline} value={day} onChange={setDay} error={move.error} />
      <TextField form="move-procurement" name="tenderDeadlineTime" type="time" label={t('portfolio.procurement.deadlineTime')} value={time} onChange={setTime} />
      <TextField form="move-procurement" name="standstillDays" type="number" label={labels.standstillDays} value={days} onChange={setDays} error={move.error} />
      <TextField form="move-procurement" name="standstillRule" label={labels.standstillRule} value={rule} onChange={setRule} error={move.error} />
      <TextField form="move-procurement" name="note" label={labels.note} value={note} onChange={setNote} multiline rows={2} error={move.error} />
    </PanelForm>
  );
}

/** The award notice went to every bidder: the supplier and when it was sent; the standstill starts the next day. */
function AwardForm({ p }: { p: TProcurement }) {
  const t = usePortfolioT();
  const [supplier, setSupplier] = useState('');
  const [day, setDay] = useState('');
  const [time, setTime] = useState('');
  const [checkError, setCheckError] = useState<unknown>(null);
  const award = useAwardProcurement(p.id);
  const error = checkError ?? award.error;
  const labels = { supplier: t('portfolio.procurement.supplier'), sentAt: t('portfolio.procurement.awardDay') };
  const submit = () => {
    if (!day) return setCheckError(localError('sentAt', t('portfolio.form.required')));
    setCheckError(null);
    award.mutate({ revision: p.revision, supplier, sentAt: osloInstant(day, time || '00:00') });
  };
  return (
    <PanelForm form="award" headingId="award-heading" title={t('portfolio.procurement.award')} error={error} labels={labels}
      submitLabel={t('portfolio.procurement.saveAward')} pending={award.isPending} onReload={() => award.reset()}
      notice={<Paragraph data-size="sm">{t('portfolio.procurement.awardHint', { days: p.standstillDays })}</Paragraph>}
      onSubmit={submit}>
      <TextField form="award" name="supplier" label={labels.supplier} value={supplier} onChange={setSupplier} required error={error} />
      <TextField form="award" name="sentAt" type="date" label={labels.sentAt} value={day} onChange={setDay} required error={error} />
      <TextField form="award" name="sentAtTime" type="time" label={t('portfolio.procurement.awardTime')} value={time} onChange={setTime} />
    </PanelForm>
  );
}

/** The signing: refused by the server until the standstill is over, with the end and the rule in its sentence. */
function SignForm({ p }: { p: TProcurement }) {
  const t = usePortfolioT();
  const [day, setDay] = useState('');
  const [time, setTime] = useState('');
  const sign = useSignContract(p.id);
  const labels = { signedAt: t('portfolio.procurement.signDay') };
  return (
    <PanelForm form="sign" headingId="sign-heading" title={t('portfolio.procurement.sign')} error={sign.error} labels={labels}
      submitLabel={t('portfolio.procurement.saveSign')} pending={sign.isPending} onReload={() => sign.reset()}
      onSubmit={() => sign.mutate({ revision: p.revision, signedAt: day ? osloInstant(day, time || '12:00') : undefined })}>
      <TextField form="sign" name="signedAt" type="date" label={labels.signedAt} value={day} onChange={setDay} error={sign.error}
        description={t('portfolio.procurement.signHint')} />
      <TextField form="sign" name="signedAtTime" type="time" label={t('portfolio.procurement.signTime')} value={time} onChange={setTime} />
    </PanelForm>
  );
}

/** A new procurement: its title, the project it serves, and where it stands (from behov to evaluering). */
export function NewProcurementForm({ onDone }: { onDone: (id: string) => void }) {
  const t = usePortfolioT();
  const { language } = useI18n();
  const projects = useProjects();
  const [title, setTitle] = useState('');
  const [projectId, setProjectId] = useState('');
  const [stage, setStage] = useState<TOpenStage>('behov');
  const [doffin, setDoffin] = useState('');
  const [day, setDay] = useState('');
  const [time, setTime] = useState('12:00');
  const [note, setNote] = useState('');
  const create = useCreateProcurement({ onDone: (p) => onDone(p.id) });
  const labels = {
    title: t('portfolio.col.title'), projectId: t('portfolio.procurement.project'), stage: t('portfolio.procurement.stage'),
    doffinReference: t('portfolio.procurement.doffin'), tenderDeadline: t('portfolio.procurement.deadlineDay'), note: t('portfolio.procurement.note'),
  };
  return (
    <PanelForm form="new-procurement" headingId="new-procurement-heading" title={t('portfolio.procurement.new')} error={create.error} labels={labels}
      submitLabel={t('portfolio.procurement.create')} pending={create.isPending}
      onSubmit={() => create.mutate({
        title, projectId: projectId || null, stage, doffinReference: doffin || null, tenderDeadline: day ? osloInstant(day, time) : null, note: note || null,
      })}>
      <TextField form="new-procurement" name="title" label={labels.title} value={title} onChange={setTitle} required error={create.error} />
      <SelectField form="new-procurement" name="projectId" label={labels.projectId} value={projectId} onChange={setProjectId} error={create.error}
        placeholder={t('portfolio.procurement.noProject')} options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.title }))} />
      <SelectField form="new-procurement" name="stage" label={labels.stage} value={stage} onChange={(v) => setStage(v as TOpenStage)} error={create.error}
        options={OPEN_STAGES.map((s) => ({ value: s, label: procurementStageLabel(s, language) }))} />
      <TextField form="new-procurement" name="doffinReference" label={labels.doffinReference} value={doffin} onChange={setDoffin} error={create.error}
        description={t('portfolio.procurement.doffinHint')} />
      <TextField form="new-procurement" name="tenderDeadline" type="date" label={labels.tenderDeadline} value={day} onChange={setDay} error={create.error} />
      <TextField form="new-procurement" name="tenderDeadlineTime" type="time" label={t('portfolio.procurement.deadlineTime')} value={time} onChange={setTime} />
      <TextField form="new-procurement" name="note" label={labels.note} value={note} onChange={setNote} multiline rows={2} error={create.error} />
    </PanelForm>
  );
}
