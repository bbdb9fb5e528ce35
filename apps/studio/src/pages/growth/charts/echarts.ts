// Only the ECharts parts the growth charts use: this module and its users load with the growth pages.
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import langFR from 'echarts/i18n/langFR-obj.js';

echarts.use([
  LineChart,
  BarChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  SVGRenderer,
  CanvasRenderer,
]);
// month names on time axes in French (English is built in)
echarts.registerLocale('FR', langFR);

export const chartLocale = (language: string) => (language === 'en' ? 'EN' : 'FR');

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;

/** The chart drawn again off screen, as a PNG (canvas, twice the pixels) or an SVG file. */
export function exportChart(
  option: ChartOption,
  type: 'png' | 'svg',
  size: { width: number; height: number },
  locale: string,
): string {
  const still = { ...option, animation: false };
  if (type === 'svg') {
    const chart = echarts.init(null, null, {
      renderer: 'svg',
      ssr: true,
      width: size.width,
      height: size.height,
      locale,
    });
    chart.setOption(still);
    const svg = chart.renderToSVGString();
    chart.dispose();
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }
  const holder = document.createElement('div');
  const chart = echarts.init(holder, null, { renderer: 'canvas', width: size.width, height: size.height, locale });
  chart.setOption(still);
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  chart.dispose();
  return url;
}
