// The audit log: who changed what, when, with before and after; filtered by entity, id, user and period.
import { Button, Details, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useAdminT } from './messages';
import { formatDateTime } from '../../i18n/format';
import { DataTable } from '../tables/DataTable';
import { FormErrors, SelectField, TextField } from '../forms/fields';
import { LoadError, Loading } from '../shell/states';
import { useAudit, useUsers, type TAuditFilters } from './api';
import { AUDIT_ENTITIES } from '../../../../src/modules/audit/vocabulary';

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span>–</span>;
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

export function AuditAdmin() {
  const t = useAdminT();
  const users = useUsers();
  const [draft, setDraft] = useState<TAuditFilters>({});
  const [filters, setFilters] = useState<TAuditFilters>({});
  const [limit, setLimit] = useState(50);
  const audit = useAudit(filters, limit);
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
            placeholder={t('common.all')} options={AUDIT_ENTITIES.map((e) => ({ value: e, label: e }))} />
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
                <Table.Cell>{e.action}</Table.Cell>
                <Table.Cell>{e.entity}<div className="hit__meta">{e.entityId}</div></Table.Cell>
                <Table.Cell>
                  <Details>
                    <Details.Summary>{t('admin.beforeAfter')}</Details.Summary>
                    <Details.Content>
                      <div className="before-after">
                        <div><strong>{t('admin.before')}</strong><Json value={e.before} /></div>
                        <div><strong>{t('admin.after')}</strong><Json value={e.after} /></div>
                      </div>
                    </Details.Content>
                  </Details>
                </Table.Cell>
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
