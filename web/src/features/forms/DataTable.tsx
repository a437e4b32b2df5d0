// The list tables of the admin pages: a zebra table across the width with one header row, and the
// buttons of a row's Handlinger cell, each carrying the row's name for screen readers ("Slett Molde").
import { Button, Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { TableScroll } from '../tables/TableScroll';

/** `labelledBy`: the id of the heading that names the table (and its scroll region on a narrow screen). */
export function DataTable({ columns, labelledBy, children }: { columns: ReactNode[]; labelledBy: string; children: ReactNode }) {
  return (
    <TableScroll>
      <Table zebra className="full-width" aria-labelledby={labelledBy}>
        <Table.Head><Table.Row>
          {columns.map((c, i) => <Table.HeaderCell key={i}>{c}</Table.HeaderCell>)}
        </Table.Row></Table.Head>
        <Table.Body>{children}</Table.Body>
      </Table>
    </TableScroll>
  );
}

/** A small button in a row: its visible label, and the row it acts on for a screen reader. */
export function RowButton({ label, rowName, onClick, variant = 'secondary', danger, pressed }: {
  label: string; rowName: string; onClick: () => void; variant?: 'secondary' | 'tertiary'; danger?: boolean; pressed?: boolean;
}) {
  return (
    <Button type="button" variant={variant} data-size="sm" data-color={danger ? 'danger' : undefined} aria-pressed={pressed} onClick={onClick}>
      {label}<span className="sr-only"> {rowName}</span>
    </Button>
  );
}
