// A line or bar chart of monthly series (Apache ECharts, SVG renderer). The table beside it holds the
// same figures; the chart's accessible name says what it shows and lists the values.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { formatNumber } from './format';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type TSeries = { name: string; values: (number | null)[] };
const COLORS = ['#1e5fa8', '#c8721f', '#2e7d32', '#8e24aa', '#00838f', '#6d4c41', '#c62828', '#546e7a', '#9e9d24', '#ad1457'];

export function KpiChart({ title, categories, series, kind = 'bar', stacked = false, testId }: {
  title: string; categories: string[]; series: TSeries[]; kind?: 'bar' | 'line'; stacked?: boolean; testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = JSON.stringify([categories, series, kind, stacked]);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      color: COLORS,
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatNumber(Number(v), Number.isInteger(Number(v)) ? 0 : 1) },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: categories },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
      series: series.map((s) => ({ name: s.name, type: kind, data: s.values, ...(stacked ? { stack: 'sum' } : {}) })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [signature]); // eslint-disable-line react-hooks/exhaustive-deps
  // A chart with no figures is not drawn: the table beside it, or the page's own sentence, says so.
  if (!series.some((s) => s.values.some((v) => v !== null && v !== 0))) return null;
  const summary = series.map((s) => `${s.name}: ${s.values.map((v) => formatNumber(v, v !== null && !Number.isInteger(v) ? 1 : 0)).join(', ')}`).join('; ');
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600 }}>{title}</figcaption>
      <div ref={ref} role="img" aria-label={`${title}. ${categories.join(', ')}. ${summary}`} data-testid={testId} style={{ width: '100%', height: '320px' }} />
    </figure>
  );
}
