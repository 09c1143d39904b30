import { afterEach, describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatCost,
  formatCostTick,
  formatCredits,
  formatDay,
  formatDuration,
  formatInteger,
  formatPercent,
  formatRate,
} from '../../../renderer/src/platform/format';

describe('numbers as the usage screen shows them', () => {
  it('groups thousands and compacts for axes', () => {
    expect(formatInteger(1234567)).toBe('1,234,567');
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(12_345)).toBe('12.3k');
    expect(formatCompact(4_200_000)).toBe('4.2M');
    expect(formatCompact(999_999)).toBe('1M');
  });

  it('shows cents normally and significant digits for fractions of a cent', () => {
    expect(formatCost(0)).toBe('$0');
    expect(formatCost(1234.5)).toBe('$1,234.50');
    expect(formatCost(0.0042)).toBe('$0.0042');
    expect(formatCost(0.000123)).toBe('$0.00012');
    expect(formatCost(2, 'EUR')).toBe('EUR 2.00');
  });

  it('formats credits, speeds and shares', () => {
    expect(formatCredits(1500)).toBe('1,500 cr');
    expect(formatCredits(0.25)).toBe('0.25 cr');
    expect(formatRate(42.06)).toBe('42.1 tok/s');
    expect(formatPercent(1, 3)).toBe('33%');
    expect(formatPercent(1, 200)).toBe('0.5%');
    expect(formatPercent(1, 0)).toBe('0%');
  });

  it('writes durations in the largest sensible unit', () => {
    expect(formatDuration(420)).toBe('420 ms');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
    expect(formatDuration(-1)).toBe('—');
  });
});

describe('cost axis ticks', () => {
  it('keep enough digits to tell small ticks apart', () => {
    expect(formatCostTick(0.025)).toBe('$0.025');
    expect(formatCostTick(0.03)).toBe('$0.03');
    expect(formatCostTick(12)).toBe('$12.00');
    expect(formatCostTick(0)).toBe('$0');
  });
});

describe('days on the usage axes', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('name the calendar day of the key in every time zone, with the year when not this one', () => {
    for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Adak', 'Asia/Kolkata']) {
      process.env.TZ = tz;
      expect(formatDay('2025-12-31', new Date(2025, 5, 1)), tz).toBe('Dec 31');
      expect(formatDay('2025-01-01', new Date(2025, 5, 1)), tz).toBe('Jan 1');
      expect(formatDay('2024-03-04', new Date(2025, 5, 1)), tz).toBe('Mar 4, 2024');
    }
    expect(formatDay('2025-03')).toBe('2025-03');
  });
});
