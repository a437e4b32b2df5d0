// Sortable table headers (Designsystemet renders a button inside the <th> and sets aria-sort) and a
// CSV download of what the table shows, for people who continue in a spreadsheet.
import { Table } from '@digdir/designsystemet-react';
import { useMemo, useState, type ReactNode } from 'react';

type TDirection = 'ascending' | 'descending';

export function useSorted<T, K extends string>(rows: T[], keys: Record<K, (row: T) => string | number>, initial: { key: NoInfer<K>; direction: TDirection }) {
  const [sort, setSort] = useState<{ key: K; direction: TDirection }>(initial);
  const sorted = useMemo(() => {
    const value = keys[sort.key];
    const factor = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'nb');
      return order * factor;
    });
  }, [rows, keys, sort]);
  const header = (key: K, children: ReactNode) => (
    <Table.HeaderCell
      sort={sort.key === key ? sort.direction : 'none'}
      onClick={() => setSort((s) => ({ key, direction: s.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }))}
    >
      {children}
    </Table.HeaderCell>
  );
  return { sorted, header };
}

/** Semicolon-separated with a BOM: what Norwegian Excel opens without asking. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  const cell = (v: string | number | null | undefined) => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\uFEFF' + rows.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

export function downloadCsv(filename: string, rows: (string | number | null | undefined)[][]) {
  const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}
