// «Mine bestillinger» (/utstyr/mine): the signed-in user's own PC replacements with their status, each
// linking to its page, and, for an approver signed in with the address the requests went to, the
// requests waiting for them with «Godkjenn» and «Avslå» (a rejection needs a reason). Whose rows these
// are is the server's answer (their own; the ones sent to them), never filtered here.
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api, ok } from '../../../api/client';
import { formatDate } from '../../../i18n/format';
import { FormErrors, TextField } from '../../forms/fields';
import { PageIntro } from '../../shell/PageHeading';
import { LoadError, Loading } from '../../shell/states';
import { DataTable } from '../../tables/DataTable';
import { useReplacements, type TReplacement } from './api';
import { replacementStateKey, useEqcT } from './messages';

function useApprovals() {
  return useQuery({
    queryKey: ['equipment', 'approvals'] as const,
    queryFn: async () => (await ok(api.GET('/api/equipment/approvals'))).replacements,
  });
}

export function MyOrdersPage() {
  const t = useEqcT();
  const own = useReplacements(undefined);
  const approvals = useApprovals();
  return (
    <div className="stack">
      <PageIntro heading={t('eqc.mine.heading')}>{t('eqc.mine.intro')}</PageIntro>
      {approvals.data && approvals.data.length > 0 ? (
        <section className="stack" aria-labelledby="eqc-waiting-heading">
          <Heading level={2} data-size="sm" id="eqc-waiting-heading">{t('eqc.mine.waiting')}</Heading>
          {approvals.data.map((r) => <DecisionItem key={r.id} r={r} />)}
        </section>
      ) : null}
      <section className="stack" aria-labelledby="eqc-own-heading">
        <Heading level={2} data-size="sm" id="eqc-own-heading">{t('eqc.mine.own')}</Heading>
        {own.isPending ? <Loading /> : own.isError ? <LoadError error={own.error} /> : own.data.length === 0 ? (
          <Paragraph>{t('eqc.mine.none')}</Paragraph>
        ) : (
          <DataTable caption={t('eqc.mine.caption')} testId="eqc-mine" columns={[t('eqc.pc.serial'), t('eqc.mine.col.model'), t('eqc.mine.col.state'), t('eqc.mine.col.last')]}>
            {own.data.map((r) => (
              <Table.Row key={r.id} data-testid={`eqc-mine-${r.device.serial}`}>
                <Table.Cell><Link to="/utstyr/bytte/$id" params={{ id: r.id }}>{r.device.serial}</Link></Table.Cell>
                <Table.Cell>{r.model ?? t('eqc.dash')}</Table.Cell>
                <Table.Cell>{t(replacementStateKey(r.state))}</Table.Cell>
                <Table.Cell>{r.steps.length > 0 ? formatDate(r.steps[r.steps.length - 1]!.on) : t('eqc.dash')}</Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}

function DecisionItem({ r }: { r: TReplacement }) {
  const t = useEqcT();
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'approved' | 'rejected') => ok(api.POST('/api/equipment/replacements/{id}/decision', {
      params: { path: { id: r.id } }, body: { decision, comment: comment.trim() || null, revision: r.revision },
    })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['equipment'] }),
  });
  const form = `eqc-decide-${r.id}`;
  return (
    <form id={form} className="stack" aria-label={t('eqc.mine.decideLabel', { user: r.userEmail })} data-testid={`eqc-waiting-${r.device.serial}`}
      onSubmit={(e) => e.preventDefault()}>
      <Paragraph>{t('eqc.mine.request', { user: r.userEmail, model: r.model ?? '', serial: r.device.serial })}</Paragraph>
      <FormErrors form={form} error={decide.error} labels={{ comment: t('eqc.mine.comment') }} />
      <TextField form={form} name="comment" label={t('eqc.mine.comment')} value={comment} onChange={setComment} error={decide.error} />
      <div className="row">
        <Button type="button" disabled={decide.isPending} onClick={() => decide.mutate('approved')}>{t('eqc.mine.approve')}</Button>
        <Button type="button" variant="secondary" disabled={decide.isPending} onClick={() => decide.mutate('rejected')}>{t('eqc.mine.reject')}</Button>
      </div>
    </form>
  );
}
