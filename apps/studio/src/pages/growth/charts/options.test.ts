import { describe, expect, it } from 'vitest';
import type { ListGrowth, MonthFigures } from '@crieur/api';
import { lineFigureRows } from './line-figures';
import { hasNetGrowth, listColor, movesOption, netGrowthOption, subscribersOption, type ChartLabels } from './options';

const NNBSP = '\u202f';

// the parts of an ECharts option these tests read
type Series = {
  type: string;
  name: string;
  id?: string;
  color: string;
  stack?: string;
  data: unknown[];
};
type Shape = {
  series: Series[];
  xAxis: { type: string; data?: string[] };
  yAxis: { min?: number; scale?: boolean; axisLabel: { formatter: (v: number) => string } };
  legend: { data?: string[] };
  tooltip: {
    valueFormatter: (v: number | null) => string;
    axisPointer?: { label: { formatter: (p: { value: number | string }) => string } };
  };
  aria: { enabled: boolean; label: { description: string } };
};
const read = (option: unknown) => option as Shape;

const labels: ChartLabels = {
  entered: 'saisi',
  today: 'aujourd’hui (provisoire)',
  partial: 'en cours',
  subscribes: 'inscriptions',
  unsubscribes: 'désinscriptions',
  net: 'solde',
  description: 'Abonné·es par liste',
};

const month = (partial: Partial<MonthFigures> & { month: string }): MonthFigures => ({
  opening: null,
  closing: null,
  net: null,
  entered: false,
  partial: false,
  subscribes: 0,
  unsubscribes: 0,
  ...partial,
});

const list = (slug: string, name: string, partial: Partial<ListGrowth> = {}): ListGrowth => ({
  slug,
  name,
  points: [],
  daily: [],
  entered: [],
  monthly: [],
  headline: { confirmedNow: 0, year: 2026, since: null, entered: null },
  ...partial,
});

const membres = list('membres', 'Membres', {
  points: [
    { day: '2026-01-01', confirmed: 1200, entered: true, provisional: false },
    { day: '2026-01-02', confirmed: 1214, entered: false, provisional: false },
    { day: '2026-01-03', confirmed: 1230, entered: false, provisional: false },
    { day: '2026-02-27', confirmed: 1226, entered: false, provisional: false },
    { day: '2026-02-28', confirmed: 1225, entered: false, provisional: true },
  ],
  monthly: [
    month({ month: '2026-01', net: 30, entered: true, subscribes: 40, unsubscribes: 10 }),
    month({ month: '2026-02', net: -5, partial: true, subscribes: 3, unsubscribes: 8 }),
  ],
});
const democraties = list('democraties', 'démocratieS', {
  points: [
    { day: '2026-01-01', confirmed: 3355, entered: false, provisional: false },
    { day: '2026-01-02', confirmed: 3356, entered: false, provisional: false },
  ],
  monthly: [month({ month: '2026-01', net: null }), month({ month: '2026-02', net: 1, subscribes: 1 })],
});

describe('listColor', () => {
  it('keeps each known list in its colour and gives others a spare one by position', () => {
    expect(listColor('membres', 5)).toBe('#1c7ed6');
    expect(listColor('democraties', 0)).toBe('#d9480f');
    expect(listColor('autre', 0)).toBe('#7048e8');
    expect(listColor('autre', 1)).toBe('#c2255c');
    expect(listColor('autre', 3)).toBe('#7048e8');
  });
});

describe('subscribersOption', () => {
  const option = read(subscribersOption([membres, democraties], 'fr', labels));

  it('draws one measured line per list, the entered counts apart, and today marked provisional', () => {
    expect(option.series.map((s) => [s.type, s.id])).toEqual([
      ['line', 'line-membres'],
      ['line', 'line-democraties'],
      ['scatter', 'entered-membres'],
      ['scatter', 'today-membres'],
    ]);
    // the entered January count is not joined to the measured days
    expect(option.series[0]!.data).toEqual([
      ['2026-01-02', 1214],
      ['2026-01-03', 1230],
      ['2026-02-27', 1226],
      ['2026-02-28', 1225],
    ]);
    expect(option.series[2]).toMatchObject({ name: 'Membres (saisi)', data: [['2026-01-01', 1200]] });
    expect(option.series[3]).toMatchObject({
      name: 'Membres (aujourd’hui (provisoire))',
      data: [['2026-02-28', 1225]],
      label: { show: true, formatter: 'aujourd’hui (provisoire)' },
    });
    expect(option.legend.data).toEqual(['Membres', 'démocratieS', 'Membres (saisi)']);
  });

  it('counts subscribers from zero, over the whole period asked for', () => {
    expect(option.yAxis.min).toBe(0);
    expect(option.yAxis.scale).toBeUndefined();
    const ranged = subscribersOption([membres], 'fr', labels, { from: '2025-03-01', to: '2026-02-28' }) as {
      xAxis: { min?: string; max?: string };
    };
    expect([ranged.xAxis.min, ranged.xAxis.max]).toEqual(['2025-03-01', '2026-02-28']);
  });

  it('gives a list the same colour in its line and its marks', () => {
    expect(option.series[0]!.color).toBe(option.series[2]!.color);
    expect(option.series[0]!.color).not.toBe(option.series[1]!.color);
  });

  it('writes figures and days in French, and describes itself to screen readers', () => {
    expect(option.yAxis.axisLabel.formatter(3355)).toBe(`3${NNBSP}355`);
    expect(option.tooltip.valueFormatter(3355)).toBe(`3${NNBSP}355`);
    expect(option.tooltip.axisPointer!.label.formatter({ value: Date.UTC(2026, 0, 2) })).toBe('02/01/2026');
    expect(option.aria).toEqual({ enabled: true, label: { description: 'Abonné·es par liste' } });
  });

  it('uses the English formats in English', () => {
    const english = read(subscribersOption([membres], 'en', labels));
    expect(english.yAxis.axisLabel.formatter(3355)).toBe('3,355');
  });
});

describe('netGrowthOption', () => {
  const option = read(netGrowthOption([membres, democraties], 'fr', labels));

  it('puts the months on the axis, short and in French', () => {
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['janv. 2026', 'févr. 2026 (en cours)'] });
  });

  it('draws an entered month pale and the month in progress dashed, named so on the axis', () => {
    expect(option.series[0]!.data).toEqual([
      { value: 30, itemStyle: { opacity: 0.45 } },
      { value: -5, itemStyle: { opacity: 0.6, borderColor: '#1c7ed6', borderWidth: 1, borderType: 'dashed' } },
    ]);
    expect(option.series[1]!.data).toEqual([
      { value: null, itemStyle: undefined },
      { value: 1, itemStyle: undefined },
    ]);
  });

  it('knows when there is no net growth to draw', () => {
    expect(hasNetGrowth([membres, democraties])).toBe(true);
    expect(hasNetGrowth([list('x', 'X', { monthly: [month({ month: '2026-02', closing: 4, partial: true })] })])).toBe(
      false,
    );
  });

  it('shows growth with its sign and a dash for an unknown month', () => {
    expect(option.tooltip.valueFormatter(30)).toBe('+30');
    expect(option.tooltip.valueFormatter(-1714)).toBe(`\u22121${NNBSP}714`);
    expect(option.tooltip.valueFormatter(null)).toBe('–');
  });

  it('has no month at all without lists', () => {
    expect(read(netGrowthOption([], 'fr', labels)).xAxis.data).toEqual([]);
  });
});

describe('movesOption', () => {
  const option = read(movesOption([membres, democraties], 'fr', labels));

  it('stacks subscribes up and unsubscribes down, per list', () => {
    expect(option.series.map((s) => [s.name, s.stack])).toEqual([
      ['Membres · inscriptions', 'membres'],
      ['Membres · désinscriptions', 'membres'],
      ['démocratieS · inscriptions', 'democraties'],
      ['démocratieS · désinscriptions', 'democraties'],
    ]);
    expect(option.series[0]!.data).toEqual([40, 3]);
    expect(option.series[1]!.data).toEqual([-10, -8]);
  });

  it('shows the unsubscribes without their minus sign', () => {
    expect(option.yAxis.axisLabel.formatter(-1200)).toBe(`1${NNBSP}200`);
    expect(option.tooltip.valueFormatter(-8)).toBe('8');
  });
});

describe('lineFigureRows', () => {
  it('lists the entered counts, each month’s last measured day and today, by list and day', () => {
    expect(lineFigureRows([membres, democraties]).map((r) => [r.slug, r.day, r.confirmed, r.kind])).toEqual([
      ['membres', '2026-01-01', 1200, 'entered'],
      ['membres', '2026-01-03', 1230, 'measured'],
      ['membres', '2026-02-27', 1226, 'measured'],
      ['membres', '2026-02-28', 1225, 'today'],
      ['democraties', '2026-01-02', 3356, 'measured'],
    ]);
  });
});
