// The file field and «Forhåndsvis» button of the two import pages (tickets, phone statistics): a file
// must be chosen before a preview (the field says so and takes focus), and a refusal without row issues
// (a wrong file type, a file too large) is shown here; one with row issues is the IssuesTable's.
import { Button, Field, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormErrors } from '../../forms/fields';
import { useSdT } from '../messages';
import { refusedFileOf } from './IssuesTable';

const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function FileForm({ form, label, hint, file, onFile, error, busy, onPreview, children }: {
  /** The form's id prefix (the field is `${form}-file`). */
  form: string;
  label: string;
  hint?: string;
  file: File | null;
  onFile: (file: File | null) => void;
  /** The preview's error. */
  error: unknown;
  busy: boolean;
  onPreview: (file: File) => void;
  /** Fields of the page's own between the file and the button (the phone export's municipality column). */
  children?: ReactNode;
}) {
  const t = useSdT();
  const inputRef = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    onPreview(file);
  };
  return (
    <form className="stack" aria-label={label} onSubmit={submit} noValidate>
      {refusedFileOf(error) ? null : <FormErrors form={form} error={error} labels={{ file: t('import.file') }} />}
      <Field>
        <Label htmlFor={`${form}-file`}>{t('import.file')}</Label>
        {hint ? <Field.Description>{hint}</Field.Description> : null}
        <Input id={`${form}-file`} ref={inputRef} type="file" name="file" aria-invalid={missing ? true : undefined} accept={ACCEPT}
          onChange={(e) => { onFile(e.target.files?.[0] ?? null); setMissing(false); }} />
        {missing ? <ValidationMessage role="alert">{t('import.chooseFile')}</ValidationMessage> : null}
      </Field>
      {children}
      <div className="actions"><Button type="submit" loading={busy}>{t('import.preview')}</Button></div>
    </form>
  );
}
