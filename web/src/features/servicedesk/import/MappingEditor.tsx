// Editing one source tool's column mapping: which header holds which field, how its labels translate to
// ours (lines of "source = ours"), and the values used when a column is missing. Saved per source.
import { Fieldset, Paragraph } from '@digdir/designsystemet-react';
import { SelectField, TextField } from '../../forms/fields';
import { channelKey, priorityKey, statusKey, typeKey, useSdT, type TSdKey } from '../messages';
import { CHANNELS, PRIORITIES, STATUSES, TICKET_TYPES, type TChannel, type TPriority, type TTicketType } from '../types';
import { IMPORT_FIELDS, VALUE_FIELDS, type TValueField } from './api';
import type { TMappingDraft } from './mapping-text';

export const MAPPING_FORM = 'sd-map';

export function MappingEditor({ draft, onChange, categories, error }: {
  draft: TMappingDraft; onChange: (draft: TMappingDraft) => void; categories: readonly string[]; error: unknown;
}) {
  const t = useSdT();
  const field = (f: string) => t(`import.field.${f}` as TSdKey);
  // What the right-hand side of a translation may be: our stored keys, with their labels to read by.
  const allowed: Record<TValueField, string> = {
    type: TICKET_TYPES.map((v) => `${v} (${t(typeKey(v))})`).join(', '),
    priority: PRIORITIES.map((v) => `${v} (${t(priorityKey(v))})`).join(', '),
    status: STATUSES.map((v) => `${v} (${t(statusKey(v))})`).join(', '),
    channel: CHANNELS.map((v) => `${v} (${t(channelKey(v))})`).join(', '),
    category: categories.join(', '),
  };
  return (
    <div className="stack">
      <Fieldset id={`${MAPPING_FORM}-columns`}>
        <Fieldset.Legend>{t('import.columnsHeading')}</Fieldset.Legend>
        <Fieldset.Description>{t('import.columnsHint')}</Fieldset.Description>
        <div className="grid-form">
          {IMPORT_FIELDS.map((f) => (
            <TextField key={f} form={MAPPING_FORM} name={`columns.${f}`} label={field(f)} value={draft.columns[f]} error={error}
              onChange={(v) => onChange({ ...draft, columns: { ...draft.columns, [f]: v } })} />
          ))}
        </div>
      </Fieldset>
      <Fieldset id={`${MAPPING_FORM}-values`}>
        <Fieldset.Legend>{t('import.valuesHeading')}</Fieldset.Legend>
        <div className="grid-form">
          {VALUE_FIELDS.map((f) => (
            <TextField key={f} form={MAPPING_FORM} name={`values.${f}`} label={field(f)} value={draft.values[f]} error={error} multiline rows={3}
              description={<Paragraph data-size="sm">{t('import.valuesHint', { allowed: allowed[f] })}</Paragraph>}
              onChange={(v) => onChange({ ...draft, values: { ...draft.values, [f]: v } })} />
          ))}
        </div>
      </Fieldset>
      <Fieldset id={`${MAPPING_FORM}-defaults`}>
        <Fieldset.Legend>{t('import.defaultsHeading')}</Fieldset.Legend>
        <div className="grid-form">
          <SelectField form={MAPPING_FORM} name="defaults.type" label={t('import.defaultType')} value={draft.defaults.type}
            onChange={(v) => onChange({ ...draft, defaults: { ...draft.defaults, type: v as TTicketType } })}
            options={TICKET_TYPES.map((v) => ({ value: v, label: t(typeKey(v)) }))} />
          <SelectField form={MAPPING_FORM} name="defaults.priority" label={t('import.defaultPriority')} value={draft.defaults.priority}
            onChange={(v) => onChange({ ...draft, defaults: { ...draft.defaults, priority: v as TPriority } })}
            options={PRIORITIES.map((v) => ({ value: v, label: t(priorityKey(v)) }))} />
          <SelectField form={MAPPING_FORM} name="defaults.channel" label={t('import.defaultChannel')} value={draft.defaults.channel}
            onChange={(v) => onChange({ ...draft, defaults: { ...draft.defaults, channel: v as TChannel } })}
            options={CHANNELS.map((v) => ({ value: v, label: t(channelKey(v)) }))} />
        </div>
      </Fieldset>
    </div>
  );
}
