// The shape every admin form shares: a panel with a level-3 heading that names the form, the error
// summary, the fields in a grid, and the submit button (with Avbryt when the form edits something and
// can be closed). One place for it, so each admin page only says what its fields are.
import { Button, Heading } from '@digdir/designsystemet-react';
import type { FormEvent, ReactNode } from 'react';
import { useT } from '../../i18n';
import { FormErrors } from './fields';

type TPanelFormProps = {
  /** The form's name for field ids and the error summary's links (fieldId(form, name)). */
  form: string;
  /** The heading's id; the form is labelled by it. */
  headingId: string;
  title: ReactNode;
  error: unknown;
  /** Field labels for the error summary, by field name. */
  labels?: Record<string, string>;
  onSubmit: () => void;
  submitLabel: string;
  pending?: boolean;
  /** Shown as Avbryt beside the submit button. */
  onCancel?: () => void;
  /** Between the error summary and the fields (e.g. a status line). */
  notice?: ReactNode;
  /** false: the fields stand as they are, not in the grid (a single wide field). */
  grid?: boolean;
  /** The one retry path for an edit refused as stale (FormErrors' onReload): opens the form again on what is stored now. */
  onReload?: () => void;
  children: ReactNode;
};

export function PanelForm({ form, headingId, title, error, labels, onSubmit, submitLabel, pending, onCancel, notice, grid = true, onReload, children }: TPanelFormProps) {
  const t = useT();
  const submit = <Button type="submit" disabled={pending}>{submitLabel}</Button>;
  return (
    <form className="panel stack" noValidate aria-labelledby={headingId} onSubmit={(e: FormEvent) => { e.preventDefault(); onSubmit(); }}>
      <Heading level={3} data-size="xs" id={headingId}>{title}</Heading>
      <FormErrors form={form} error={error} labels={labels} onReload={onReload} />
      {notice}
      {grid ? <div className="grid-form">{children}</div> : children}
      {onCancel ? (
        <div className="actions">
          {submit}
          <Button type="button" variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
        </div>
      ) : <div>{submit}</div>}
    </form>
  );
}
