// Meetings of the years before samrad (issue 12), entered afterwards from the old papers: the form on
// the meeting list, and the meeting page's historical mode (cases with their own numbers and decisions,
// minutes marked approved). No notice or attendance steps: such a meeting was never called here.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useMeetingsT } from './messages';
import { FormErrors, SaveCancel, SelectField, TextField, useFocusFirstField } from '../forms/fields';
import { useAddHistoricalCase, useApproveHistoricalMinutes, useCreateHistoricalMeeting, useLegalBases } from './api';
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

function HistoricalCaseForm({ meetingId, onDone }: { meetingId: string; onDone: () => void }) {
  const t = useMeetingsT();
  const focusRef = useFocusFirstField<HTMLFormElement>();
  const add = useAddHistoricalCase(meetingId);
  const legalBases = useLegalBases();
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  const [access, setAccess] = useState<'offentlig' | 'unntatt'>('offentlig');
  const [publicTitle, setPublicTitle] = useState('');
  const [legalBasisId, setLegalBasisId] = useState('');
  const [decisionText, setDecisionText] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutateAsync({
      number, title, access, decisionText,
      publicTitle: access === 'unntatt' ? publicTitle : null,
      legalBasisId: access === 'unntatt' ? legalBasisId || null : null,
    }).then(() => {
      announce(t('historical.saved', { number: number.trim() }));
      onDone();
    }, () => undefined);
  }

  const labels = {
    number: t('case.number'), title: t('case.title'), access: t('case.access'), publicTitle: t('case.publicTitle'),
    legalBasisId: t('case.legalBasis'), decisionText: t('decision.text'),
  };
  return (
    <form ref={focusRef} onSubmit={submit} className="panel stack" noValidate aria-labelledby="historical-case-heading">
      <Heading level={3} data-size="xs" id="historical-case-heading">{t('historical.caseHeading')}</Heading>
      <FormErrors form="historical-case" error={add.error} labels={labels} />
      <div className="grid-form">
        <TextField form="historical-case" name="number" label={labels.number} value={number} onChange={setNumber}
          description={t('historical.numberHint')} error={add.error} required />
        <TextField form="historical-case" name="title" label={labels.title} value={title} onChange={setTitle} error={add.error} required />
        <SelectField form="historical-case" name="access" label={labels.access} value={access}
          onChange={(v) => setAccess(v as 'offentlig' | 'unntatt')} error={add.error}
          options={[{ value: 'offentlig', label: t('case.public') }, { value: 'unntatt', label: t('case.exempt') }]} />
      </div>
      {access === 'unntatt' ? (
        <div className="grid-form">
          <TextField form="historical-case" name="publicTitle" label={labels.publicTitle} value={publicTitle} onChange={setPublicTitle}
            description={t('case.publicTitleHint')} required error={add.error} />
          <SelectField form="historical-case" name="legalBasisId" label={labels.legalBasisId} value={legalBasisId} onChange={setLegalBasisId}
            placeholder={t('case.chooseLegalBasis')} required error={add.error}
            options={(legalBases.data ?? []).filter((b) => b.active)
              .map((b) => ({ value: b.id, label: b.description ? `${b.citation} (${b.description})` : b.citation }))} />
        </div>
      ) : null}
      <TextField form="historical-case" name="decisionText" label={labels.decisionText} value={decisionText} onChange={setDecisionText}
        multiline rows={3} error={add.error} required />
      <SaveCancel busy={add.isPending} onCancel={onDone} />
    </form>
  );
}

/** The meeting page's body for a historical meeting: its cases as recorded, a case form, the approval. */
export function HistoricalAgenda({ meetingId, cases, editable }: { meetingId: string; cases: TCaseView[]; editable: boolean }) {
  const t = useMeetingsT();
  const [adding, setAdding] = useState(false);
  const approve = useApproveHistoricalMinutes(meetingId);
  return (
    <section className="stack" aria-labelledby="agenda-heading">
      <Alert data-color="info"><Paragraph>{t('historical.pageHint')}</Paragraph></Alert>
      <div className="section-head">
        <Heading level={2} data-size="md" id="agenda-heading" tabIndex={-1}>{t('meeting.agenda')}</Heading>
        {editable ? (
          <Button type="button" id="historical-add-case" aria-expanded={adding} onClick={() => setAdding((a) => !a)}>
            {t('historical.addCase')}
          </Button>
        ) : null}
      </div>
      {adding ? <HistoricalCaseForm meetingId={meetingId} onDone={() => { setAdding(false); focusWhenReady('historical-add-case'); }} /> : null}
      {cases.length === 0 ? <Paragraph>{t('meeting.noCases')}</Paragraph> : cases.map((c) => <CaseBody key={c.id} c={c} headingLevel={3} />)}
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
