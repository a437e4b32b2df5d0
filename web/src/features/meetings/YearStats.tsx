// Meetings held and cases minuted per body in a year: the figures the annual report quotes.
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { useMeetingsT } from './messages';
import { LoadError, Loading } from '../shell/states';
import { TableScroll } from '../tables/TableScroll';

export function YearStats({ year }: { year: number }) {
  const t = useMeetingsT();
  const stats = useQuery({
    queryKey: ['governance-stats', year],
    queryFn: () => ok(api.GET('/api/governance/stats', { params: { query: { year } } })),
  });
  return (
    <section className="stack" aria-labelledby="stats-heading">
      <Heading level={2} data-size="sm" id="stats-heading">{t('stats.heading', { year })}</Heading>
      {stats.isPending ? <Loading /> : stats.error ? <LoadError error={stats.error} /> : stats.data.bodies.length === 0 ? (
        <Paragraph>{t('stats.none')}</Paragraph>
      ) : (
        <TableScroll>
        <Table zebra className="full-width" data-size="sm">
          <caption className="sr-only">{t('stats.heading', { year })}</caption>
          <Table.Head><Table.Row>
            <Table.HeaderCell>{t('meeting.body')}</Table.HeaderCell>
            <Table.HeaderCell>{t('stats.meetingsHeld')}</Table.HeaderCell>
            <Table.HeaderCell>{t('stats.casesMinuted')}</Table.HeaderCell>
          </Table.Row></Table.Head>
          <Table.Body>
            {stats.data.bodies.map((b) => (
              <Table.Row key={b.bodyId}>
                <Table.Cell>{b.bodyName}</Table.Cell>
                <Table.Cell>{b.meetingsHeld}</Table.Cell>
                <Table.Cell>{b.casesMinuted}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        </TableScroll>
      )}
    </section>
  );
}
