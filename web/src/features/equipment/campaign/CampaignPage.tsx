// Staff's page for the replacement campaign (/utstyr/bytte): switch it on per municipality with its
// standard models, invite the users of expired PCs, name the approvers (per unit, and the fallback), and
// move each approved request through ordered → delivered → handed over → old PC returned → wiped →
// retired. The next step of a request is the server's (nextStep); the page offers that one only.
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { PanelForm } from '../../forms/PanelForm';
import { CheckboxField, SelectField, TextField, useFocusFirstField } from '../../forms/fields';
import { PageIntro } from '../../shell/PageHeading';
import { LoadError, Loading } from '../../shell/states';
import { DataTable } from '../../tables/DataTable';
import { useMunicipalities } from '../api';
import { EquipmentTabs } from '../EquipmentTabs';
import {
  useApprovers, useCampaigns, useInvite, useReplacements, useSetApprover, useSetCampaign, useStepReplacement,
  type TReplacement, type TReplacementState, type TStaffStep,
} from './api';
import { replacementStateKey, useEqcT } from './messages';
import { REPLACEMENT_STATES } from '../../../../../src/modules/equipment/vocabulary';

/** Today in Oslo as YYYY-MM-DD: the default date of an invitation and a step. */
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });

export function CampaignPage() {
  const t = useEqcT();
  return (
    <div className="stack">
      <PageIntro heading={t('eqc.staff.heading')}>{t('eqc.staff.intro')}</PageIntro>
      <EquipmentTabs current="/utstyr/bytte" />
      <CampaignsSection />
      <ApproversSection />
      <RequestsSection />
    </div>
  );
}

function useMunicipalityOptions() {
  const municipalities = useMunicipalities();
  return (municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }));
}

function CampaignsSection() {
  const t = useEqcT();
  const campaigns = useCampaigns();
  const options = useMunicipalityOptions();
  const save = useSetCampaign();
  const invite = useInvite();
  const [draft, setDraft] = useState({ municipalityId: '', active: true, models: '', userReminderDays: '7', approvalReminderDays: '3' });
  const [asOf, setAsOf] = useState(today());
  const [inviteFor, setInviteFor] = useState('');
  // Choosing a municipality that has a campaign fills the form with it, so a change starts from what is stored.
  const choose = (municipalityId: string) => {
    const stored = campaigns.data?.find((c) => c.municipalityId === municipalityId);
    setDraft({
      municipalityId, active: stored?.active ?? true, models: (stored?.standardModels ?? []).join('\n'),
      userReminderDays: String(stored?.userReminderDays ?? 7), approvalReminderDays: String(stored?.approvalReminderDays ?? 3),
    });
  };
  const savedName = options.find((o) => o.value === save.variables?.municipalityId)?.label ?? '';
  return (
    <section className="stack" aria-labelledby="eqc-campaigns-heading">
      <Heading level={2} data-size="sm" id="eqc-campaigns-heading">{t('eqc.campaigns.heading')}</Heading>
      {campaigns.isPending ? <Loading /> : campaigns.isError ? <LoadError error={campaigns.error} /> : campaigns.data.length === 0 ? (
        <Paragraph>{t('eqc.campaigns.none')}</Paragraph>
      ) : (
        <DataTable caption={t('eqc.campaigns.caption')} testId="eqc-campaigns" columns={[
          t('eqc.campaigns.col.municipality'), t('eqc.campaigns.col.active'), t('eqc.campaigns.col.models'), t('eqc.campaigns.col.changed'),
        ]}>
          {campaigns.data.map((c) => (
            <Table.Row key={c.municipalityId}>
              <Table.Cell>{c.municipality}</Table.Cell>
              <Table.Cell>{c.active ? t('eqc.campaigns.on') : t('eqc.campaigns.off')}</Table.Cell>
              <Table.Cell>
                {c.standardModels.join(', ') || t('eqc.dash')}
                <br /><small>{t('eqc.campaigns.reminders', { user: String(c.userReminderDays), approver: String(c.approvalReminderDays) })}</small>
              </Table.Cell>
              <Table.Cell>{t('eqc.campaigns.changed', { date: formatDateTime(c.changedAt), who: c.changedByName })}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
      <PanelForm form="eqc-campaign" headingId="eqc-campaign-form" title={t('eqc.campaigns.formHeading')} error={save.error}
        labels={{
          municipalityId: t('eqc.campaigns.municipality'), standardModels: t('eqc.campaigns.models'), active: t('eqc.campaigns.active'),
          userReminderDays: t('eqc.campaigns.userReminderDays'), approvalReminderDays: t('eqc.campaigns.approvalReminderDays'),
        }}
        notice={save.isSuccess ? <Paragraph role="status">{t('eqc.campaigns.saved', { municipality: savedName })}</Paragraph> : null}
        onSubmit={() => save.mutate({
          municipalityId: draft.municipalityId, active: draft.active, standardModels: draft.models.split('\n').map((m) => m.trim()).filter(Boolean),
          userReminderDays: Number(draft.userReminderDays), approvalReminderDays: Number(draft.approvalReminderDays),
        })}
        submitLabel={t('eqc.campaigns.save')} pending={save.isPending}>
        <SelectField form="eqc-campaign" name="municipalityId" label={t('eqc.campaigns.municipality')} value={draft.municipalityId}
          placeholder={t('eqc.campaigns.chooseMunicipality')} options={options} onChange={choose} error={save.error} />
        <TextField form="eqc-campaign" name="standardModels" label={t('eqc.campaigns.models')} value={draft.models} multiline rows={3}
          onChange={(models) => setDraft((d) => ({ ...d, models }))} error={save.error} />
        <TextField form="eqc-campaign" name="userReminderDays" type="number" label={t('eqc.campaigns.userReminderDays')} value={draft.userReminderDays}
          onChange={(userReminderDays) => setDraft((d) => ({ ...d, userReminderDays }))} error={save.error} />
        <TextField form="eqc-campaign" name="approvalReminderDays" type="number" label={t('eqc.campaigns.approvalReminderDays')} value={draft.approvalReminderDays}
          onChange={(approvalReminderDays) => setDraft((d) => ({ ...d, approvalReminderDays }))} error={save.error} />
        <CheckboxField form="eqc-campaign" name="active" label={t('eqc.campaigns.active')} checked={draft.active} onChange={(active) => setDraft((d) => ({ ...d, active }))} />
      </PanelForm>
      <PanelForm form="eqc-invite" headingId="eqc-invite-form" title={t('eqc.invite.heading')} error={invite.error}
        labels={{ municipalityId: t('eqc.campaigns.municipality'), asOf: t('eqc.invite.asOf') }}
        notice={<>
          <Paragraph>{t('eqc.invite.help')}</Paragraph>
          {invite.isSuccess ? (
            <Paragraph role="status">{t('eqc.invite.done', {
              invited: String(invite.data.invited), underway: String(invite.data.alreadyUnderway), withoutUser: String(invite.data.withoutUser),
            })}</Paragraph>
          ) : null}
        </>}
        onSubmit={() => invite.mutate({ municipalityId: inviteFor, asOf })} submitLabel={t('eqc.invite.submit')} pending={invite.isPending}>
        <SelectField form="eqc-invite" name="municipalityId" label={t('eqc.campaigns.municipality')} value={inviteFor}
          placeholder={t('eqc.campaigns.chooseMunicipality')} error={invite.error} onChange={setInviteFor}
          options={(campaigns.data ?? []).filter((c) => c.active).map((c) => ({ value: c.municipalityId, label: c.municipality }))} />
        <TextField form="eqc-invite" name="asOf" type="date" label={t('eqc.invite.asOf')} value={asOf} onChange={setAsOf} error={invite.error} />
      </PanelForm>
    </section>
  );
}

function ApproversSection() {
  const t = useEqcT();
  const approvers = useApprovers();
  const options = useMunicipalityOptions();
  const save = useSetApprover();
  const [draft, setDraft] = useState({ municipalityId: '', unit: '', name: '', email: '' });
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  return (
    <section className="stack" aria-labelledby="eqc-approvers-heading">
      <Heading level={2} data-size="sm" id="eqc-approvers-heading">{t('eqc.approvers.heading')}</Heading>
      {approvers.isPending ? <Loading /> : approvers.isError ? <LoadError error={approvers.error} /> : approvers.data.length === 0 ? (
        <Paragraph>{t('eqc.approvers.none')}</Paragraph>
      ) : (
        <DataTable caption={t('eqc.approvers.caption')} testId="eqc-approvers" columns={[
          t('eqc.approvers.col.municipality'), t('eqc.approvers.col.unit'), t('eqc.approvers.col.name'), t('eqc.approvers.col.email'),
        ]}>
          {approvers.data.map((a) => (
            <Table.Row key={`${a.municipalityId}:${a.unit ?? ''}`}>
              <Table.Cell>{a.municipality}</Table.Cell>
              <Table.Cell>{a.unit ?? t('eqc.approvers.fallback')}</Table.Cell>
              <Table.Cell>{a.name}</Table.Cell>
              <Table.Cell>{a.email}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
      <PanelForm form="eqc-approver" headingId="eqc-approver-form" title={t('eqc.approvers.formHeading')} error={save.error}
        labels={{ municipalityId: t('eqc.campaigns.municipality'), unit: t('eqc.approvers.unit'), name: t('eqc.approvers.name'), email: t('eqc.approvers.email') }}
        notice={save.isSuccess ? <Paragraph role="status">{t('eqc.approvers.saved', { name: save.data.name })}</Paragraph> : null}
        onSubmit={() => save.mutate({ municipalityId: draft.municipalityId, unit: draft.unit.trim() || null, name: draft.name, email: draft.email })}
        submitLabel={t('eqc.approvers.save')} pending={save.isPending}>
        <SelectField form="eqc-approver" name="municipalityId" label={t('eqc.campaigns.municipality')} value={draft.municipalityId}
          placeholder={t('eqc.campaigns.chooseMunicipality')} options={options} onChange={set('municipalityId')} error={save.error} />
        <TextField form="eqc-approver" name="unit" label={t('eqc.approvers.unit')} description={t('eqc.approvers.unitHelp')} value={draft.unit} onChange={set('unit')} error={save.error} />
        <TextField form="eqc-approver" name="name" label={t('eqc.approvers.name')} value={draft.name} onChange={set('name')} error={save.error} autoComplete="off" />
        <TextField form="eqc-approver" name="email" type="email" label={t('eqc.approvers.email')} value={draft.email} onChange={set('email')} error={save.error} autoComplete="off" />
      </PanelForm>
    </section>
  );
}

function RequestsSection() {
  const t = useEqcT();
  const [state, setState] = useState<TReplacementState | ''>('');
  const replacements = useReplacements(state || undefined);
  // The request whose next step is being recorded; kept by id so a refetch keeps the form open on fresh data.
  const [stepping, setStepping] = useState<string | null>(null);
  const open = replacements.data?.find((r) => r.id === stepping && r.nextStep);
  // The write lives here, not in the form: the refetch after it gives the row a new revision and the form
  // closes, and a callback on an unmounted form's mutation would be dropped (the TanStack trap).
  const record = useStepReplacement();
  const [saved, setSaved] = useState<string | null>(null);
  const submitStep = (v: TStepVariables, serial: string) => record.mutate(v, {
    onSuccess: () => { setStepping(null); setSaved(t('eqc.step.saved', { step: t(replacementStateKey(v.state)), serial })); },
  });
  const openForm = (id: string) => { record.reset(); setSaved(null); setStepping(id); };
  return (
    <section className="stack" aria-labelledby="eqc-requests-heading">
      <Heading level={2} data-size="sm" id="eqc-requests-heading">{t('eqc.requests.heading')}</Heading>
      <div className="row">
        <SelectField form="eqc-requests" name="state" label={t('eqc.requests.filter')} value={state} placeholder={t('eqc.requests.all')}
          onChange={(v) => setState(v as TReplacementState | '')}
          options={REPLACEMENT_STATES.map((s) => ({ value: s, label: t(replacementStateKey(s)) }))} />
      </div>
      {replacements.isPending ? <Loading /> : replacements.isError ? <LoadError error={replacements.error} /> : replacements.data.length === 0 ? (
        <Paragraph>{t('eqc.requests.none')}</Paragraph>
      ) : (
        <DataTable caption={t('eqc.requests.caption')} testId="eqc-requests" columns={[
          t('eqc.requests.col.municipality'), t('eqc.requests.col.user'), t('eqc.requests.col.oldPc'), t('eqc.requests.col.model'),
          t('eqc.requests.col.approver'), t('eqc.requests.col.state'), t('eqc.requests.col.last'), t('eqc.requests.col.next'),
        ]}>
          {replacements.data.map((r) => {
            const last = r.steps[r.steps.length - 1];
            return (
              <Table.Row key={r.id} data-testid={`eqc-request-${r.device.serial}`}>
                <Table.Cell>{r.municipality}</Table.Cell>
                <Table.Cell>{r.userEmail}</Table.Cell>
                <Table.Cell>{r.device.serial}{r.device.model ? ` (${r.device.model})` : ''}</Table.Cell>
                <Table.Cell>{r.model ?? t('eqc.dash')}</Table.Cell>
                <Table.Cell>{r.approverName ?? t('eqc.dash')}</Table.Cell>
                <Table.Cell>{t(replacementStateKey(r.state))}</Table.Cell>
                <Table.Cell>{last ? (last.note ? t('eqc.requests.last', { date: formatDate(last.on), note: last.note }) : formatDate(last.on)) : t('eqc.dash')}</Table.Cell>
                <Table.Cell>
                  {r.nextStep ? (
                    <Button type="button" variant="secondary" data-size="sm" onClick={() => openForm(r.id)}
                      aria-label={t('eqc.requests.nextLabel', { step: t(replacementStateKey(r.nextStep)), serial: r.device.serial })}>
                      {t('eqc.requests.nextButton', { step: t(replacementStateKey(r.nextStep)) })}
                    </Button>
                  ) : t('eqc.dash')}
                </Table.Cell>
              </Table.Row>
            );
          })}
        </DataTable>
      )}
      {saved ? <Paragraph role="status">{saved}</Paragraph> : null}
      {open?.nextStep ? (
        <StepForm key={open.id} r={open} step={open.nextStep} error={record.error} pending={record.isPending}
          onSubmit={(v) => submitStep(v, open.device.serial)} onClose={() => setStepping(null)} />
      ) : null}
    </section>
  );
}

type TStepVariables = Parameters<ReturnType<typeof useStepReplacement>['mutate']>[0];

function StepForm({ r, step, error, pending, onSubmit, onClose }: {
  r: TReplacement; step: TStaffStep; error: unknown; pending: boolean; onSubmit: (v: TStepVariables) => void; onClose: () => void;
}) {
  const t = useEqcT();
  const ref = useFocusFirstField<HTMLDivElement>();
  const [on, setOn] = useState(today());
  const [note, setNote] = useState('');
  const [newSerial, setNewSerial] = useState('');
  const stepName = t(replacementStateKey(step));
  const noteLabel = step === 'old_wiped' ? t('eqc.step.proof') : t('eqc.step.note');
  return (
    <div ref={ref}>
      <PanelForm form="eqc-step" headingId="eqc-step-form" title={t('eqc.step.formHeading', { step: stepName, serial: r.device.serial, user: r.userEmail })}
        error={error} labels={{ on: t('eqc.step.on'), note: noteLabel, newDeviceSerial: t('eqc.step.newSerial') }}
        onSubmit={() => onSubmit({
          id: r.id, state: step, on, note: note.trim() || null, newDeviceSerial: step === 'handed_over' ? newSerial.trim() || null : null, revision: r.revision,
        })}
        submitLabel={t('eqc.step.submit')} pending={pending} onCancel={onClose}>
        <TextField form="eqc-step" name="on" type="date" label={t('eqc.step.on')} value={on} onChange={setOn} error={error} />
        {step === 'handed_over' ? (
          <TextField form="eqc-step" name="newDeviceSerial" label={t('eqc.step.newSerial')} description={t('eqc.step.newSerialHelp')}
            value={newSerial} onChange={setNewSerial} error={error} />
        ) : null}
        <TextField form="eqc-step" name="note" label={noteLabel} value={note} onChange={setNote} error={error} />
      </PanelForm>
    </div>
  );
}
