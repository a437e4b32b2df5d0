// The cooperation itself: its particulars (name, organisation number, host municipality, founding
// date, form of cooperation) and the letterhead the notice and the minutes print (address, further
// lines, logo). The install's one cooperation (decision 0012), also when it was made through the API.
import { Button, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { api, ok, type TApiSchema } from '../../api/client';
import { useAdminT } from './messages';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import { PanelForm } from '../forms/PanelForm';
import { LoadError, Loading } from '../shell/states';
import { useInstallCooperation } from '../shell/cooperation';
import { useMunicipalities } from './api';
import { COOPERATION_FORMS, type TCooperationForm } from '../../../../src/modules/org/vocabulary';

type TCooperation = TApiSchema<'Cooperation'>;

/**
 * A write that changes the cooperation: the install's cooperation (and the header's name) are read again.
 * `onSuccess` sits on the mutation, not on `mutate`: the form remounts on the new revision before a
 * `mutate` callback would run, and TanStack drops those of an unmounted observer.
 */
function useCooperationWrite<TInput>(fn: (input: TInput) => Promise<unknown>, onSuccess?: () => void) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess, onSettled: () => client.invalidateQueries({ queryKey: ['cooperation'] }) });
}

export function CooperationAdmin() {
  const t = useAdminT();
  const cooperation = useInstallCooperation();
  const [opened, setOpened] = useState(0);
  // Held here, not in the form: the form is opened anew on the saved revision and would forget it.
  const [saved, setSaved] = useState(false);
  if (cooperation.isPending) return <Loading />;
  if (cooperation.error) return <LoadError error={cooperation.error} />;
  if (!cooperation.data) return <Paragraph>{t('admin.noCooperation')}</Paragraph>;
  const c = cooperation.data;
  return (
    <div className="stack-lg">
      <section className="stack" aria-labelledby="cooperation-heading">
        <Heading level={2} data-size="md" id="cooperation-heading">{t('admin.cooperationHeading', { name: c.name })}</Heading>
        <Paragraph>{t('admin.cooperationIntro')}</Paragraph>
        {/* Opened again on the stored row after a save or a stale refusal: the form keeps the revision it was opened on. */}
        <CooperationForm key={`${c.id}:${c.revision}:${opened}`} cooperation={c} onReload={() => setOpened((n) => n + 1)}
          saved={saved} onSaved={setSaved} />
      </section>
      <LogoSection cooperation={c} />
    </div>
  );
}

function CooperationForm({ cooperation: c, onReload, saved, onSaved }: {
  cooperation: TCooperation; onReload: () => void; saved: boolean; onSaved: (saved: boolean) => void;
}) {
  const t = useAdminT();
  const municipalities = useMunicipalities();
  const [name, setName] = useState(c.name);
  const [shortName, setShortName] = useState(c.shortName);
  const [organisationNumber, setOrgNo] = useState(c.organisationNumber ?? '');
  const [founded, setFounded] = useState(c.founded ?? '');
  const [hostMunicipalityId, setHost] = useState(c.hostMunicipalityId ?? '');
  const [form, setForm] = useState<TCooperationForm | ''>(c.form ?? '');
  const [address, setAddress] = useState(c.address ?? '');
  const [letterhead, setLetterhead] = useState(c.letterhead ?? '');
  const save = useCooperationWrite((input: TApiSchema<'UpdateCooperationRequest'>) =>
    ok(api.PATCH('/api/cooperations/{id}', { params: { path: { id: c.id } }, body: input })), () => onSaved(true));
  const labels = {
    name: t('common.name'), shortName: t('admin.shortName'), organisationNumber: t('admin.organisationNumber'), founded: t('admin.founded'),
    hostMunicipalityId: t('admin.hostMunicipality'), form: t('admin.cooperationForm'), address: t('admin.address'), letterhead: t('admin.letterheadLines'),
  };
  function submit() {
    onSaved(false);
    save.mutate({
      revision: c.revision, name, shortName, organisationNumber: organisationNumber.trim() || null, founded: founded || null,
      hostMunicipalityId: hostMunicipalityId || null, form: form || null, address, letterhead,
    });
  }
  return (
    <PanelForm form="cooperation" headingId="cooperation-form-heading" title={t('admin.editCooperation')} error={save.error} labels={labels}
      onSubmit={submit} submitLabel={t('common.save')} pending={save.isPending} onReload={onReload}
      notice={saved ? <Paragraph role="status">{t('admin.cooperationSaved')}</Paragraph> : null}>
      <TextField form="cooperation" name="name" label={labels.name} value={name} onChange={setName} required error={save.error} />
      <TextField form="cooperation" name="shortName" label={labels.shortName} value={shortName} onChange={setShortName} required error={save.error} />
      <TextField form="cooperation" name="organisationNumber" label={labels.organisationNumber} value={organisationNumber} onChange={setOrgNo}
        description={t('admin.organisationNumberHint')} error={save.error} />
      <TextField form="cooperation" name="founded" type="date" label={labels.founded} value={founded} onChange={setFounded} error={save.error} />
      <SelectField form="cooperation" name="hostMunicipalityId" label={labels.hostMunicipalityId} value={hostMunicipalityId} onChange={setHost}
        placeholder={t('common.none')} options={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} error={save.error} />
      <SelectField form="cooperation" name="form" label={labels.form} value={form} onChange={(v) => setForm(v as TCooperationForm | '')}
        placeholder={t('common.none')} options={COOPERATION_FORMS.map((f) => ({ value: f, label: t(`cooperationForm.${f}`) }))} error={save.error} />
      <TextField form="cooperation" name="address" label={labels.address} value={address} onChange={setAddress} multiline rows={3}
        description={t('admin.addressHint')} error={save.error} />
      <TextField form="cooperation" name="letterhead" label={labels.letterhead} value={letterhead} onChange={setLetterhead} multiline rows={3}
        description={t('admin.letterheadHint')} error={save.error} />
    </PanelForm>
  );
}

function LogoSection({ cooperation: c }: { cooperation: TCooperation }) {
  const t = useAdminT();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const upload = useCooperationWrite((f: File) =>
    ok(api.POST('/api/cooperations/{id}/logo', { params: { path: { id: c.id } }, body: { file: f, revision: c.revision } })));
  const remove = useCooperationWrite(() =>
    ok(api.DELETE('/api/cooperations/{id}/logo', { params: { path: { id: c.id }, query: { revision: c.revision } } })));
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    upload.mutate(file, { onSuccess: () => { setFile(null); if (inputRef.current) inputRef.current.value = ''; } });
  }
  return (
    <section className="stack" aria-labelledby="logo-heading">
      <Heading level={2} data-size="md" id="logo-heading">{t('admin.logo')}</Heading>
      {c.logo ? (
        <div className="actions">
          {/* The sha in the address makes a new logo a new image for the browser's cache. */}
          <img src={`/api/cooperations/${c.id}/logo?v=${c.logo.sha256.slice(0, 12)}`} alt={t('admin.logoAlt', { name: c.name })} className="letterhead-logo" />
          <Button type="button" variant="tertiary" data-color="danger" disabled={remove.isPending} onClick={() => remove.mutate(undefined)}>{t('admin.removeLogo')}</Button>
        </div>
      ) : <Paragraph>{t('admin.noLogo')}</Paragraph>}
      <FormErrors form="logo-remove" error={remove.error} />
      <FormErrors form="logo" error={upload.error} labels={{ file: t('admin.logoFile') }} />
      <form onSubmit={submit} className="stack" noValidate aria-labelledby="logo-heading">
        <Field>
          <Label htmlFor="logo-file">{t('admin.logoFile')}</Label>
          <Field.Description>{t('admin.logoHint')}</Field.Description>
          <Input id="logo-file" ref={inputRef} type="file" name="file" accept="image/png,image/jpeg" aria-invalid={upload.error ? true : undefined}
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); upload.reset(); }} />
        </Field>
        <div><Button type="submit" disabled={!file || upload.isPending}>{t('admin.uploadLogo')}</Button></div>
      </form>
    </section>
  );
}
