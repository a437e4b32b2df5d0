// The minutes of one case: the conclusion (Vedtak or Enighet), its text, the treatment (Behandling)
// and, where a vote was taken, each voting member's vote. Only the voting members recorded as present
// are offered a vote; an error about a vote names the member it is about.
import { Heading } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useMeetingsT } from './messages';
import { CheckboxField, FormErrors, SaveCancel, SelectField, TextField, useFocusFirstField } from '../forms/fields';
import { useBodyMembers, useRecordDecision } from './api';
import { announce } from '../shell/focus';
import { personLabel } from './format';
import type { TAttendee, TCaseView, TMeeting } from './types';
import { VOTING_ROLES } from '../../../../src/modules/org/vocabulary';
import { CONCLUSION_KINDS, VOTE_CHOICES, type TConclusionKind, type TVoteChoice as TChoice } from '../../../../src/modules/governance/vocabulary';

const votesOf = (c: TCaseView): Record<string, TChoice | ''> => Object.fromEntries((c.votes?.perMember ?? []).map((v) => [v.name, v.choice]));

export function DecisionForm({ meeting, attendance, c, onDone }: { meeting: TMeeting; attendance: TAttendee[]; c: TCaseView; onDone: () => void }) {
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
  // The attendance names people as the members list does ("Family, Given").
  const present = new Set(attendance.filter((a) => a.role === 'til_stede').map((a) => a.name));
  const voters = (members.data ?? []).filter((m) => VOTING_ROLES.has(m.role) && present.has(personLabel(m)));
  // The votes as last sent, in order: the server names an issue by its place in this list.
  const [sent, setSent] = useState<string[]>([]);
  const voteField = (path: string) => {
    const match = /^votes\.(\d+)/.exec(path);
    // From all members: the attendance (and so the list of voters) may have changed since the save.
    const member = match ? (members.data ?? []).find((m) => m.personId === sent[Number(match[1])]) : undefined;
    return member ? { label: t('decision.voteOf', { name: personLabel(member) }), name: `vote-${member.personId}` } : undefined;
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const list = voted
      ? voters.flatMap((m) => {
        const choice = votes[m.personId] ?? votes[personLabel(m)];
        return choice ? [{ personId: m.personId, choice }] : [];
      })
      : undefined;
    setSent((list ?? []).map((v) => v.personId));
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
        labels={{ decisionKind: t('decision.kind'), decisionText: t('decision.text'), treatment: t('case.treatment'), votes: t('decision.votes') }}
        fields={voteField} />
      <SelectField form="decision" name="decisionKind" label={t('decision.kind')} value={decisionKind}
        onChange={(v) => setKind(v as TConclusionKind)} error={record.error}
        options={CONCLUSION_KINDS.map((v) => ({ value: v, label: t(`case.${v}`) }))} />
      <TextField form="decision" name="decisionText" label={t('decision.text')} value={decisionText} onChange={setText} multiline rows={3} required error={record.error} />
      <TextField form="decision" name="treatment" label={t('case.treatment')} value={treatment} onChange={setTreatment} multiline rows={5} error={record.error} />
      <CheckboxField form="decision" name="voted" label={t('decision.voted')} checked={voted} onChange={setVoted} />
      {voted ? (
        <fieldset className="grid-form plain-fieldset" id="decision-votes">
          <legend>{t('decision.votes')}</legend>
          {voters.length === 0 ? <p className="hit__meta">{t('decision.noPresentVoters')}</p> : null}
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
