/**
 * ECharts, imported module by module (core + bar/line + the components used + the canvas renderer). This
 * file is loaded lazily from the cadre page only — never from the resident tile or page. The chart has
 * an aria-label summary; the numbers are also in the table next to it.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  CanvasRenderer,
]);

export interface ChartSeries {
  name: string;
  /** Percent values, null for “no data”. */
  values: (number | null)[];
}

export default function MetricsChart({
  kind,
  categories,
  series,
  label,
}: {
  kind: 'bar' | 'line';
  categories: string[];
  series: ChartSeries[];
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.setOption({
      aria: { enabled: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: categories },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: series.map((s) => ({ name: s.name, type: kind, data: s.values, connectNulls: false })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [kind, categories, series]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 320 }} />;
}
