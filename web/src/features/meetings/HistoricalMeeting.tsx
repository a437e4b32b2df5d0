// Meetings of the years before samrad (issue 12), entered afterwards from the old papers: the form on
// the meeting list, and the meeting page's historical mode (cases with their own numbers and decisions,
// corrected or removed until the minutes are marked approved). No notice or attendance steps: such a
// meeting was never called here.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useMeetingsT } from './messages';
import { FormErrors, SaveCancel, SelectField, TextField, useFocusFirstField } from '../forms/fields';
import {
  useAddHistoricalCase, useApproveHistoricalMinutes, useCreateHistoricalMeeting, useDeleteHistoricalCase, useLegalBases,
  useUpdateHistoricalCase,
} from './api';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { CaseBody } from './CaseBody';
import { announce, focusWhenReady } from '../shell/focus';
import type { TBody, TCaseView, TMeetingView } from './types';

export function HistoricalMeetingForm({ bodies, defaultBodyId, onCreated, onCancel }: {
  bodies: TBody[];
  defaultBodyId?: string;
  onCreated: (view: TMeetingView) => void;
  onCancel: () => void;
}) {
  const t = useMeetingsT();
  const focusRef = useFocusFirstField<HTMLFormElement>();
  // Navigation after the save lives in the mutation's own options (the list may remount meanwhile).
  const create = useCreateHistoricalMeeting();
  const [bodyId, setBodyId] = useState(defaultBodyId ?? bodies[0]?.id ?? '');
  const [date, setDate] = useState('');
  const [place, setPlace] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutateAsync({ bodyId, date, place }).then(onCreated, () => undefined);
  }

  const labels = { bodyId: t('meeting.body'), date: t('meeting.date'), place: t('meeting.place') };
  return (
    <form ref={focusRef} onSubmit={submit} className="panel stack" noValidate aria-labelledby="historical-meeting-heading">
      <Heading level={2} data-size="sm" id="historical-meeting-heading">{t('historical.heading')}</Heading>
      <Paragraph data-size="sm">{t('historical.formHint')}</Paragraph>
      <FormErrors form="historical" error={create.error} labels={labels} />
      <div className="grid-form">
        <SelectField form="historical" name="bodyId" label={labels.bodyId} value={bodyId} onChange={setBodyId}
          options={bodies.map((b) => ({ value: b.id, label: b.name }))} error={create.error} required />
        <TextField form="historical" name="date" type="date" label={labels.date} value={date} onChange={setDate} error={create.error} required />
        <TextField form="historical" name="place" label={labels.place} value={place} onChange={setPlace} error={create.error} required />
      </div>
      <SaveCancel busy={create.isPending} onCancel={onCancel} />
    </form>
  );
}

type THistoricalCaseFormProps = { meetingId: string; existing?: TCaseView; onDone: () => void };

/** The form, opened anew on the stored case when a correction is refused as stale and the user reloads. */
function HistoricalCaseForm(props: THistoricalCaseFormProps) {
  const [opened, setOpened] = useState(0);
  return <HistoricalCaseFormAt key={opened} {...props} onReload={() => setOpened((n) => n + 1)} />;
}

function HistoricalCaseFormAt({ meetingId, existing, onDone, onReload }: THistoricalCaseFormProps & { onReload: () => void }) {
  const t = useMeetingsT();
  const focusRef = useFocusFirstField<HTMLFormElement>();
  const add = useAddHistoricalCase(meetingId);
  const update = useUpdateHistoricalCase(meetingId);
  const mutation = existing ? update : add;
  const legalBases = useLegalBases();
  // Saved on the revision the form was opened on, even when the page has fetched a newer case behind it.
  const [revision] = useState(existing?.revision);
  const [number, setNumber] = useState(existing?.number ?? '');
  const [title, setTitle] = useState(existing?.title ?? '');
  const [access, setAccess] = useState<'offentlig' | 'unntatt'>(existing?.access ?? 'offentlig');
  const [publicTitle, setPublicTitle] = useState(existing?.publicTitle ?? '');
  const [legalBasisId, setLegalBasisId] = useState(existing?.legalBasisId ?? '');
  const [decisionText, setDecisionText] = useState(existing?.decisionText ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      number, title, access, decisionText,
      publicTitle: access === 'unntatt' ? publicTitle : null,
      legalBasisId: access === 'unntatt' ? legalBasisId || null : null,
    };
    const saved = existing ? update.mutateAsync({ ...input, id: existing.id, revision: revision! }) : add.mutateAsync(input);
    saved.then(() => {
      announce(t(existing ? 'historical.updated' : 'historical.saved', { number: number.trim() }));
      onDone();
    }, () => undefined);
  }

  const form = existing ? `historical-case-${existing.id}` : 'historical-case';
  const headingId = `${form}-heading`;
  const labels = {
    number: t('case.number'), title: t('case.title'), access: t('case.access'), publicTitle: t('case.publicTitle'),
    legalBasisId: t('case.legalBasis'), decisionText: t('decision.text'),
  };
  return (
    <form ref={focusRef} onSubmit={submit} className="panel stack" noValidate aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {existing ? t('historical.editHeading', { number: existing.number }) : t('historical.caseHeading')}
      </Heading>
      <FormErrors form={form} error={mutation.error} labels={labels} onReload={existing ? onReload : undefined} />
      <div className="grid-form">
        <TextField form={form} name="number" label={labels.number} value={number} onChange={setNumber}
          description={t('historical.numberHint')} error={mutation.error} required />
        <TextField form={form} name="title" label={labels.title} value={title} onChange={setTitle} error={mutation.error} required />
        <SelectField form={form} name="access" label={labels.access} value={access}
          onChange={(v) => setAccess(v as 'offentlig' | 'unntatt')} error={mutation.error}
          options={[{ value: 'offentlig', label: t('case.public') }, { value: 'unntatt', label: t('case.exempt') }]} />
      </div>
      {access === 'unntatt' ? (
        <div className="grid-form">
          <TextField form={form} name="publicTitle" label={labels.publicTitle} value={publicTitle} onChange={setPublicTitle}
            description={t('case.publicTitleHint')} required error={mutation.error} />
          <SelectField form={form} name="legalBasisId" label={labels.legalBasisId} value={legalBasisId} onChange={setLegalBasisId}
            placeholder={t('case.chooseLegalBasis')} required error={mutation.error}
            options={(legalBases.data ?? []).filter((b) => b.active || b.id === existing?.legalBasisId)
              .map((b) => ({ value: b.id, label: b.description ? `${b.citation} (${b.description})` : b.citation }))} />
        </div>
      ) : null}
      <TextField form={form} name="decisionText" label={labels.decisionText} value={decisionText} onChange={setDecisionText}
        multiline rows={3} error={mutation.error} required />
      <SaveCancel busy={mutation.isPending} onCancel={onDone} />
    </form>
  );
}

/** The meeting page's body for a historical meeting: its cases as recorded, to add, correct or remove, the approval. */
export function HistoricalAgenda({ meetingId, cases, editable }: { meetingId: string; cases: TCaseView[]; editable: boolean }) {
  const t = useMeetingsT();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const approve = useApproveHistoricalMinutes(meetingId);
  const remove = useDeleteHistoricalCase(meetingId);
  // The case as the page holds it now: after a stale refusal the page has fetched it again, so the next
  // click deletes on the revision the user now sees.
  const toDelete = cases.find((c) => c.id === deleting);
  return (
    <section className="stack" aria-labelledby="agenda-heading">
      <Alert data-color="info"><Paragraph>{t('historical.pageHint')}</Paragraph></Alert>
      <div className="section-head">
        <Heading level={2} data-size="md" id="agenda-heading" tabIndex={-1}>{t('meeting.agenda')}</Heading>
        {editable ? (
          <Button type="button" id="historical-add-case" aria-expanded={adding} onClick={() => { setEditing(null); setAdding((a) => !a); }}>
            {t('historical.addCase')}
          </Button>
        ) : null}
      </div>
      {adding ? <HistoricalCaseForm meetingId={meetingId} onDone={() => { setAdding(false); focusWhenReady('historical-add-case'); }} /> : null}
      {cases.length === 0 ? <Paragraph>{t('meeting.noCases')}</Paragraph> : cases.map((c) => (
        <div key={c.id} className="stack">
          <CaseBody c={c} headingLevel={3} />
          {editable ? (
            <div className="actions">
              <Button type="button" variant="secondary" data-size="sm" id={`historical-edit-${c.id}`} aria-expanded={editing === c.id}
                onClick={() => { setAdding(false); setEditing((e) => (e === c.id ? null : c.id)); }}>
                {t('historical.editCase')}<span className="sr-only"> {c.number}</span>
              </Button>
              <Button type="button" variant="tertiary" data-color="danger" data-size="sm" id={`historical-delete-${c.id}`}
                onClick={() => { remove.reset(); setDeleting(c.id); }}>
                {t('common.delete')}<span className="sr-only"> {c.number}</span>
              </Button>
            </div>
          ) : null}
          {editable && editing === c.id ? (
            <HistoricalCaseForm key={c.id} meetingId={meetingId} existing={c}
              onDone={() => { setEditing(null); focusWhenReady(`historical-edit-${c.id}`); }} />
          ) : null}
        </div>
      ))}
      {toDelete ? (
        <ConfirmDialog title={t('case.deleteConfirm', { number: toDelete.number })} confirmLabel={t('common.delete')}
          confirmName={`${t('common.delete')} ${toDelete.number}`} pending={remove.isPending}
          error={<FormErrors form="historical-case-delete" error={remove.error} />}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            remove.mutateAsync({ id: toDelete.id, revision: toDelete.revision }).then(() => {
              announce(t('case.deleted', { number: toDelete.number }));
              setDeleting(null);
              focusWhenReady('agenda-heading');
            }, () => undefined);
          }}>
          <Paragraph>{t('historical.deleteText', { title: toDelete.title })}</Paragraph>
        </ConfirmDialog>
      ) : null}
      {editable && cases.length > 0 ? (
        <div className="stack">
          <Paragraph data-size="sm">{t('historical.approveHint')}</Paragraph>
          <FormErrors form="historical-approve" error={approve.error} />
          <div className="actions">
            <Button type="button" variant="secondary" disabled={approve.isPending} onClick={() => approve.mutate()}>{t('historical.approve')}</Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
