// A project's form, new or edited: kind (set once), title, municipality or all, owner, phase
// (Prosjektveiviseren), the investment line it is paid from (the economy module's lines) and benefits.
import { useState } from 'react';
import type { TApiSchema } from '../../api/client';
import { useI18n } from '../../i18n';
import { useEconomyLines } from '../economy/api';
import { useMunicipalities } from '../equipment/api';
import { CheckboxField, SelectField, TextField } from '../forms/fields';
import { PanelForm } from '../forms/PanelForm';
import { useCreateProject, useProjectKinds, useUpdateProject } from './api';
import { phaseLabel, PROJECT_PHASES, type TProjectPhase } from './labels';
import { usePortfolioT } from './messages';

type TProject = TApiSchema<'Project'>;

/** `project` given: edits it (with its revision); otherwise creates one and hands its id on. */
export function ProjectForm({ project, onDone, onCancel }: { project?: TProject; onDone: (id: string) => void; onCancel?: () => void }) {
  const t = usePortfolioT();
  const { language } = useI18n();
  const kinds = useProjectKinds();
  const municipalities = useMunicipalities();
  const lines = useEconomyLines();
  const [kindId, setKindId] = useState(project?.kindId ?? '');
  const [title, setTitle] = useState(project?.title ?? '');
  const [municipalityId, setMunicipalityId] = useState(project?.municipalityId ?? '');
  const [owner, setOwner] = useState(project?.owner ?? '');
  const [phase, setPhase] = useState<TProjectPhase>(project?.phase ?? 'ide');
  const [lineId, setLineId] = useState(project?.economyLineId ?? '');
  const [benefits, setBenefits] = useState(project?.benefits ?? '');
  const [active, setActive] = useState(project?.active ?? true);
  const create = useCreateProject({ onDone: (p) => onDone(p.id) });
  const update = useUpdateProject(project?.id ?? '', { onDone: (p) => onDone(p.id) });
  const write = project ? update : create;
  const form = project ? 'edit-project' : 'new-project';
  const labels = {
    kindId: t('portfolio.col.kind'), title: t('portfolio.col.title'), municipalityId: t('portfolio.col.municipality'), owner: t('portfolio.col.owner'),
    phase: t('portfolio.col.phase'), economyLineId: t('portfolio.form.line'), benefits: t('portfolio.project.benefits'),
  };
  const fields = { title, municipalityId: municipalityId || null, owner: owner || null, phase, economyLineId: lineId || null, benefits: benefits || null };
  const submit = () => (project
    ? update.mutate({ revision: project.revision, ...fields, active })
    : create.mutate({ kindId, ...fields }));
  // The investment lines, and the line the project has even if it is closed now.
  const lineOptions = (lines.data ?? []).filter((l) => l.kind === 'investering' && (l.active || l.id === lineId));
  return (
    <PanelForm form={form} headingId={`${form}-heading`} title={project ? t('portfolio.form.editProject') : t('portfolio.form.newProject')}
      error={write.error} labels={labels} onSubmit={submit} pending={write.isPending} onCancel={onCancel}
      submitLabel={project ? t('portfolio.form.saveProject') : t('portfolio.form.createProject')}
      onReload={project ? () => { update.reset(); onCancel?.(); } : undefined}>
      {project ? null : (
        <SelectField form={form} name="kindId" label={labels.kindId} value={kindId} onChange={setKindId} required error={write.error}
          placeholder={t('portfolio.form.chooseKind')} options={(kinds.data ?? []).map((k) => ({ value: k.id, label: k.name }))} />
      )}
      <TextField form={form} name="title" label={labels.title} value={title} onChange={setTitle} required error={write.error} />
      <SelectField form={form} name="municipalityId" label={labels.municipalityId} value={municipalityId} onChange={setMunicipalityId} error={write.error}
        options={[{ value: '', label: t('portfolio.form.allMunicipalities') }, ...(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))]} />
      <TextField form={form} name="owner" label={labels.owner} value={owner} onChange={setOwner} error={write.error} />
      <SelectField form={form} name="phase" label={labels.phase} value={phase} onChange={(v) => setPhase(v as TProjectPhase)} error={write.error}
        description={t('portfolio.form.phaseHint')} options={PROJECT_PHASES.map((p) => ({ value: p, label: phaseLabel(p, language) }))} />
      <SelectField form={form} name="economyLineId" label={labels.economyLineId} value={lineId} onChange={setLineId} error={write.error}
        placeholder={t('portfolio.form.noLine')} options={lineOptions.map((l) => ({ value: l.id, label: l.name }))} />
      <TextField form={form} name="benefits" label={labels.benefits} value={benefits} onChange={setBenefits} multiline rows={3} error={write.error} />
      {project ? <CheckboxField form={form} name="active" label={t('portfolio.form.active')} checked={active} onChange={setActive} /> : null}
    </PanelForm>
  );
}
