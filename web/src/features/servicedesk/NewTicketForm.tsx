// The portal's form: report a problem (feilmelding) or order something (tjenesteforespørsel). The server
// files it as channel portal, priority Medium, in the user's own municipality; the categories offered
// are that municipality's (GET /api/servicedesk/categories), unless the caller passes a list.
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import { LoadError } from '../shell/states';
import { useCreateTicket } from './api';
import { useCategories } from './categories';
import { typeKey, useSdT } from './messages';
import { TICKET_TYPES, type TTicket, type TTicketType } from './types';

export function NewTicketForm({ categories: given, onCreated }: { categories?: readonly string[]; onCreated: (ticket: TTicket) => void }) {
  const t = useSdT();
  const fetched = useCategories(undefined, !given);
  const categories = given ?? fetched.data?.categories ?? [];
  const create = useCreateTicket();
  const [type, setType] = useState<TTicketType>('feilmelding');
  const [category, setCategory] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ type, category, title, description }, {
      onSuccess: (ticket) => {
        setTitle('');
        setDescription('');
        setCategory('');
        onCreated(ticket);
      },
    });
  };

  const labels = { type: t('form.type'), category: t('form.category'), title: t('form.title'), description: t('form.description') };
  return (
    <form className="stack narrow" aria-label={t('form.new')} onSubmit={submit} noValidate>
      <FormErrors form="sd-new" error={create.error} labels={labels} />
      {fetched.error ? <LoadError error={fetched.error} /> : null}
      <SelectField form="sd-new" name="type" label={labels.type} value={type} onChange={(v) => setType(v as TTicketType)}
        options={TICKET_TYPES.map((v) => ({ value: v, label: t(typeKey(v)) }))} />
      <SelectField form="sd-new" name="category" label={labels.category} value={category} onChange={setCategory}
        placeholder={t('form.choose')} options={categories.map((c) => ({ value: c, label: c }))} error={create.error} />
      <TextField form="sd-new" name="title" label={labels.title} value={title} onChange={setTitle} error={create.error} required />
      <TextField form="sd-new" name="description" label={labels.description} value={description} onChange={setDescription}
        error={create.error} multiline rows={5} description={<Paragraph data-size="sm">{t('form.descriptionHint')}</Paragraph>} required />
      <div className="actions">
        <Button type="submit" loading={create.isPending}>{t('form.submit')}</Button>
      </div>
    </form>
  );
}
