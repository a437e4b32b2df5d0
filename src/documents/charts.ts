// Charts for papers and pages: ECharts rendered to SVG on the server (vector in the PDF, an image on the
// page), with the figures written out for the alt text; every chart is also printed as a table, for
// screen readers and for anyone who wants the numbers. Plain data in, SVG out; knows no module.
import * as echarts from 'echarts';

export type TChartSpec = {
  kind: 'bar' | 'line';
  title: string;
  unit: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** Print each bar's or point's figure on it, as the papers' charts do (seed 000). */
  valueLabels?: boolean;
  /** Bars drawn sideways, categories down the left: for long category names that would not fit under bars. */
  horizontal?: boolean;
};

const PALETTE = ['#1e5a8a', '#7fb3d5', '#e08a2c', '#3c8d5a', '#8a4f9e', '#b8b8b8', '#c4453c', '#5c5c5c', '#d9b43c'];

const figure = (v: number | null) => (v === null ? '–' : String(v).replace('.', ','));

/** "Nye saker per kategori (saker). Oktober: Maskiner og utstyr 386, …" */
export function chartAltText(spec: TChartSpec): string {
  const parts = spec.categories.map((c, i) => `${c}: ${spec.series.map((s) => `${s.name} ${figure(s.values[i] ?? null)}`).join(', ')}`);
  return `${spec.title} (${spec.unit}). ${parts.join('; ')}.`;
}

export function renderChartSvg(spec: TChartSpec, size: { width: number; height: number } = { width: 640, height: 300 }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: 'Libertinus Serif, serif', fontSize: 11 },
      grid: { left: 48, right: 16, top: 16, bottom: spec.series.length > 1 ? 56 : 32, containLabel: true },
      legend: spec.series.length > 1 ? { bottom: 0, data: spec.series.map((s) => s.name) } : undefined,
      ...(spec.horizontal
        ? {
          // Categories top to bottom in the order given, as the table under the chart lists them.
          yAxis: { type: 'category', data: spec.categories, inverse: true, axisLabel: { interval: 0 } },
          xAxis: { type: 'value', name: spec.unit, nameLocation: 'middle', nameGap: 22 },
        }
        : {
          xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, hideOverlap: true } },
          yAxis: { type: 'value', name: spec.unit, nameTextStyle: { align: 'left' } },
        }),
      series: spec.series.map((s) => ({
        type: spec.kind, name: s.name, data: s.values, barMaxWidth: 28,
        ...(spec.valueLabels ? { label: { show: true, position: spec.horizontal ? 'right' : 'top', fontSize: 9 } } : {}),
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
