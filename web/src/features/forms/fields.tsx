// Form building blocks on Designsystemet: every field has a visible label, an id that the error
// summary can link to, and shows the server's message for its own name.
import {
  Button, Checkbox, ErrorSummary, Field, Label, Select, Textfield, ValidationMessage, Alert, Paragraph,
} from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { useI18n, type TLanguage, type TTranslate } from '../../i18n';
import { errorMessage, fieldMessageIn } from '../../i18n/errors';

export const fieldId = (form: string, name: string) => `${form}-${name}`;

/** The message the server gave for one field, if the error is an ApiError with field issues. */
export function fieldError(error: unknown, name: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(name) : undefined;
}

/**
 * The server's message for this field, until the user changes the field: then it is gone (they are
 * fixing it), and comes back only with the next refused save.
 */
function useFieldMessage(error: unknown, name: string): [ReactNode | undefined, () => void] {
  const [changedUnder, setChangedUnder] = useState<unknown>(null);
  const { language, t } = useI18n();
  const message = error && changedUnder === error ? undefined : fieldError(error, name);
  return [message === undefined ? undefined : <FieldMessage message={message} language={language} t={t} />, () => { if (error) setChangedUnder(error); }];
}

/** The server's message for a field in the page's language (bokmål kept and marked when it has no English). */
function FieldMessage({ message, language, t }: { message: string; language: TLanguage; t: TTranslate }) {
  const { text, lang } = fieldMessageIn(message, language, t);
  return lang ? <span lang={lang}>{text}</span> : <>{text}</>;
}

type TTextFieldProps = {
  form: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: unknown;
  type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'number' | 'search' | 'url';
  multiline?: boolean;
  rows?: number;
  required?: boolean;
  description?: ReactNode;
  autoComplete?: string;
  readOnly?: boolean;
};

export function TextField({ form, name, label, value, onChange, error, type = 'text', multiline, rows, required, description, autoComplete, readOnly }: TTextFieldProps) {
  const [message, changed] = useFieldMessage(error, name);
  const common = {
    id: fieldId(form, name),
    name,
    label,
    value,
    required,
    readOnly,
    description,
    error: message,
  };
  if (multiline) {
    return (
      <Textfield
        {...common}
        multiline
        rows={rows ?? 4}
        onChange={(e: ChangeEvent<HTMLTextAreaElement>) => { changed(); onChange(e.target.value); }}
      />
    );
  }
  return (
    <Textfield
      {...common}
      type={type}
      autoComplete={autoComplete}
      onChange={(e: ChangeEvent<HTMLInputElement>) => { changed(); onChange(e.target.value); }}
    />
  );
}

type TOption = { value: string; label: string };

type TSelectFieldProps = {
  form: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: TOption[];
  error?: unknown;
  /** Shown as the first, empty choice. */
  placeholder?: string;
  required?: boolean;
  description?: ReactNode;
};

export function SelectField({ form, name, label, value, onChange, options, error, placeholder, required, description }: TSelectFieldProps) {
  const id = fieldId(form, name);
  const [message, changed] = useFieldMessage(error, name);
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description ? <Field.Description>{description}</Field.Description> : null}
      <Select id={id} name={name} value={value} required={required} aria-invalid={message ? true : undefined}
        onChange={(e) => { changed(); onChange(e.target.value); }}>
        {placeholder !== undefined ? <Select.Option value="">{placeholder}</Select.Option> : null}
        {options.map((o) => <Select.Option key={o.value} value={o.value}>{o.label}</Select.Option>)}
      </Select>
      {message ? <ValidationMessage>{message}</ValidationMessage> : null}
    </Field>
  );
}

export function CheckboxField({ form, name, label, checked, onChange }: { form: string; name: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return <Checkbox id={fieldId(form, name)} name={name} label={label} checked={checked} onChange={(e) => onChange(e.target.checked)} />;
}

/**
 * A save refused because someone changed the same thing since the form read it (409 `stale`: an edit
 * sent with a revision or version that is no longer the stored one).
 */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'stale';
}

/**
 * What went wrong with a submit: a summary linking to each field the server named (focus moves here so
 * screen readers hear it), or an alert with the message when no field is named.
 *
 * `onReload` is the one retry path for edits made on a revision (decision 0022's 409 `stale`): the alert
 * says, in the page's language, that someone else changed it, and offers to open the form again on what
 * is stored now. Nothing is merged silently: what the user typed is discarded only when they choose to.
 */
export function FormErrors({ form, error, labels, fields, onReload }: {
  form: string; error: unknown; labels?: Record<string, string>;
  /**
   * For an issue about one item of a list (`votes.2.personId`): its label and the field it links to, so
   * the message names the item ("Stemme fra Aasen, Marianne: …") instead of the list.
   */
  fields?: (path: string) => { label: string; name: string } | undefined;
  /** Puts the form back on the stored data (its fields, its revision) and clears the error. */
  onReload?: () => void;
}) {
  const { t, language } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const message = errorMessage(error, language, t);
  const fieldKey = (path: string) => fields?.(path)?.name ?? path.split('.')[0] ?? path;
  if (!apiError || apiError.fields.length === 0) {
    return (
      <Alert data-color={onReload && isStale(error) ? 'warning' : 'danger'} ref={ref} tabIndex={-1} role="alert">
        <Paragraph>{message}</Paragraph>
        {onReload && isStale(error) ? (
          <div className="actions">
            <Button type="button" variant="secondary" onClick={onReload}>{t('common.reloadStale')}</Button>
          </div>
        ) : null}
      </Alert>
    );
  }
  return (
    <div ref={ref} tabIndex={-1}>
    <ErrorSummary>
      <ErrorSummary.Heading>{t('form.errorsHeading')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {/* One line per field, as the field itself shows one message. */}
        {apiError.fields.filter((f, i, all) => all.findIndex((g) => fieldKey(g.path) === fieldKey(f.path)) === i).map((f) => {
          const item = fields?.(f.path);
          const name = item?.name ?? f.path.split('.')[0] ?? f.path;
          const label = item?.label ?? labels?.[name] ?? labels?.[f.path] ?? f.path;
          return (
            <ErrorSummary.Item key={`${f.path}:${f.message}`}>
              <ErrorSummary.Link href={`#${fieldId(form, name)}`}>{`${label}: `}<FieldMessage message={f.message} language={language} t={t} /></ErrorSummary.Link>
            </ErrorSummary.Item>
          );
        })}
      </ErrorSummary.List>
    </ErrorSummary>
    </div>
  );
}

/** A form's «Lagre» (off while the save is on its way) and «Avbryt». */
export function SaveCancel({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <Button type="submit" disabled={busy}>{t('common.save')}</Button>
      <Button type="button" variant="secondary" onClick={onCancel}>{t('common.cancel')}</Button>
    </div>
  );
}

/**
 * For a form that opens in place (below a table): keyboard and screen-reader users land on its first
 * field instead of having to find it, and return to where they were when it closes.
 */
export function useFocusFirstField<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
    // When the form closes, focus would fall to <body>: give it back to the button that opened it.
    return () => {
      const lost = !document.activeElement || document.activeElement === document.body;
      if (lost && opener?.isConnected) opener.focus();
    };
  }, []);
  return ref;
}
