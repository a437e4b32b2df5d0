// The row-level errors of a refused import file, named by row and column, shared by the ticket and the
// phone-statistics import. The server refuses a file with any error (preview and import alike, 400
// code file_rows) and lists the first of them with the total; the count says how many there are.
import { Paragraph, Table } from '@digdir/designsystemet-react';
import { ApiError } from '../../../api/client';
import { formatNumber } from '../format';
import { useSdT, type TSdKey } from '../messages';
import type { TRowIssue } from './api';
import { DataTable } from '../../tables/DataTable';

export type TRefusedFile = { issues: TRowIssue[]; issueCount: number };

/** The row issues of a refused file, when that is what the error is. */
export function refusedFileOf(error: unknown): TRefusedFile | null {
  if (!(error instanceof ApiError) || error.code !== 'file_rows') return null;
  const { issues, issueCount } = error.details as Partial<TRefusedFile>;
  return Array.isArray(issues) ? { issues, issueCount: typeof issueCount === 'number' ? issueCount : issues.length } : null;
}

export function IssuesTable({ issues, issueCount, columnLabel }: TRefusedFile & { columnLabel: (column: string) => string }) {
  const t = useSdT();
  return (
    <section className="stack panel" aria-labelledby="sd-import-issues-heading">
      <h3 id="sd-import-issues-heading" style={{ margin: 0 }}>{t('import.issuesHeading')}</h3>
      <Paragraph role="alert" data-testid="sd-import-issue-count">{t('import.issuesCount', { count: formatNumber(issueCount) })}</Paragraph>
      <Paragraph>{t('import.issuesIntro')}</Paragraph>
      <DataTable caption={t('import.issuesHeading')} testId="sd-import-issues" columns={[t('import.row'), t('import.column'), t('import.message')]}>
        {issues.map((issue, i) => (
          <Table.Row key={`${issue.row}:${issue.column}:${i}`}>
            <Table.Cell>{issue.row ?? '–'}</Table.Cell>
            <Table.Cell>{issue.column ? columnLabel(issue.column) : '–'}</Table.Cell>
            <Table.Cell>{issue.message}</Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
      {issueCount > issues.length ? <Paragraph data-size="sm">{t('import.issuesMore', { count: formatNumber(issues.length) })}</Paragraph> : null}
    </section>
  );
}

/** A field name the server used ("priority", "offered") as the page calls it; unknown names as they are. */
export function useColumnLabel(prefix: 'import.field' | 'phonestats') {
  const t = useSdT();
  const phone: Record<string, TSdKey> = {
    day: 'phonestats.day', offered: 'phonestats.offered', answered: 'phonestats.answered',
    meanWait: 'phonestats.meanWait', meanTalk: 'phonestats.meanTalk', municipality: 'phonestats.municipality',
  };
  return (column: string) => {
    if (prefix === 'phonestats') return phone[column] ? t(phone[column]) : column;
    const key = `import.field.${column}` as TSdKey;
    const text = t(key);
    return text === key ? column : text;
  };
}
