// Pure: ECharts options of the Croissance charts from the API's answer.
import type { ListGrowth } from '@crieur/api';
import { formatCount, formatDay, formatMonth, formatSigned } from '../format';
import type { ChartOption } from './echarts';

const COLORS: Record<string, string> = { membres: '#1c7ed6', democraties: '#d9480f', adherents: '#2f9e44' };
const SPARE = ['#7048e8', '#c2255c', '#0c8599'];
export const listColor = (slug: string, index: number) => COLORS[slug] ?? SPARE[index % SPARE.length]!;

export type ChartLabels = {
  entered: string;
  /** today's point, live until the day closes */
  today: string;
  /** a month not over yet */
  partial: string;
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
  // no `scale`: a value axis then always shows zero; people are counted whole (no 0,5 tick)
  yAxis: { type: 'value' as const, minInterval: 1, axisLabel: { formatter: (v: number) => formatCount(language, v) } },
});

/**
 * One line per list (subscribers measured at the end of each day, today's point hollow and labelled
 * provisional), entered counts as diamonds apart: a line never joins an entered count to a measured one.
 */
export function subscribersOption(
  lists: ListGrowth[],
  language: string,
  labels: ChartLabels,
  range?: { from: string; to: string },
): ChartOption {
  const lines = lists.map((l, i) => ({
    type: 'line',
    name: l.name,
    id: `line-${l.slug}`,
    color: listColor(l.slug, i),
    showSymbol: false,
    symbol: 'circle',
    lineStyle: { width: 2 },
    data: l.points.filter((p) => !p.entered).map((p) => [p.day, p.confirmed]),
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
  const today = lists
    .map((l, i) => ({
      type: 'scatter',
      name: `${l.name} (${labels.today})`,
      id: `today-${l.slug}`,
      color: listColor(l.slug, i),
      symbol: 'circle',
      symbolSize: 10,
      itemStyle: { color: '#ffffff', borderColor: listColor(l.slug, i), borderWidth: 2 },
      label: { show: true, position: 'left', formatter: labels.today, fontSize: 11 },
      labelLayout: { hideOverlap: true },
      data: l.points.filter((p) => p.provisional).map((p) => [p.day, p.confirmed]),
    }))
    .filter((s) => s.data.length);
  return {
    ...base(language, labels.description),
    // counts start from zero: an axis from 1,200 would make a small change look like a leap
    yAxis: { type: 'value', min: 0, minInterval: 1, axisLabel: { formatter: (v: number) => formatCount(language, v) } },
    // the lines and the entered marks in the legend; today's point says what it is on the chart
    legend: { bottom: 0, data: [...lines, ...entered].map((s) => s.name) },
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
    // the whole period asked for, even when the measurements began yesterday (not hours of one day)
    xAxis: { type: 'time', min: range?.from, max: range?.to, axisLabel: { hideOverlap: true } },
    series: [...lines, ...entered, ...today],
  };
}

/** Whether any month of any list has a net growth to draw. */
export const hasNetGrowth = (lists: ListGrowth[]) => lists.some((l) => l.monthly.some((m) => m.net !== null));
/** Something to draw in the moves chart: imports are not moves, so a list fed only by imports has none. */
export const hasMoves = (lists: ListGrowth[]) =>
  lists.some((l) => l.monthly.some((m) => m.subscribes > 0 || m.unsubscribes > 0));

function months(lists: ListGrowth[]): string[] {
  return lists[0]?.monthly.map((m) => m.month) ?? [];
}

/**
 * Net growth per month and list; a month of entered counts is drawn pale, the month in progress
 * dashed and named so on the axis.
 */
export function netGrowthOption(lists: ListGrowth[], language: string, labels: ChartLabels): ChartOption {
  const axis = months(lists);
  const partial = new Set(lists.flatMap((l) => l.monthly.filter((m) => m.partial).map((m) => m.month)));
  return {
    ...base(language, labels.description),
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => (v === null || v === undefined ? '–' : formatSigned(language, v)),
    },
    xAxis: {
      type: 'category',
      data: axis.map((m) => `${formatMonth(language, m, 'short')}${partial.has(m) ? ` (${labels.partial})` : ''}`),
    },
    series: lists.map((l, i) => ({
      type: 'bar',
      name: l.name,
      color: listColor(l.slug, i),
      data: l.monthly.map((m) => ({
        value: m.net,
        itemStyle: m.entered
          ? { opacity: 0.45 }
          : m.partial
            ? { opacity: 0.6, borderColor: listColor(l.slug, i), borderWidth: 1, borderType: 'dashed' }
            : undefined,
      })),
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
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { formatter: (v: number) => formatCount(language, Math.abs(v)) },
    },
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
