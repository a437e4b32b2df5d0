// The row-level errors of an import preview, named by row and column, shared by the ticket and the
// phone-statistics import. The server stops listing after its cap; the caption says so.
import { Paragraph, Table } from '@digdir/designsystemet-react';
import { useSdT, type TSdKey } from '../messages';
import type { TRowIssue } from './api';

const SERVER_CAP = 100;

export function IssuesTable({ issues, columnLabel }: { issues: TRowIssue[]; columnLabel: (column: string) => string }) {
  const t = useSdT();
  return (
    <section className="stack" aria-labelledby="sd-import-issues-heading">
      <h3 id="sd-import-issues-heading" style={{ margin: 0 }}>{t('import.issuesHeading')}</h3>
      <Paragraph>{t('import.issuesIntro')}</Paragraph>
      <div className="table-scroll">
        <Table zebra className="full-width" data-testid="sd-import-issues">
          <caption className="sr-only">{t('import.issuesHeading')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('import.row')}</Table.HeaderCell>
              <Table.HeaderCell>{t('import.column')}</Table.HeaderCell>
              <Table.HeaderCell>{t('import.message')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {issues.map((issue, i) => (
              <Table.Row key={`${issue.row}:${issue.column}:${i}`}>
                <Table.Cell>{issue.row ?? '–'}</Table.Cell>
                <Table.Cell>{issue.column ? columnLabel(issue.column) : '–'}</Table.Cell>
                <Table.Cell>{issue.message}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {issues.length >= SERVER_CAP ? <Paragraph data-size="sm">{t('import.issuesMore', { count: issues.length })}</Paragraph> : null}
    </section>
  );
}

/** A field name the server used ("priority", "offered") as the page calls it; unknown names as they are. */
export function useColumnLabel(prefix: 'import.field' | 'phonestats') {
  const t = useSdT();
  const phone: Record<string, TSdKey> = {
    day: 'phonestats.day', offered: 'phonestats.offered', answered: 'phonestats.answered',
    meanWait: 'phonestats.meanWait', meanTalk: 'phonestats.meanTalk',
  };
  return (column: string) => {
    if (prefix === 'phonestats') return phone[column] ? t(phone[column]) : column;
    const key = `import.field.${column}` as TSdKey;
    const text = t(key);
    return text === key ? column : text;
  };
}
