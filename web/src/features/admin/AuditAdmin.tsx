// The audit log: who changed what, when, each field's old and new value in words; filtered by entity,
// id, user and period.
import { Button, Details, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useAdminT } from './messages';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n';
import { AUDIT_ACTION_LABELS, auditChanges, AUDIT_ENTITY_LABELS, AUDIT_FIELD_LABELS } from './audit-changes';
import { DataTable } from '../tables/DataTable';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import { LoadError, Loading } from '../shell/states';
import { useAudit, useUsers, type TAuditFilters } from './api';
import { AUDIT_ENTITIES, type TAuditAction, type TAuditEntity } from '../../../../src/modules/audit/vocabulary';

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span>–</span>;
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_VALUE = 300;

/** A stored value as the pages show it: dates and times in Norwegian form, yes/no, long text cut. */
function useFormatValue() {
  const t = useAdminT();
  return (value: unknown): string => {
    if (value === null || value === undefined || value === '') return '–';
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    let text: string;
    if (typeof value === 'string') {
      text = ISO_DATE_TIME.test(value) ? formatDateTime(value) : ISO_DATE.test(value) ? formatDate(value) : value;
    } else text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
  };
}

/** A stored text (a title, a name, a role as it was saved) is the cooperation's bokmål, whatever the page's language. */
const isStoredText = (value: unknown) => typeof value === 'string' && value !== '' && !ISO_DATE_TIME.test(value) && !ISO_DATE.test(value);

/**
 * What an entry changed, one line per field: «Tittel: Gammel → Ny». The arrow is read as «endret til».
 * Many lines (a create or delete of a whole row) fold under their count; the stored JSON stays one
 * click away, since the lines shorten long values.
 */
function Changes({ before, after }: { before: unknown; after: unknown }) {
  const t = useAdminT();
  const { language } = useI18n();
  const format = useFormatValue();
  const changes = auditChanges(before, after);
  const contentLang = (value: unknown) => (language === 'en' && isStoredText(value) ? 'nb' : undefined);
  const lines = (
    <ul className="audit-changes">
      {changes.map((c) => {
        const label = AUDIT_FIELD_LABELS[c.field]?.[language];
        return (
          <li key={c.field}>
            {c.field === '' ? null : <>{label ? <span className="audit-changes__field">{label}</span> : <code className="audit-changes__field">{c.field}</code>}: </>}
            {'before' in c ? <span className="audit-changes__old" lang={contentLang(c.before)}>{format(c.before)}</span> : null}
            {'before' in c && 'after' in c ? <> <span aria-hidden="true">→</span><span className="sr-only">{t('admin.changedTo')}</span> </> : null}
            {'after' in c ? <span lang={contentLang(c.after)}>{format(c.after)}</span> : null}
          </li>
        );
      })}
    </ul>
  );
  return (
    <div className="audit-change">
      {changes.length === 0 ? <span>{t('admin.noFieldChanges')}</span> : changes.length <= 4 ? lines : (
        <Details>
          <Details.Summary>{t('admin.fieldCount', { count: changes.length })}</Details.Summary>
          <Details.Content>{lines}</Details.Content>
        </Details>
      )}
      {before != null || after != null ? (
        <Details>
          <Details.Summary>{t('admin.rawData')}</Details.Summary>
          <Details.Content>
            <div className="before-after">
              <div><strong>{t('admin.before')}</strong><Json value={before} /></div>
              <div><strong>{t('admin.after')}</strong><Json value={after} /></div>
            </div>
          </Details.Content>
        </Details>
      ) : null}
    </div>
  );
}

export function AuditAdmin() {
  const t = useAdminT();
  const users = useUsers();
  const [draft, setDraft] = useState<TAuditFilters>({});
  const [filters, setFilters] = useState<TAuditFilters>({});
  const [limit, setLimit] = useState(50);
  const audit = useAudit(filters, limit);
  const { language } = useI18n();
  const set = (key: keyof TAuditFilters) => (value: string) => setDraft((d) => ({ ...d, [key]: value || undefined }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
    setLimit(50);
  }

  return (
    <section className="stack" aria-labelledby="audit-heading">
      <Heading level={2} data-size="md" id="audit-heading">{t('admin.audit')}</Heading>
      <form onSubmit={submit} className="stack" aria-label={t('admin.auditFilters')}>
        <div className="grid-form">
          <SelectField form="audit" name="entity" label={t('admin.entity')} value={draft.entity ?? ''} onChange={set('entity')}
            placeholder={t('common.all')} options={AUDIT_ENTITIES.map((e) => ({ value: e, label: AUDIT_ENTITY_LABELS[e][language] }))} />
          <TextField form="audit" name="entityId" label={t('admin.entityId')} value={draft.entityId ?? ''} onChange={set('entityId')} />
          <SelectField form="audit" name="actor" label={t('admin.actor')} value={draft.actor ?? ''} onChange={set('actor')}
            placeholder={t('common.all')} options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          <TextField form="audit" name="from" type="date" label={t('common.from')} value={draft.from ?? ''} onChange={set('from')} />
          <TextField form="audit" name="to" type="date" label={t('common.to')} value={draft.to ?? ''} onChange={set('to')} />
        </div>
        <div><Button type="submit">{t('admin.filter')}</Button></div>
      </form>
      {audit.isPending ? <Loading /> : audit.error ? <FormErrors form="audit" error={audit.error} /> : audit.data.length === 0 ? (
        <Paragraph>{t('admin.noAudit')}</Paragraph>
      ) : (
        <>
          <DataTable labelledBy="audit-heading" columns={[t('admin.when'), t('admin.actor'), t('admin.action'), t('admin.entity'), t('admin.change')]}>
            {audit.data.map((e) => (
              <Table.Row key={e.id}>
                <Table.Cell style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Cell>
                <Table.Cell>{e.actorName ?? 'system'}</Table.Cell>
                <Table.Cell>{AUDIT_ACTION_LABELS[e.action as TAuditAction]?.[language] ?? e.action}</Table.Cell>
                <Table.Cell>{AUDIT_ENTITY_LABELS[e.entity as TAuditEntity]?.[language] ?? e.entity}<div className="hit__meta">{e.entityId}</div></Table.Cell>
                <Table.Cell><Changes before={e.before} after={e.after} /></Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
          {audit.data.length >= limit ? (
            <Button type="button" variant="secondary" onClick={() => setLimit((l) => Math.min(l + 50, 1000))}>{t('admin.showMore')}</Button>
          ) : null}
        </>
      )}
      {audit.error ? <LoadError error={audit.error} /> : null}
    </section>
  );
}
