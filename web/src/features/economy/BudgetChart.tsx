// Budget against forecast per line, as bars (Apache ECharts, SVG renderer). The table above holds the
// same figures for screen readers; the chart's label says what it shows and lists the values.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useEconomyT } from './messages';
import { formatThousands } from '../../i18n/format';
import type { TReportTable } from './types';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export function BudgetChart({ title, table, testId }: { title: string; table: TReportTable; testId: string }) {
  const t = useEconomyT();
  const ref = useRef<HTMLDivElement>(null);
  const names = table.rows.map((r) => r.name);
  const budget = table.rows.map((r) => r.figures.budget);
  const forecast = table.rows.map((r) => r.figures.forecast);

  const budgetName = t('economy.col.budget');
  const forecastName = t('economy.col.forecast');

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => t('economy.chart.value', { value: formatThousands(Number(v)) }) },
      legend: { data: [budgetName, forecastName] },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatThousands(v) } },
      yAxis: { type: 'category', data: names, inverse: true },
      series: [
        { name: budgetName, type: 'bar', data: budget, itemStyle: { color: '#1e5fa8' } },
        { name: forecastName, type: 'bar', data: forecast, itemStyle: { color: '#c8721f' } },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [names.join('|'), budget.join('|'), forecast.join('|'), t]); // eslint-disable-line react-hooks/exhaustive-deps

  const summary = table.rows.map((r) => t('economy.chart.row', {
    name: r.name, budget: formatThousands(r.figures.budget), forecast: formatThousands(r.figures.forecast),
  })).join('; ');
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600 }}>{title}</figcaption>
      <div ref={ref} role="img" aria-label={t('economy.chart.label', { title, summary })} data-testid={testId}
        data-forecast={forecast.join(';')} style={{ width: '100%', height: `${Math.max(220, names.length * 44 + 60)}px` }} />
    </figure>
  );
}
