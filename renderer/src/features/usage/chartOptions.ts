import type { UsageStatus } from '../../../../main/contract';
import type { ChartTheme } from './chartTheme';
import type { ChartOption } from './echarts';
import {
  formatCompact,
  formatCost,
  formatCostTick,
  formatCredits,
  formatDay,
  formatDuration,
  formatInteger,
} from '../../platform/format';
import type { DailySeries, MoneyMode } from './series';
import { OTHER_MODELS, STATUS_LABELS } from './series';

/** Beyond this many days the bars get a zoom slider. */
export const LONG_RANGE_DAYS = 62;

const numberOf = (value: unknown): number => (typeof value === 'number' ? value : Number(value) || 0);

function frame(theme: ChartTheme, days: number) {
  const long = days > LONG_RANGE_DAYS;
  return {
    // A dashboard redraw should show its numbers at once: entry animations held the final paint
    // 500 ms past the first frame, for nothing the user needs.
    animation: false,
    backgroundColor: theme.background,
    textStyle: { fontFamily: theme.fontFamily, color: theme.muted },
    grid: {
      left: 8,
      right: 12,
      top: 36,
      bottom: long ? 44 : 8,
      outerBoundsMode: 'same' as const,
      outerBoundsContain: 'axisLabel' as const,
    },
    tooltip: {
      trigger: 'axis' as const,
      axisPointer: { type: 'shadow' as const },
      backgroundColor: theme.tooltipBackground,
      borderColor: theme.grid,
      textStyle: { color: theme.text, fontSize: 12 },
      confine: true,
    },
    dataZoom: long
      ? [
          { type: 'inside' as const, xAxisIndex: 0 },
          {
            type: 'slider' as const,
            xAxisIndex: 0,
            height: 16,
            bottom: 6,
            showDataShadow: false,
            borderColor: theme.grid,
            textStyle: { color: theme.muted },
          },
        ]
      : [],
  };
}

function dayAxis(theme: ChartTheme, days: string[]) {
  return {
    type: 'category' as const,
    data: days,
    axisTick: { show: false },
    axisLine: { lineStyle: { color: theme.grid } },
    axisLabel: { color: theme.muted, formatter: (value: string) => formatDay(value), hideOverlap: true },
  };
}

function valueAxis(theme: ChartTheme, formatter: (v: number) => string) {
  return {
    type: 'value' as const,
    splitLine: { lineStyle: { color: theme.grid } },
    axisLabel: { color: theme.muted, formatter: (v: number) => formatter(v) },
  };
}

function legend(theme: ChartTheme) {
  return {
    type: 'scroll' as const,
    top: 0,
    left: 0,
    icon: 'roundRect',
    itemWidth: 10,
    itemHeight: 10,
    textStyle: { color: theme.muted },
  };
}

function modelColor(theme: ChartTheme, model: string, index: number): string {
  return model === OTHER_MODELS ? theme.other : (theme.palette[index % theme.palette.length] ?? theme.accent);
}

/** Tokens per day, one stack per model (biggest at the bottom). */
export function tokensOption(series: DailySeries, theme: ChartTheme): ChartOption {
  return {
    ...frame(theme, series.days.length),
    legend: legend(theme),
    xAxis: dayAxis(theme, series.days),
    yAxis: valueAxis(theme, formatCompact),
    tooltip: { ...frame(theme, 0).tooltip, valueFormatter: (v) => `${formatInteger(numberOf(v))} tok` },
    series: series.models.map((model, i) => ({
      type: 'bar' as const,
      name: model,
      stack: 'tokens',
      data: series.tokens[i] ?? [],
      barMaxWidth: 28,
      itemStyle: { color: modelColor(theme, model, i) },
      emphasis: { focus: 'series' as const },
      cursor: 'pointer',
    })),
  };
}

/** Cost and/or credits per day: two axes when the range has both. */
export function moneyOption(series: DailySeries, mode: MoneyMode, theme: ChartTheme): ChartOption {
  const both = mode === 'both';
  const showCost = mode === 'cost' || both;
  const showCredits = mode === 'credits' || both;
  const yAxis = [
    ...(showCost ? [valueAxis(theme, (v) => formatCostTick(v))] : []),
    ...(showCredits
      ? [{ ...valueAxis(theme, formatCompact), ...(both ? { splitLine: { show: false } } : {}) }]
      : []),
  ];
  return {
    ...frame(theme, series.days.length),
    legend: legend(theme),
    xAxis: dayAxis(theme, series.days),
    yAxis: yAxis.length > 0 ? yAxis : [valueAxis(theme, formatCompact)],
    series: [
      ...(showCost
        ? [
            {
              type: 'bar' as const,
              name: 'Cost',
              data: series.cost,
              barMaxWidth: 28,
              itemStyle: { color: theme.palette[1] ?? theme.accent },
              tooltip: { valueFormatter: (v: unknown) => formatCost(numberOf(v)) },
              cursor: 'pointer',
            },
          ]
        : []),
      ...(showCredits
        ? [
            {
              type: 'bar' as const,
              name: 'Credits',
              yAxisIndex: both ? 1 : 0,
              data: series.credits,
              barMaxWidth: 28,
              itemStyle: { color: theme.palette[4] ?? theme.accent },
              tooltip: { valueFormatter: (v: unknown) => formatCredits(numberOf(v)) },
              cursor: 'pointer',
            },
          ]
        : []),
    ],
  };
}

function statusColor(theme: ChartTheme, status: UsageStatus): string {
  switch (status) {
    case 'complete':
      return theme.ok;
    case 'interrupted':
      return theme.warn;
    case 'aborted':
      return theme.subtle;
    case 'error':
      return theme.danger;
  }
}

/** Requests by outcome: one coloured bar per status, in a fixed order. */
export function statusOption(
  rows: { status: UsageStatus; requests: number }[],
  theme: ChartTheme,
): ChartOption {
  return {
    ...frame(theme, 0),
    grid: { left: 8, right: 40, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { ...valueAxis(theme, formatCompact), minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((r) => STATUS_LABELS[r.status]),
      inverse: true,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.grid } },
      axisLabel: { color: theme.muted },
    },
    tooltip: { ...frame(theme, 0).tooltip, valueFormatter: (v) => `${formatInteger(numberOf(v))} requests` },
    series: [
      {
        type: 'bar',
        name: 'Requests',
        barMaxWidth: 18,
        data: rows.map((r) => ({ value: r.requests, itemStyle: { color: statusColor(theme, r.status) } })),
        label: {
          show: true,
          position: 'right',
          color: theme.muted,
          formatter: (p: { value?: unknown }) => formatInteger(numberOf(p.value)),
        },
        cursor: 'pointer',
      },
    ],
  };
}

/** Time to first token per model: median and 95th percentile side by side. */
export function latencyOption(
  latency: { models: string[]; p50: number[]; p95: number[] },
  theme: ChartTheme,
): ChartOption {
  const axisLabelWidth = 150;
  return {
    ...frame(theme, 0),
    legend: legend(theme),
    grid: {
      left: 8,
      right: 16,
      top: 32,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: valueAxis(theme, (v) => formatDuration(v)),
    yAxis: {
      type: 'category',
      data: latency.models,
      inverse: true,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.grid } },
      axisLabel: { color: theme.muted, width: axisLabelWidth, overflow: 'truncate' },
    },
    tooltip: { ...frame(theme, 0).tooltip, valueFormatter: (v) => formatDuration(numberOf(v)) },
    series: [
      {
        type: 'bar',
        name: 'p50',
        data: latency.p50,
        barMaxWidth: 12,
        itemStyle: { color: theme.palette[0] ?? theme.accent },
        cursor: 'pointer',
      },
      {
        type: 'bar',
        name: 'p95',
        data: latency.p95,
        barMaxWidth: 12,
        itemStyle: { color: theme.palette[2] ?? theme.warn },
        cursor: 'pointer',
      },
    ],
  };
}
