// The economy report published with a meeting, on the public meeting page: the same two tables as the
// economy page (whole thousands, SUM from the unrounded amounts), read-only, without the forecast
// comments (the server strips them from the public copy). Nothing shows when none is published.
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEconomyT } from '../economy/messages';
import { formatDate } from '../../i18n/format';
import { ReportTable } from '../economy/ReportTable';
import { LoadError } from '../shell/states';
import { usePublishedEconomyReport } from './api';

export function PublicEconomyReport({ meetingId }: { meetingId: string }) {
  const t = useEconomyT();
  const report = usePublishedEconomyReport(meetingId);
  if (report.isPending || report.data === null) return null;
  if (report.error) return <LoadError error={report.error} />;
  const r = report.data;
  return (
    <section aria-labelledby="public-economy-heading" className="stack" data-testid="public-economy">
      <Heading level={2} data-size="md" id="public-economy-heading">{t('economy.public.heading', { year: r.year })}</Heading>
      <Paragraph>
        {r.mode === 'arsslutt'
          ? t('economy.yearEndIntro', { year: r.year })
          : t('economy.asOfIntro', { date: formatDate(r.asOf), period: r.throughPeriod })}
      </Paragraph>
      <ReportTable caption={t('economy.operatingHeading')} firstColumn={t('economy.expenseType')} table={r.operating} mode={r.mode} testId="public-operating-table" />
      <ReportTable caption={t('economy.investmentHeading')} firstColumn={t('economy.project')} table={r.investment} mode={r.mode} testId="public-investment-table" />
    </section>
  );
}
