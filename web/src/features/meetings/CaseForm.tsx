// Add or edit a case: title, presenters, description, type, proposal, access (with public title and
// legal basis when exempt) and the optional saksframlegg. Field names match the API so the server's
// field messages land on the right field.
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useMeetingsT } from './messages';
import { CheckboxField, FormErrors, SaveCancel, SelectField, TextField, useFocusFirstField } from '../forms/fields';
import { useCreateCase, useLegalBases, usePeople, useUpdateCase, type TCaseInput } from './api';
import { personLabel } from './format';
import type { TCaseView } from './types';
import { CASE_TYPES } from '../../../../src/modules/governance/vocabulary';

type TCaseFormProps = { meetingId: string; existing?: TCaseView; onDone: () => void };

/** The form, opened anew on the stored case when an edit is refused as stale and the user reloads. */
export function CaseForm(props: TCaseFormProps) {
  const [opened, setOpened] = useState(0);
  return <CaseFormAt key={opened} {...props} onReload={() => setOpened((n) => n + 1)} />;
}

function CaseFormAt({ meetingId, existing, onDone, onReload }: TCaseFormProps & { onReload: () => void }) {
  const t = useMeetingsT();
  const focusRef = useFocusFirstField<HTMLFormElement>();
  const people = usePeople();
  const legalBases = useLegalBases();
  const create = useCreateCase(meetingId);
  const update = useUpdateCase(meetingId);
  const mutation = existing ? update : create;
  // The case as the form was opened: saved on this revision, even when the page has fetched a newer
  // case behind the form (then the server answers 409 and the user chooses to reload).
  const [revision] = useState(existing?.revision);
  const [title, setTitle] = useState(existing?.title ?? '');
  const [presenterIds, setPresenterIds] = useState<string[]>(existing?.presenterIds ?? []);
  const [pick, setPick] = useState('');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [caseType, setCaseType] = useState<Required<TCaseInput>['caseType']>(existing?.caseType ?? 'vedtak');
  const [proposalKind, setProposalKind] = useState<Required<TCaseInput>['proposalKind']>(existing?.proposalKind ?? 'vedtak');
  const [proposal, setProposal] = useState(existing?.proposal ?? '');
  const [access, setAccess] = useState<Required<TCaseInput>['access']>(existing?.access ?? 'offentlig');
  const [publicTitle, setPublicTitle] = useState(existing?.publicTitle ?? '');
  const [legalBasisId, setLegalBasisId] = useState(existing?.legalBasisId ?? '');
  const [hasPresentation, setHasPresentation] = useState(Boolean(existing?.presentation));
  const [presentation, setPresentation] = useState({
    archiveCode: existing?.presentation?.archiveCode ?? '',
    caseFolder: existing?.presentation?.caseFolder ?? '',
    caseOfficer: existing?.presentation?.caseOfficer ?? '',
    date: existing?.presentation?.date ?? '',
    proposalHeading: existing?.presentation?.proposalHeading ?? '',
    body: existing?.presentation?.body ?? '',
  });
  const setP = (key: keyof typeof presentation) => (value: string) => setPresentation((p) => ({ ...p, [key]: value }));

  const peopleById = new Map((people.data ?? []).map((p) => [p.id, p]));
  const labels: Record<string, string> = {
    title: t('case.title'), presenterIds: t('case.presenters'), description: t('case.description'),
    caseType: t('case.caseType'), proposalKind: t('case.proposalKind'), proposal: t('case.proposal'),
    access: t('case.access'), publicTitle: t('case.publicTitle'), legalBasisId: t('case.legalBasis'),
    presentation: t('presentation.heading'),
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const optional = (s: string) => (s.trim() ? s.trim() : undefined);
    const input: TCaseInput = {
      title, presenterIds, description, caseType, proposalKind, proposal, access,
      publicTitle: access === 'unntatt' ? publicTitle : null,
      legalBasisId: access === 'unntatt' ? legalBasisId || null : null,
      presentation: hasPresentation ? {
        archiveCode: optional(presentation.archiveCode), caseFolder: optional(presentation.caseFolder),
        caseOfficer: optional(presentation.caseOfficer), date: optional(presentation.date),
        proposalHeading: optional(presentation.proposalHeading), body: presentation.body,
      } : null,
    };
    if (existing) update.mutate({ ...input, id: existing.id, revision: revision! }, { onSuccess: onDone });
    else create.mutate(input, { onSuccess: onDone });
  }

  return (
    <form ref={focusRef} onSubmit={submit} className="panel stack" noValidate aria-labelledby="case-form-heading">
      <Heading level={3} data-size="sm" id="case-form-heading">
        {existing ? t('case.editHeading', { number: existing.number }) : t('case.newHeading')}
      </Heading>
      <FormErrors form="case" error={mutation.error} labels={labels} onReload={onReload} />
      <TextField form="case" name="title" label={labels.title!} value={title} onChange={setTitle} required error={mutation.error} />
      <fieldset className="stack plain-fieldset" id="case-presenterIds">
        <legend>{labels.presenterIds}</legend>
        {presenterIds.length === 0 ? <Paragraph data-size="sm">{t('case.noPresenters')}</Paragraph> : (
          <ul className="chosen">
            {presenterIds.map((id) => {
              const person = peopleById.get(id);
              const name = person ? personLabel(person) : id;
              return (
                <li key={id}>
                  {name}{' '}
                  <Button type="button" variant="tertiary" data-size="sm"
                    onClick={() => setPresenterIds((ids) => ids.filter((x) => x !== id))}>
                    {t('case.removePresenter')}<span className="sr-only"> {name}</span>
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
        <div className="row">
          <SelectField form="case" name="presenterPick" label={t('case.choosePerson')} value={pick} onChange={setPick}
            placeholder={t('case.choosePersonPlaceholder')}
            options={(people.data ?? []).filter((p) => !presenterIds.includes(p.id))
              .sort((a, b) => personLabel(a).localeCompare(personLabel(b), 'nb'))
              .map((p) => ({ value: p.id, label: personLabel(p) }))} />
          <div className="row__end">
            <Button type="button" variant="secondary" disabled={!pick}
              onClick={() => { setPresenterIds((ids) => [...ids, pick]); setPick(''); }}>
              {t('case.addPresenter')}
            </Button>
          </div>
        </div>
      </fieldset>
      <TextField form="case" name="description" label={labels.description!} value={description} onChange={setDescription} multiline rows={4} error={mutation.error} />
      <div className="grid-form">
        <SelectField form="case" name="caseType" label={labels.caseType!} value={caseType}
          onChange={(v) => setCaseType(v as Required<TCaseInput>['caseType'])} error={mutation.error}
          options={CASE_TYPES.map((v) => ({ value: v, label: t(`caseType.${v}`) }))} />
        <SelectField form="case" name="proposalKind" label={labels.proposalKind!} value={proposalKind}
          onChange={(v) => setProposalKind(v as Required<TCaseInput>['proposalKind'])} error={mutation.error}
          options={[{ value: 'vedtak', label: t('case.proposalVedtak') }, { value: 'enighet', label: t('case.proposalEnighet') }]} />
        <SelectField form="case" name="access" label={labels.access!} value={access}
          onChange={(v) => setAccess(v as Required<TCaseInput>['access'])} error={mutation.error}
          options={[{ value: 'offentlig', label: t('case.public') }, { value: 'unntatt', label: t('case.exempt') }]} />
      </div>
      <TextField form="case" name="proposal" label={labels.proposal!} value={proposal} onChange={setProposal} multiline rows={3} error={mutation.error} />
      {access === 'unntatt' ? (
        <div className="grid-form">
          <TextField form="case" name="publicTitle" label={labels.publicTitle!} value={publicTitle} onChange={setPublicTitle}
            description={t('case.publicTitleHint')} required error={mutation.error} />
          <SelectField form="case" name="legalBasisId" label={labels.legalBasisId!} value={legalBasisId} onChange={setLegalBasisId}
            placeholder={t('case.chooseLegalBasis')} required error={mutation.error}
            options={(legalBases.data ?? []).filter((b) => b.active || b.id === legalBasisId)
              .map((b) => ({ value: b.id, label: b.description ? `${b.citation} (${b.description})` : b.citation }))} />
        </div>
      ) : null}
      <CheckboxField form="case" name="hasPresentation" label={t('presentation.include')} checked={hasPresentation} onChange={setHasPresentation} />
      {hasPresentation ? (
        <fieldset className="stack plain-fieldset" id="case-presentation">
          <legend>{t('presentation.heading')}</legend>
          <div className="grid-form">
            <TextField form="case" name="presentation.archiveCode" label={t('presentation.archiveCode')} value={presentation.archiveCode} onChange={setP('archiveCode')} error={mutation.error} />
            <TextField form="case" name="presentation.caseFolder" label={t('presentation.caseFolder')} value={presentation.caseFolder} onChange={setP('caseFolder')} error={mutation.error} />
            <TextField form="case" name="presentation.caseOfficer" label={t('presentation.caseOfficer')} value={presentation.caseOfficer} onChange={setP('caseOfficer')} error={mutation.error} />
            <TextField form="case" name="presentation.date" type="date" label={t('presentation.date')} value={presentation.date} onChange={setP('date')} error={mutation.error} />
          </div>
          <TextField form="case" name="presentation.proposalHeading" label={t('presentation.proposalHeading')} value={presentation.proposalHeading} onChange={setP('proposalHeading')} error={mutation.error} />
          <TextField form="case" name="presentation.body" label={t('presentation.body')} value={presentation.body} onChange={setP('body')} multiline rows={8} error={mutation.error} />
        </fieldset>
      ) : null}
      <SaveCancel busy={mutation.isPending} onCancel={onDone} />
    </form>
  );
}
