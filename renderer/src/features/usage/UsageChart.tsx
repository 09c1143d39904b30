import { useEffect, useRef } from 'react';
import type { EChartsType } from 'echarts/core';
import type { ChartOption } from './echarts';

export interface ChartClick {
  /** The category under the click: a day key, a status label or a model. */
  name: string;
  seriesName: string;
  dataIndex: number;
}

interface Props {
  option: ChartOption;
  /** Read by screen readers instead of the canvas; the tables below hold the same figures. */
  label: string;
  height: number;
  testId: string;
  onClick?: (click: ChartClick) => void;
}

/**
 * One ECharts canvas. The instance lives as long as the component; `option` is applied in one
 * `setOption` per change (callers memoise it on the data), never per render.
 */
export function UsageChart({ option, label, height, testId, onClick }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const clickRef = useRef(onClick);
  const optionRef = useRef(option);
  useEffect(() => {
    clickRef.current = onClick;
    optionRef.current = option;
  });

  // ECharts is fetched when the first chart mounts (it is most of the usage screen's code and
  // nothing else needs it); the latest option is applied once it is there.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let gone = false;
    let dispose = () => {};
    host.setAttribute('data-chart-ready', 'false');
    void import('./echarts').then(({ initChart }) => {
      if (gone) return;
      const chart = initChart(host);
      chartRef.current = chart;
      chart.on('click', (params) => {
        clickRef.current?.({
          name: String(params.name ?? ''),
          seriesName: String(params.seriesName ?? ''),
          dataIndex: params.dataIndex,
        });
      });
      chart.on('finished', () => host.setAttribute('data-chart-ready', 'true'));
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(host);
      chart.setOption(optionRef.current, { notMerge: true, lazyUpdate: true });
      dispose = () => {
        observer.disconnect();
        chart.dispose();
        chartRef.current = null;
      };
    });
    return () => {
      gone = true;
      dispose();
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    hostRef.current?.setAttribute('data-chart-ready', 'false');
    chart.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return (
    <div
      ref={hostRef}
      className="usage-chart"
      style={{ height }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
