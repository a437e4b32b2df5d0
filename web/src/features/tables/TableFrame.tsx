// The frame of a data table: scrolls sideways on a narrow screen instead of widening the page, striped
// rows, full width, and a caption screen readers announce (hidden where a heading above says the same).
import { Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll';

export function TableFrame({ caption, testId, children }: { caption: string; testId?: string; children: ReactNode }) {
  return (
    <TableScroll>
      <Table zebra className="full-width" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </Table>
    </TableScroll>
  );
}
