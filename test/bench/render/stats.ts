import type { BenchResult } from '../types';

/** Nearest-rank percentile (p in 0..100); NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export const round = (n: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

export function figure(
  name: string,
  value: number,
  unit: string,
  target: string,
  pass: (v: number) => boolean,
): BenchResult {
  return { name, value: round(value, 3), unit, target, pass: Number.isFinite(value) && pass(value) };
}

export interface FrameStats {
  frames: number;
  maxMs: number;
  p95Ms: number;
  /** Share of the vsync slots in the recording that got no new frame, in percent. */
  droppedPct: number;
}

/**
 * Headless Chromium (new headless, as launched here) still drives requestAnimationFrame from a
 * 60 Hz begin-frame clock, and rAF timestamps are those frame begin times: an idle page gives
 * intervals of 16.7 ms ± 0.1, and a frame whose work overruns shows as an interval of a whole
 * number of periods (33.3, 50, ...), never 25. So an interval of k periods means k − 1 slots had
 * no frame: those are the dropped frames, out of all slots the recording spanned. `periodMs` is
 * measured on the same page while idle rather than assumed.
 */
export function frameStats(intervals: readonly number[], periodMs: number): FrameStats {
  let slots = 0;
  let dropped = 0;
  for (const interval of intervals) {
    const k = Math.max(1, Math.round(interval / periodMs));
    slots += k;
    dropped += k - 1;
  }
  return {
    frames: intervals.length,
    maxMs: intervals.length ? Math.max(...intervals) : Number.NaN,
    p95Ms: percentile(intervals, 95),
    droppedPct: slots ? (100 * dropped) / slots : Number.NaN,
  };
}
