// The minutes of one case: the conclusion (Vedtak or Enighet), its text, the treatment (Behandling)
// and, where a vote was taken, each voting member's vote.
import { Heading } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useMeetingsT } from './messages';
import { CheckboxField, FormErrors, SaveCancel, SelectField, TextField, useFocusFirstField } from '../forms/fields';
import { useBodyMembers, useRecordDecision } from './api';
import { announce } from '../shell/focus';
import { personLabel } from './format';
import type { TCaseView, TMeeting } from './types';
import { VOTING_ROLES } from '../../../../src/modules/org/vocabulary';
import { CONCLUSION_KINDS, VOTE_CHOICES, type TConclusionKind, type TVoteChoice as TChoice } from '../../../../src/modules/governance/vocabulary';

const votesOf = (c: TCaseView): Record<string, TChoice | ''> => Object.fromEntries((c.votes?.perMember ?? []).map((v) => [v.name, v.choice]));

export function DecisionForm({ meeting, c, onDone }: { meeting: TMeeting; c: TCaseView; onDone: () => void }) {
  const t = useMeetingsT();
  const focusRef = useFocusFirstField<HTMLFormElement>();
  const record = useRecordDecision(meeting.id);
  const members = useBodyMembers(meeting.bodyId, meeting.date);
  // The case as the form was opened: the save is made on this revision, even when the page has
  // fetched a newer case behind the form (then the server answers 409 and the user chooses).
  const [revision, setRevision] = useState(c.revision);
  const [decisionKind, setKind] = useState<TConclusionKind>(c.decisionKind ?? c.proposalKind);
  const [decisionText, setText] = useState(c.decisionText ?? c.proposal);
  const [treatment, setTreatment] = useState(c.treatment ?? '');
  const [voted, setVoted] = useState(c.voted);
  const [votes, setVotes] = useState<Record<string, TChoice | ''>>(() => votesOf(c));

  function reload() {
    setRevision(c.revision);
    setKind(c.decisionKind ?? c.proposalKind);
    setText(c.decisionText ?? c.proposal);
    setTreatment(c.treatment ?? '');
    setVoted(c.voted);
    setVotes(votesOf(c));
    record.reset();
  }
  const voters = (members.data ?? []).filter((m) => VOTING_ROLES.has(m.role));

  function submit(event: FormEvent) {
    event.preventDefault();
    const list = voted
      ? voters.flatMap((m) => {
        const choice = votes[m.personId] ?? votes[personLabel(m)];
        return choice ? [{ personId: m.personId, choice }] : [];
      })
      : undefined;
    record.mutate({ caseId: c.id, revision, decisionKind, decisionText, treatment: treatment.trim() ? treatment : null, votes: list }, {
      onSuccess: () => {
        announce(t('decision.saved', { number: c.number }));
        onDone();
      },
    });
  }

  return (
    <form ref={focusRef} onSubmit={submit} className="panel stack" noValidate aria-labelledby={`decision-${c.id}-heading`}>
      <Heading level={4} data-size="xs" id={`decision-${c.id}-heading`}>{t('decision.heading', { number: c.number })}</Heading>
      <FormErrors form="decision" error={record.error} onReload={reload}
        labels={{ decisionKind: t('decision.kind'), decisionText: t('decision.text'), treatment: t('case.treatment'), votes: t('decision.votes') }} />
      <SelectField form="decision" name="decisionKind" label={t('decision.kind')} value={decisionKind}
        onChange={(v) => setKind(v as TConclusionKind)} error={record.error}
        options={CONCLUSION_KINDS.map((v) => ({ value: v, label: t(`case.${v}`) }))} />
      <TextField form="decision" name="decisionText" label={t('decision.text')} value={decisionText} onChange={setText} multiline rows={3} required error={record.error} />
      <TextField form="decision" name="treatment" label={t('case.treatment')} value={treatment} onChange={setTreatment} multiline rows={5} error={record.error} />
      <CheckboxField form="decision" name="voted" label={t('decision.voted')} checked={voted} onChange={setVoted} />
      {voted ? (
        <fieldset className="grid-form plain-fieldset" id="decision-votes">
          <legend>{t('decision.votes')}</legend>
          {voters.map((m) => {
            const name = personLabel(m);
            return (
              <SelectField key={m.personId} form="decision" name={`vote-${m.personId}`} label={t('decision.voteOf', { name })}
                value={votes[m.personId] ?? votes[name] ?? ''} placeholder={t('decision.noVote')}
                onChange={(v) => setVotes((vs) => ({ ...vs, [m.personId]: v as TChoice | '', [name]: '' }))}
                options={VOTE_CHOICES.map((v) => ({ value: v, label: t(`vote.${v}`) }))} />
            );
          })}
        </fieldset>
      ) : null}
      <SaveCancel busy={record.isPending} onCancel={onDone} />
    </form>
  );
}
