// One data block on the page: its charts as the server's SVG (an image whose alt text holds the
// figures) followed by the figures in a table, its tables and notes, and whether the figures are frozen.
import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { TRenderedBlock } from './api';
import { useReportsT } from './messages';

type TTable = TRenderedBlock['data']['tables'][number];

/**
 * A paper leaves a row's label blank under the same label (a municipality's second category, say); a
 * screen reader still needs the row's name, so the label above is read, unseen.
 */
function rowLabelAbove(table: TTable, row: number): string {
  for (let i = row - 1; i >= 0; i--) if (table.rows[i]!.cells[0]) return table.rows[i]!.cells[0]!;
  return '';
}

/** A column without a printed label (the row labels' column) still gets a header for screen readers. */
function BlockTable({ table, rowLabel, label }: { table: TTable; rowLabel: string; label: string }) {
  return (
    // Focusable, so a keyboard user can scroll a table wider than a 320 px screen.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <Table zebra data-size="sm" className="full-width">
        <caption>{table.caption}{table.unit ? ` (${table.unit})` : ''}</caption>
        <Table.Head>
          <Table.Row>
            {table.columns.map((c, i) => (
              <Table.HeaderCell key={i} style={{ textAlign: c.align }}>{c.label || <span className="sr-only">{rowLabel}</span>}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {table.rows.map((r, i) => (
            <Table.Row key={i}>
              {r.cells.map((cell, j) => (j === 0
                ? <Table.HeaderCell key={j} scope="row" style={{ fontWeight: r.sum ? 700 : 400 }}>{cell || <span className="sr-only">{rowLabelAbove(table, i)}</span>}</Table.HeaderCell>
                : <Table.Cell key={j} style={{ textAlign: table.columns[j]?.align, fontWeight: r.sum ? 700 : undefined }}>{cell}</Table.Cell>))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/**
 * `place` names where the block stands (its section's number, and its place when a section has several):
 * each table's scroll region is a landmark, and two may not share a name (axe landmark-unique).
 */
export function DataBlock({ block, place }: { block: TRenderedBlock; place: string }) {
  const t = useReportsT();
  const { data } = block;
  return (
    <figure className="data-block" aria-label={data.title}>
      {data.charts.map((c, i) => (
        <div key={i} className="data-block__chart">
          <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(c.svg)}`} alt={c.alt} className="data-block__svg" />
        </div>
      ))}
      {data.tables.map((table, i) => (
        <BlockTable key={i} table={table} rowLabel={t('reports.rowLabel')} label={`${table.caption} (${place}${data.tables.length > 1 ? `.${i + 1}` : ''})`} />
      ))}
      {data.notes.map((n, i) => <Paragraph key={i} data-size="sm">{n}</Paragraph>)}
      <figcaption className="data-block__source">
        {block.frozen ? t('reports.frozen') : t('reports.live')}
        {data.source !== 'live' ? ` ${t(data.source === 'entered' ? 'reports.source.entered' : 'reports.source.mixed')}` : null}
      </figcaption>
    </figure>
  );
}
