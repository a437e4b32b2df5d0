// The manager's page behind the approval mail's link (/utstyr/godkjenning?token=…). The token is the
// access (docs/decisions/0037): no sign-in, since approvers are municipal managers who need no samrad
// account. The page shows what is asked for, approves with one click or rejects with a reason, and a
// used, unknown or cut-off link gets one plain sentence instead of an error code.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { formatDate } from '../../../i18n/format';
import { FormErrors, TextField } from '../../forms/fields';
import { PageHeading, PageIntro } from '../../shell/PageHeading';
import { LoadError, Loading } from '../../shell/states';
import { useDecide, useDecisionCase, type TDecisionCase } from './api';
import { useEqcT } from './messages';

export function ApprovalPage({ token }: { token: string }) {
  const t = useEqcT();
  const lookup = useDecisionCase(token);
  const decide = useDecide();
  // The decision's answer is shown from the mutation itself; the lookup is never refetched (see useDecisionCase).
  if (decide.isSuccess) return <Decided name={lookup.data?.requestedBy ?? decide.data.userEmail} approved={decide.data.state === 'approved'} />;
  const unusable = token.length < 20 || (lookup.error instanceof ApiError && (lookup.error.status === 404 || lookup.error.status === 400));
  if (unusable || isUsedLink(decide.error)) return <UnusableLink />;
  if (lookup.isPending) return <Loading />;
  if (lookup.isError) return <div className="stack"><PageHeading>{t('eqc.approval.heading')}</PageHeading><LoadError error={lookup.error} /></div>;
  return <Decide token={token} c={lookup.data} decide={decide} />;
}

/** A link used in another tab meanwhile: the decision answers 404 as the lookup would have. */
const isUsedLink = (error: unknown) => error instanceof ApiError && error.status === 404;

function Decide({ token, c, decide }: { token: string; c: TDecisionCase; decide: ReturnType<typeof useDecide> }) {
  const t = useEqcT();
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const reject = () => {
    if (!reason.trim()) return setReasonMissing(true);
    decide.mutate({ token, decision: 'rejected', comment: reason.trim() });
  };
  return (
    <div className="stack">
      <PageIntro heading={t('eqc.approval.heading')}>
        {t('eqc.approval.intro', { name: c.requestedBy, email: c.userEmail, municipality: c.municipality })}
      </PageIntro>
      <section className="stack" aria-labelledby="eqc-approval-details">
        <Heading level={2} data-size="sm" id="eqc-approval-details">{t('eqc.approval.detailsHeading')}</Heading>
        <dl className="facts" data-testid="eqc-approval-case">
          <dt>{t('eqc.approval.model')}</dt><dd>{c.model}</dd>
          <dt>{t('eqc.approval.unit')}</dt><dd>{c.unit ?? t('eqc.approval.noUnit')}</dd>
          <dt>{t('eqc.approval.oldPc')}</dt>
          <dd>{t('eqc.approval.oldPcValue', { serial: c.device.serial, model: c.device.model ?? t('eqc.pc.unknown'), year: String(c.device.expiryYear) })}</dd>
          <dt>{t('eqc.approval.requestedOn')}</dt><dd>{formatDate(c.requestedOn)}</dd>
        </dl>
      </section>
      <section className="panel stack" aria-labelledby="eqc-approval-decide">
        <Heading level={2} data-size="sm" id="eqc-approval-decide">{t('eqc.approval.decideHeading')}</Heading>
        <FormErrors form="eqc-decide" error={decide.error} labels={{ comment: t('eqc.approval.reason') }} />
        <div>
          <Button type="button" disabled={decide.isPending} onClick={() => decide.mutate({ token, decision: 'approved', comment: null })}>
            {t('eqc.approval.approve')}
          </Button>
        </div>
        <form className="stack" noValidate onSubmit={(e) => { e.preventDefault(); reject(); }} aria-labelledby="eqc-approval-decide">
          <TextField form="eqc-decide" name="comment" label={t('eqc.approval.reason')} description={t('eqc.approval.reasonHelp', { name: c.requestedBy })}
            value={reason} onChange={(v) => { setReasonMissing(false); setReason(v); }} multiline rows={3} error={decide.error} />
          {reasonMissing ? <Alert data-color="warning" role="alert"><Paragraph>{t('eqc.approval.reasonMissing')}</Paragraph></Alert> : null}
          <div><Button type="submit" variant="secondary" disabled={decide.isPending}>{t('eqc.approval.reject')}</Button></div>
        </form>
      </section>
    </div>
  );
}

function Decided({ name, approved }: { name: string; approved: boolean }) {
  const t = useEqcT();
  return (
    <div className="stack">
      <PageHeading>{approved ? t('eqc.approval.approvedHeading') : t('eqc.approval.rejectedHeading')}</PageHeading>
      <Alert data-color="success" role="status">
        <Paragraph>{approved ? t('eqc.approval.approvedText', { name }) : t('eqc.approval.rejectedText', { name })}</Paragraph>
      </Alert>
    </div>
  );
}

function UnusableLink() {
  const t = useEqcT();
  return (
    <div className="stack" data-testid="eqc-unusable-link">
      <PageHeading>{t('eqc.approval.usedHeading')}</PageHeading>
      <Paragraph>{t('eqc.approval.usedText')}</Paragraph>
    </div>
  );
}
