import { describe, expect, it } from 'vitest';
import { LIGHT_THEME } from '../../../renderer/src/features/usage/chartTheme';
import {
  latencyOption,
  LONG_RANGE_DAYS,
  moneyOption,
  statusOption,
  tokensOption,
} from '../../../renderer/src/features/usage/chartOptions';
import type { DailySeries } from '../../../renderer/src/features/usage/series';
import { OTHER_MODELS } from '../../../renderer/src/features/usage/series';

const series = (days: number): DailySeries => ({
  bucket: 1,
  days: Array.from({ length: days }, (_, i) => `2025-01-${String((i % 28) + 1).padStart(2, '0')}`),
  models: ['a', OTHER_MODELS],
  tokens: [new Array<number>(days).fill(1), new Array<number>(days).fill(2)],
  cost: new Array<number>(days).fill(0.5),
  credits: new Array<number>(days).fill(3),
  requests: new Array<number>(days).fill(1),
});

const seriesOf = (option: ReturnType<typeof tokensOption>) =>
  Array.isArray(option.series) ? option.series : [option.series];

describe('chart options', () => {
  it('stacks one bar series per model and greys out "Other models"', () => {
    const s = seriesOf(tokensOption(series(7), LIGHT_THEME));
    expect(s.map((x) => x?.name)).toEqual(['a', OTHER_MODELS]);
    expect(s.every((x) => x?.type === 'bar' && 'stack' in x && x.stack === 'tokens')).toBe(true);
    const other = s[1];
    expect(other && 'itemStyle' in other ? other.itemStyle?.color : null).toBe(LIGHT_THEME.other);
  });

  it('draws without entry animation (figures show at once) and adds zoom for long ranges only', () => {
    const short = tokensOption(series(30), LIGHT_THEME);
    const long = tokensOption(series(LONG_RANGE_DAYS + 1), LIGHT_THEME);
    expect(short.animation).toBe(false);
    expect(long.animation).toBe(false);
    expect(Array.isArray(short.dataZoom) ? short.dataZoom.length : 0).toBe(0);
    expect(Array.isArray(long.dataZoom) ? long.dataZoom.length : 0).toBe(2);
  });

  it('puts credits on a second axis only when cost is shown too', () => {
    expect(seriesOf(moneyOption(series(3), 'credits', LIGHT_THEME)).map((s) => s?.name)).toEqual(['Credits']);
    const both = moneyOption(series(3), 'both', LIGHT_THEME);
    expect(seriesOf(both).map((s) => s?.name)).toEqual(['Cost', 'Credits']);
    expect(Array.isArray(both.yAxis) ? both.yAxis.length : 1).toBe(2);
  });

  it('colours statuses and draws p50 beside p95', () => {
    const st = seriesOf(
      statusOption(
        [
          { status: 'complete', requests: 3 },
          { status: 'error', requests: 1 },
        ],
        LIGHT_THEME,
      ),
    );
    expect(st).toHaveLength(1);
    expect(
      seriesOf(latencyOption({ models: ['m'], p50: [1], p95: [2] }, LIGHT_THEME)).map((s) => s?.name),
    ).toEqual(['p50', 'p95']);
  });
});
