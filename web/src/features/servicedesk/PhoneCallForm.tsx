// Logging a phone call or a walk-in: always a ticket with that channel. Kritisk and Høy may be marked
// solved on the call (the phone policy, ST 39/18); the server refuses it for the others with a message.
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { CheckboxField, FormErrors, SelectField, TextField, useFocusFirstField } from '../forms/fields';
import { useLogPhoneCall, useMunicipalities } from './api';
import { useCategories } from './categories';
import { channelKey, priorityKey, typeKey, useSdT } from './messages';
import { PHONE_CHANNELS, PRIORITIES, TICKET_TYPES, type TPriority, type TTicketType } from './types';

export function PhoneCallForm({ onDone }: { onDone: () => void }) {
  const t = useSdT();
  const navigate = useNavigate();
  const log = useLogPhoneCall();
  const municipalities = useMunicipalities();
  const ref = useFocusFirstField<HTMLFormElement>();
  const [channel, setChannel] = useState<(typeof PHONE_CHANNELS)[number]>('telefon');
  const [type, setType] = useState<TTicketType>('feilmelding');
  const [category, setCategory] = useState('');
  const [priority, setPriority] = useState<TPriority>('medium');
  const [municipalityId, setMunicipalityId] = useState('');
  const [requesterName, setRequesterName] = useState('');
  const [requesterEmail, setRequesterEmail] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [solvedOnCall, setSolvedOnCall] = useState(false);
  const [solution, setSolution] = useState('');
  const [created, setCreated] = useState<number | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    log.mutate({
      channel, type, category, priority, municipalityId: municipalityId || undefined, requesterName, title, description, solvedOnCall,
      ...(requesterEmail.trim() ? { requesterEmail } : {}), ...(solvedOnCall && solution.trim() ? { solution } : {}),
    }, {
      onSuccess: (ticket) => {
        setCreated(ticket.number);
        onDone();
        void navigate({ to: '/kundeservice/saker/$id', params: { id: ticket.id } });
      },
    });
  };
  const labels = {
    channel: t('call.channel'), type: t('field.type'), category: t('field.category'), priority: t('field.priority'),
    municipalityId: t('field.municipality'), requesterName: t('call.requesterName'), requesterEmail: t('call.requesterEmail'),
    title: t('form.title'), description: t('form.description'), solvedOnCall: t('call.solvedOnCall'), solution: t('call.solution'),
  };
  // The chosen municipality's list (its own policy, if it has one); before that, the cooperation's.
  const categoryList = useCategories(municipalityId || undefined);
  const categories = categoryList.data?.categories ?? [];
  return (
    <form ref={ref} className="stack panel" aria-label={t('call.heading')} onSubmit={submit} noValidate>
      <FormErrors form="sd-call" error={log.error} labels={labels} />
      <div className="grid-form">
        <SelectField form="sd-call" name="channel" label={labels.channel} value={channel} onChange={(v) => setChannel(v as (typeof PHONE_CHANNELS)[number])}
          options={PHONE_CHANNELS.map((v) => ({ value: v, label: t(channelKey(v)) }))} />
        <SelectField form="sd-call" name="type" label={labels.type} value={type} onChange={(v) => setType(v as TTicketType)}
          options={TICKET_TYPES.map((v) => ({ value: v, label: t(typeKey(v)) }))} />
        <SelectField form="sd-call" name="priority" label={labels.priority} value={priority} onChange={(v) => setPriority(v as TPriority)}
          options={PRIORITIES.map((p) => ({ value: p, label: t(priorityKey(p)) }))} error={log.error} />
        <SelectField form="sd-call" name="category" label={labels.category} value={category} onChange={setCategory}
          placeholder={t('form.choose')} options={categories.map((c) => ({ value: c, label: c }))} error={log.error} />
        <SelectField form="sd-call" name="municipalityId" label={labels.municipalityId} value={municipalityId} onChange={setMunicipalityId}
          placeholder={t('form.choose')} options={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))} error={log.error} />
        <TextField form="sd-call" name="requesterName" label={labels.requesterName} value={requesterName} onChange={setRequesterName} error={log.error} />
        <TextField form="sd-call" name="requesterEmail" label={labels.requesterEmail} type="email" value={requesterEmail} onChange={setRequesterEmail} error={log.error} />
      </div>
      <TextField form="sd-call" name="title" label={labels.title} value={title} onChange={setTitle} error={log.error} />
      <TextField form="sd-call" name="description" label={labels.description} value={description} onChange={setDescription} multiline rows={3} error={log.error} />
      <CheckboxField form="sd-call" name="solvedOnCall" label={labels.solvedOnCall} checked={solvedOnCall} onChange={setSolvedOnCall} />
      {solvedOnCall ? <TextField form="sd-call" name="solution" label={labels.solution} value={solution} onChange={setSolution} multiline rows={2} error={log.error} /> : null}
      <div className="actions">
        <Button type="submit" loading={log.isPending}>{t('call.submit')}</Button>
        <Button type="button" variant="tertiary" onClick={onDone}>{t('common.cancel')}</Button>
      </div>
      {created !== null ? <Alert data-color="success" role="status"><Paragraph>{t('call.created', { number: created })}</Paragraph></Alert> : null}
    </form>
  );
}
