// Pure: ECharts options of the Croissance charts from the API's answer.
import type { ListGrowth } from '@crieur/api';
import { formatCount, formatDay, formatMonth, formatSigned } from '../format';
import type { ChartOption } from './echarts';

const COLORS: Record<string, string> = { membres: '#1c7ed6', democraties: '#d9480f', adherents: '#2f9e44' };
const SPARE = ['#7048e8', '#c2255c', '#0c8599'];
export const listColor = (slug: string, index: number) => COLORS[slug] ?? SPARE[index % SPARE.length]!;

export type ChartLabels = {
  entered: string;
  subscribes: string;
  unsubscribes: string;
  net: string;
  description: string;
};

const font = { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' };
const base = (language: string, description: string) => ({
  textStyle: font,
  animationDuration: 400,
  aria: { enabled: true, label: { description } },
  // the legend under the plot may wrap on narrow screens without covering it
  grid: { left: 8, right: 16, top: 16, bottom: 64, containLabel: true },
  legend: { bottom: 0 },
  yAxis: { type: 'value' as const, scale: true, axisLabel: { formatter: (v: number) => formatCount(language, v) } },
});

/** One line per list (subscribers at the end of each day), entered counts marked with a diamond. */
export function subscribersOption(lists: ListGrowth[], language: string, labels: ChartLabels): ChartOption {
  const lines = lists.map((l, i) => ({
    type: 'line',
    name: l.name,
    id: `line-${l.slug}`,
    color: listColor(l.slug, i),
    showSymbol: false,
    symbol: 'circle',
    lineStyle: { width: 2 },
    data: l.points.map((p) => [p.day, p.confirmed]),
  }));
  const entered = lists
    .map((l, i) => ({
      type: 'scatter',
      name: `${l.name} (${labels.entered})`,
      id: `entered-${l.slug}`,
      color: listColor(l.slug, i),
      symbol: 'diamond',
      symbolSize: 12,
      label: { show: true, position: 'top', formatter: labels.entered, fontSize: 11 },
      data: l.points.filter((p) => p.entered).map((p) => [p.day, p.confirmed]),
    }))
    .filter((s) => s.data.length);
  return {
    ...base(language, labels.description),
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => formatCount(language, v),
      axisPointer: {
        label: {
          formatter: (p: { value: number | string }) =>
            formatDay(language, new Date(p.value).toISOString().slice(0, 10)),
        },
      },
    },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
    series: [...lines, ...entered],
  };
}

function months(lists: ListGrowth[]): string[] {
  return lists[0]?.monthly.map((m) => m.month) ?? [];
}

/** Net growth per month and list; a month resting on an entered count is drawn pale. */
export function netGrowthOption(lists: ListGrowth[], language: string, labels: ChartLabels): ChartOption {
  const axis = months(lists);
  return {
    ...base(language, labels.description),
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => (v === null || v === undefined ? '–' : formatSigned(language, v)),
    },
    xAxis: { type: 'category', data: axis.map((m) => formatMonth(language, m, 'short')) },
    series: lists.map((l, i) => ({
      type: 'bar',
      name: l.name,
      color: listColor(l.slug, i),
      data: l.monthly.map((m) => ({ value: m.net, itemStyle: m.entered ? { opacity: 0.45 } : undefined })),
    })),
  };
}

/** Subscribes up and unsubscribes down, per month and list. */
export function movesOption(lists: ListGrowth[], language: string, labels: ChartLabels): ChartOption {
  const axis = months(lists);
  return {
    ...base(language, labels.description),
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatCount(language, Math.abs(v)) },
    // up to six entries: more room for the legend
    grid: { left: 8, right: 16, top: 16, bottom: 96, containLabel: true },
    xAxis: { type: 'category', data: axis.map((m) => formatMonth(language, m, 'short')) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCount(language, Math.abs(v)) } },
    series: lists.flatMap((l, i) => [
      {
        type: 'bar',
        name: `${l.name} · ${labels.subscribes}`,
        stack: l.slug,
        color: listColor(l.slug, i),
        data: l.monthly.map((m) => m.subscribes),
      },
      {
        type: 'bar',
        name: `${l.name} · ${labels.unsubscribes}`,
        stack: l.slug,
        color: listColor(l.slug, i),
        itemStyle: { opacity: 0.5 },
        data: l.monthly.map((m) => -m.unsubscribes),
      },
    ]),
  };
}
