// Charts for papers and pages: ECharts rendered to SVG on the server (vector in the PDF, an image on the
// page), with the figures written out for the alt text; every chart is also printed as a table, for
// screen readers and for anyone who wants the numbers. Plain data in, SVG out; knows no module.
import { createHash } from 'node:crypto';
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

/** The charts' colours in series order; the DOCX's charts of Word's own use them too. */
export const CHART_PALETTE = ['#1e5a8a', '#7fb3d5', '#e08a2c', '#3c8d5a', '#8a4f9e', '#b8b8b8', '#c4453c', '#5c5c5c', '#d9b43c'];

const figure = (v: number | null) => (v === null ? '–' : String(v).replace('.', ','));

/** "Nye saker per kategori (saker). Oktober: Maskiner og utstyr 386, …" */
export function chartAltText(spec: TChartSpec): string {
  const parts = spec.categories.map((c, i) => `${c}: ${spec.series.map((s) => `${s.name} ${figure(s.values[i] ?? null)}`).join(', ')}`);
  return `${spec.title} (${spec.unit}). ${parts.join('; ')}.`;
}

export type TChartSize = { width: number; height: number };
/** A chart as the papers place it: its title, the SVG and the figures in words. */
export type TPrintChart = { title: string; svg: string; alt: string };

/**
 * ECharts names its SVG's classes and clip paths by a counter that runs on for the whole process
 * (`zr7-cls-42`), so the same chart came out as different bytes each time: nothing could be reused, and
 * Typst, which keeps what it parsed by the bytes, parsed every chart of a report again on every render.
 * Renamed here in order of appearance after a hash of the chart, the same chart is the same SVG.
 */
function stableNames(svg: string, key: string): string {
  const prefix = `c${createHash('sha256').update(key).digest('hex').slice(0, 10)}-`;
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-[A-Za-z]*-?\d+\b/g, (name) => {
    let stable = names.get(name);
    if (!stable) {
      stable = `${prefix}${names.size}`;
      names.set(name, stable);
    }
    return stable;
  });
}

/**
 * Charts set lately, by their data and size. Setting one costs 20–80 ms of the main thread; a report has
 * a dozen or two, and the same figures are set again for the page, the PDF and each reload of a draft.
 * Bounded by count (a chart's SVG is 5–30 kB, so at most a few MB).
 */
const recent = new Map<string, TPrintChart>();
const RECENT_CHARTS = 300;

/** The chart as the papers and the page place it (SVG, alt text with the figures), set once per data and size. */
export function printChart(spec: TChartSpec, size?: TChartSize): TPrintChart {
  const key = JSON.stringify([spec, size ?? null]);
  const hit = recent.get(key);
  if (hit) {
    // Most recently used last, so the oldest is the first to go.
    recent.delete(key);
    recent.set(key, hit);
    return hit;
  }
  const chart: TPrintChart = { title: spec.title, svg: stableNames(renderChartSvg(spec, size), key), alt: chartAltText(spec) };
  recent.set(key, chart);
  if (recent.size > RECENT_CHARTS) recent.delete(recent.keys().next().value!);
  return chart;
}

/** Forgets the charts set so far: for a benchmark that measures setting them. */
export function forgetPrintedCharts(): void {
  recent.clear();
}

function renderChartSvg(spec: TChartSpec, size: TChartSize = { width: 640, height: 300 }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      animation: false,
      color: CHART_PALETTE,
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
