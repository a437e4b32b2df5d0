// The way back from a governance case to the proposal of the innovation pipeline it treats, on the
// meeting page. Governance knows nothing of proposals: the portfolio answers for the whole meeting at
// once (GET /api/portfolio/meetings/{id}/proposals). Every row asks with the same query key, so the
// agenda of any length costs one request; for most cases there is no proposal and nothing is shown.
import { Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useContentLang, useI18n } from '../../i18n';
import { useSession } from '../auth/session';
import { useMeetingProposals } from './api';
import { stepLabel } from './labels';
import { usePortfolioT } from './messages';

/** caseIds: the agenda's cases, so a changed agenda asks again. */
export function CaseProposalLink({ meetingId, caseId, caseIds }: { meetingId: string; caseId: string; caseIds: string[] }) {
  const t = usePortfolioT();
  const { language } = useI18n();
  const lang = useContentLang();
  const { user } = useSession();
  // Those who read the pipeline (the API's PIPELINE_READERS, and admin).
  const reads = user?.role === 'staff' || user?.role === 'council' || user?.role === 'admin';
  const links = useMeetingProposals(meetingId, caseIds, reads);
  const link = links.data?.links.find((l) => l.caseId === caseId);
  if (!link) return null;
  return (
    <Paragraph data-size="sm" data-testid="case-proposal">
      {t('portfolio.caseLink', { step: stepLabel(link.step, language).toLowerCase() })}{' '}
      <Link to="/portefolje/forslag/$id" params={{ id: link.proposalId }} lang={lang}>{link.title}</Link>
    </Paragraph>
  );
}
