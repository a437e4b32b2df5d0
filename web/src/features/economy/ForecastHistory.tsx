// Every forecast of the year, newest first: forecasts are kept, so the council can see how the year-end
// estimate moved, and a report as of an earlier date keeps using the forecast it was made with. A
// forecast typed wrong is corrected or deleted here (staff only see this list).
import { Details, Table } from '@digdir/designsystemet-react';
import { useEconomyT } from './messages';
import { formatDate, formatDateTime, formatKroner } from '../../i18n/format';
import { useForecasts } from './api';
import { CorrectableRow, CorrectableTable } from './CorrectableRow';
import type { TEconomyLine } from './types';

export function ForecastHistory({ year, lines }: { year: number; lines: TEconomyLine[] }) {
  const t = useEconomyT();
  const forecasts = useForecasts(year);
  const name = (lineId: string) => lines.find((l) => l.id === lineId)?.name ?? '';
  return (
    <Details>
      <Details.Summary>{t('economy.forecastHistory', { year })}</Details.Summary>
      <Details.Content>
        <CorrectableTable testId="forecast-history" captionHidden caption={t('economy.forecastHistoryCaption', { year })}
          columns={[{ label: t('economy.date') }, { label: t('economy.line') }, { label: t('economy.forecastKr'), numeric: true },
            { label: t('economy.comment') }, { label: t('economy.registered') }]}>
          {(forecasts.data ?? []).map((f) => (
            <CorrectableRow key={f.id} kind="forecasts" entry={f} lines={lines} columns={6}
              name={t('economy.correct.forecastName', { date: formatDate(f.date), line: name(f.lineId) })}
              fields={[
                { name: 'lineId', label: t('economy.line'), kind: 'line', value: f.lineId },
                { name: 'date', label: t('economy.date'), kind: 'date', value: f.date },
                { name: 'amountOre', label: t('economy.forecastKr'), kind: 'kroner', value: f.amountOre },
                { name: 'comment', label: t('economy.comment'), kind: 'text', value: f.comment },
              ]}
              cells={<>
                <Table.Cell>{formatDate(f.date)}</Table.Cell>
                <Table.Cell>{name(f.lineId)}</Table.Cell>
                <Table.Cell style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{formatKroner(f.amountOre)}</Table.Cell>
                <Table.Cell>{f.comment ?? ''}</Table.Cell>
                <Table.Cell>{formatDateTime(f.createdAt)}</Table.Cell>
              </>} />
          ))}
        </CorrectableTable>
      </Details.Content>
    </Details>
  );
}
