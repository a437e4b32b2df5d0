// The public reads an economy report as it stood when it was published with a meeting. When figures
// dated on or before that date have changed since, staff and the council are told here, so they can
// publish again (or leave the published paper as it was) knowingly.
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useEconomyT } from './messages';
import { formatDate } from '../../i18n/format';
import { useEconomyPublications } from './api';

export function PublishedCopyNotice({ year }: { year: number }) {
  const t = useEconomyT();
  const publications = useEconomyPublications(year);
  const differing = [...new Set((publications.data ?? []).filter((p) => p.differsFromLive).map((p) => p.asOf))];
  if (!differing.length) return null;
  return (
    <Alert data-color="warning" data-testid="published-copy-differs">
      {differing.map((asOf) => <Paragraph key={asOf}>{t('economy.publishedCopyDiffers', { date: formatDate(asOf) })}</Paragraph>)}
    </Alert>
  );
}
