// The way back from a governance case to the proposal of the innovation pipeline it treats, on the
// meeting page. Governance knows nothing of proposals: the portfolio answers for the case
// (GET /api/portfolio/cases/{id}/proposal), and for most cases there is none, so nothing is shown.
import { Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useContentLang, useI18n } from '../../i18n';
import { useSession } from '../auth/session';
import { useCaseProposal } from './api';
import { stepLabel } from './labels';
import { usePortfolioT } from './messages';

export function CaseProposalLink({ caseId }: { caseId: string }) {
  const t = usePortfolioT();
  const { language } = useI18n();
  const lang = useContentLang();
  const { user } = useSession();
  // Those who read the pipeline (the API's PIPELINE_READERS, and admin).
  const reads = user?.role === 'staff' || user?.role === 'council' || user?.role === 'admin';
  const link = useCaseProposal(caseId, reads);
  if (!link.data) return null;
  return (
    <Paragraph data-size="sm" data-testid="case-proposal">
      {t('portfolio.caseLink', { step: stepLabel(link.data.step, language).toLowerCase() })}{' '}
      <Link to="/portefolje/forslag/$id" params={{ id: link.data.proposalId }} lang={lang}>{link.data.title}</Link>
    </Paragraph>
  );
}
