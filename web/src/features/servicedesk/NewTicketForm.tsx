// The portal's form: report a problem (feilmelding) or order something (tjenesteforespørsel), with files.
// The server files it as channel portal, priority Medium, in the user's own municipality; the categories
// offered are that municipality's policy's (GET /api/servicedesk/categories), each with the policy's
// one-line explanation and examples so the requester can choose without knowing the desk's words.
// Files go up one by one once the case exists: a refused file leaves the case filed, and the form says
// which file did not come along and why, so it can be added on the case.
import { Button, Field, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useContentLang } from '../../i18n';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import { LoadError } from '../shell/states';
import { uploadAttachment, useCreateTicket } from './api';
import { refusalHeading } from './Attachments';
import { useCategories, type TCategoryList } from './categories';
import { typeKey, useSdT } from './messages';
import { TICKET_TYPES, type TTicket, type TTicketType } from './types';

/** A file the server refused after the case was filed: its name and what to read first. */
export type TRefusedFile = { name: string; reason: string };

export function NewTicketForm({ onCreated }: { onCreated: (ticket: TTicket, refused: TRefusedFile[]) => void }) {
  const t = useSdT();
  const fetched = useCategories();
  const categories = fetched.data?.categories ?? [];
  const create = useCreateTicket();
  const filesRef = useRef<HTMLInputElement>(null);
  const [type, setType] = useState<TTicketType>('feilmelding');
  const [category, setCategory] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [uploading, setUploading] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const files = [...(filesRef.current?.files ?? [])];
    create.mutate({ type, category, title, description }, {
      onSuccess: async (ticket) => {
        const refused: TRefusedFile[] = [];
        setUploading(true);
        for (const file of files) {
          try {
            await uploadAttachment(ticket.id, file);
          } catch (error) {
            refused.push({ name: file.name, reason: `${refusalHeading(t, error)} ${error instanceof Error ? error.message : ''}`.trim() });
          }
        }
        setUploading(false);
        setTitle('');
        setDescription('');
        setCategory('');
        if (filesRef.current) filesRef.current.value = '';
        onCreated(ticket, refused);
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
        placeholder={t('form.choose')} options={categories.map((c) => ({ value: c, label: c }))} error={create.error}
        description={<CategoryHint guide={fetched.data?.guide} category={category} />} />
      {fetched.data?.guide.some((g) => g.description) ? <CategoryGuide guide={fetched.data.guide} /> : null}
      <TextField form="sd-new" name="title" label={labels.title} value={title} onChange={setTitle} error={create.error} required />
      <TextField form="sd-new" name="description" label={labels.description} value={description} onChange={setDescription}
        error={create.error} multiline rows={5} description={<Paragraph data-size="sm">{t('form.descriptionHint')}</Paragraph>} required />
      <Field>
        <Label htmlFor="sd-new-files">{t('form.files')}</Label>
        <Field.Description>{t('form.filesHint')} {t('attach.hint')}</Field.Description>
        <Input id="sd-new-files" ref={filesRef} type="file" name="files" multiple />
      </Field>
      <div className="actions">
        <Button type="submit" loading={create.isPending || uploading}>{t('form.submit')}</Button>
      </div>
    </form>
  );
}

/** Under the category field: the chosen category's explanation, or how to choose while none is chosen. */
function CategoryHint({ guide, category }: { guide: TCategoryList['guide'] | undefined; category: string }) {
  const t = useSdT();
  const lang = useContentLang();
  const entry = guide?.find((g) => g.category === category);
  if (!entry?.description) return <Paragraph data-size="sm">{t('form.categoryHint')}</Paragraph>;
  return (
    <Paragraph data-size="sm">
      <span lang={lang}>{entry.description}</span>
      {entry.examples.length > 0 ? <> {t('form.examples')}: <span lang={lang}>{entry.examples.join(', ')}</span>.</> : null}
    </Paragraph>
  );
}

/** Every category with its explanation, to read before choosing. */
function CategoryGuide({ guide }: { guide: TCategoryList['guide'] }) {
  const t = useSdT();
  const lang = useContentLang();
  return (
    <details className="sd-category-guide">
      <summary>{t('form.categoryGuide')}</summary>
      <dl lang={lang}>
        {guide.map((g) => (
          <div key={g.category}>
            <dt>{g.category}</dt>
            <dd>
              {g.description ?? ''}
              {g.examples.length > 0 ? <><br /><span className="sd-category-examples">{g.examples.join(' · ')}</span></> : null}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
