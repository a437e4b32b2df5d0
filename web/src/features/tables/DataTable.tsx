// The data table of every list: the frame (TableFrame) with one header row of `columns` above the rows
// the page gives as children. A column is its label, or { label, numeric } for a right-aligned figure.
import { Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { TableFrame, type TTableName } from './TableFrame';

export type TColumn = ReactNode | { label: ReactNode; numeric: true };

const isNumeric = (c: TColumn): c is { label: ReactNode; numeric: true } => typeof c === 'object' && c !== null && 'numeric' in c;

export function DataTable({ columns, className, testId, children, ...name }: TTableName & {
  columns: TColumn[]; className?: string; testId?: string; children: ReactNode;
}) {
  return (
    <TableFrame {...name} className={className} testId={testId}>
      <Table.Head>
        <Table.Row>
          {columns.filter((c) => c !== null && c !== false).map((c, i) => (
            isNumeric(c) ? <Table.HeaderCell key={i} className="num">{c.label}</Table.HeaderCell> : <Table.HeaderCell key={i}>{c}</Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Head>
      <Table.Body>{children}</Table.Body>
    </TableFrame>
  );
}
