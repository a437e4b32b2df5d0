// Small pieces the portfolio's forms share: amounts typed as Norwegian kroner, Oslo wall-clock times
// sent as instants, a group of municipality checkboxes, and a check made before sending that reports
// like the server does (an ApiError with the field), so the form shows both the same way.
import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { osloOffset } from '../../../../src/lib/oslo-time';
import { ApiError } from '../../api/client';
import { fieldError, fieldId } from '../forms/fields';

/**
 * "1 234 567", "1234567 kr" or "1 234 567,00" as øre; null for an empty field; NaN when it is not whole
 * kroner. Spaces of every kind are thousands separators, as the amounts are printed.
 */
export function parseKroner(text: string): number | null {
  const plain = text.replace(/[\s\u00a0\u202f]/g, '').replace(/kr\.?$/i, '').replace(/,00?$/, '');
  if (!plain) return null;
  if (!/^\d{1,13}$/.test(plain)) return Number.NaN;
  return Number(plain) * 100;
}

/** Øre as the field shows them: whole kroner without separators ("900000"), empty for null. */
export const kronerText = (ore: number | null | undefined) => (ore === null || ore === undefined ? '' : String(Math.round(ore / 100)));

/** A refusal made in the browser before sending, shaped as the server's 400 so the form shows it at its field. */
export function localError(path: string, message: string): ApiError {
  return new ApiError(400, 'validation', message, [{ path, message }]);
}

/** An Oslo calendar day and wall-clock time ("2023-12-01", "14:00") as an ISO instant with Oslo's offset. */
export function osloInstant(date: string, time: string): string {
  return `${date}T${time || '00:00'}:00${osloOffset(date)}`;
}

/** The Oslo day and time of an instant, for filling in a form: ["2023-12-01", "14:00"]. */
export function osloDayAndTime(instant: string | null): [string, string] {
  if (!instant) return ['', ''];
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return [`${part('year')}-${part('month')}-${part('day')}`, `${part('hour')}:${part('minute')}`];
}

/** Checkboxes for a set of municipalities; the server's message for the list shows under them. */
export function MunicipalityChecks({ form, name, legend, description, options, value, onChange, error }: {
  form: string; name: string; legend: string; description?: string;
  options: { id: string; name: string }[]; value: string[]; onChange: (ids: string[]) => void; error: unknown;
}) {
  const message = fieldError(error, name);
  return (
    <Fieldset id={fieldId(form, name)} tabIndex={-1}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description ? <Fieldset.Description>{description}</Fieldset.Description> : null}
      {options.map((m) => (
        <Checkbox key={m.id} name={name} value={m.id} label={m.name} checked={value.includes(m.id)}
          onChange={(e) => onChange(e.target.checked ? [...value, m.id] : value.filter((id) => id !== m.id))} />
      ))}
      {message ? <ValidationMessage>{message}</ValidationMessage> : null}
    </Fieldset>
  );
}
