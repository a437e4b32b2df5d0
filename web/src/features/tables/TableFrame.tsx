// The frame of a data table: scrolls sideways on a narrow screen instead of widening the page, striped
// rows, full width, and a name screen readers announce: a caption (hidden where a heading above says the
// same), or the id of the heading that names it.
import { Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll';

export type TTableName = { caption: string; labelledBy?: undefined } | { labelledBy: string; caption?: undefined };

export function TableFrame({ caption, labelledBy, className, testId, children }: TTableName & {
  className?: string; testId?: string; children: ReactNode;
}) {
  return (
    <TableScroll>
      <Table zebra className={className ? `full-width ${className}` : 'full-width'} data-testid={testId} aria-labelledby={labelledBy}>
        {caption === undefined ? null : <caption className="sr-only">{caption}</caption>}
        {children}
      </Table>
    </TableScroll>
  );
}
