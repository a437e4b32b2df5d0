// The one way every import (tickets, phone statistics, ledger) reports a bad file: the first
// MAX_ROW_ISSUES problems, each with the row as the file shows it (the header is row 1) and the column,
// and how many there are in all. A file with any problem is refused whole, in preview and commit alike.
import { HttpError } from '../../server/errors.js';

export type TRowIssue = { row: number | null; column: string | null; message: string };
export const MAX_ROW_ISSUES = 100;

/** Keeps the first MAX_ROW_ISSUES issues and counts every one, so a row's validity never depends on the cap. */
export class RowIssues {
  readonly list: TRowIssue[] = [];
  total = 0;

  add(issue: TRowIssue) {
    this.total += 1;
    if (this.list.length < MAX_ROW_ISSUES) this.list.push(issue);
  }

  get count() {
    return this.total;
  }

  /** The listed issues in row order (a row's own issues in the order found) and the total. */
  summary(): TRowIssueSummary {
    return { issues: [...this.list].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)), issueCount: this.total };
  }
}

export type TRowIssueSummary = { issues: TRowIssue[]; issueCount: number };

/**
 * The 400 that refuses a file: the first issue as the message (what a person reads first), the listed
 * issues as fields (`rows.<row>.<column>`) and as rows, and the total.
 */
export function refuseFile({ issues: list, issueCount }: TRowIssueSummary): HttpError {
  const first = list[0];
  const more = issueCount > 1 ? ` (og ${issueCount - 1} feil til${issueCount > list.length ? `; de første ${list.length} vises` : ''})` : '';
  const message = first ? `${first.message}${more}; ingenting er lagret` : 'Filen har feil; ingenting er lagret';
  return new HttpError(400, 'file_rows', message, list.map((i) => ({
    path: i.row === null ? 'file' : `rows.${i.row}.${i.column ?? 'file'}`,
    message: i.message,
  })), undefined, { issues: list, issueCount });
}
