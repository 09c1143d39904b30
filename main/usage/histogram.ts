/**
 * Time-to-first-token histogram in fixed, log-spaced buckets (a third of an octave each), so
 * p50/p95 can be summed across rollup rows instead of kept per request.
 *
 * Bucket 0 holds [0, 20 ms); bucket i (1…38) holds [EDGES[i-1], EDGES[i]); bucket 39 holds the rest
 * (≥ ~130 s). The edges are whole milliseconds so SQLite and JavaScript put a value in the same
 * bucket without floating-point disagreement. They are part of the 004-usage schema (a generated
 * column and the rollup triggers use them): never change them, add a new migration instead.
 */
export const TTFT_BUCKETS = 40;

export const TTFT_EDGES: readonly number[] = Array.from({ length: TTFT_BUCKETS - 1 }, (_, i) =>
  Math.round(20 * 2 ** (i / 3)),
);

/** The bucket of a time to first token, or null when there was none. */
export function ttftBucket(ms: number | null): number | null {
  if (ms === null || !Number.isFinite(ms)) return null;
  let low = 0;
  let high = TTFT_EDGES.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ms < (TTFT_EDGES[mid] ?? Infinity)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The same bucketing as a SQL expression over a column, for the generated column and raw scans. */
export function ttftBucketSql(column: string): string {
  const cases = TTFT_EDGES.map((edge, i) => `WHEN ${column} < ${edge} THEN ${i}`).join(' ');
  return `CASE WHEN ${column} IS NULL THEN NULL ${cases} ELSE ${TTFT_BUCKETS - 1} END`;
}

export const histogramColumns: readonly string[] = Array.from({ length: TTFT_BUCKETS }, (_, i) => `h${i}`);

const lowerEdge = (bucket: number): number => (bucket === 0 ? 0 : (TTFT_EDGES[bucket - 1] ?? 0));

/**
 * The p-quantile (0 < p ≤ 1) of a histogram, interpolated inside its bucket (linearly in the
 * first, geometrically in the others, which matches log-spaced buckets). Null when empty.
 */
export function histogramQuantile(counts: readonly number[], p: number): number | null {
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (total <= 0) return null;
  const rank = p * total;
  let before = 0;
  for (let bucket = 0; bucket < counts.length; bucket++) {
    const count = counts[bucket] ?? 0;
    if (count > 0 && before + count >= rank) {
      const fraction = Math.min(1, Math.max(0, (rank - before) / count));
      const low = lowerEdge(bucket);
      const high = TTFT_EDGES[bucket];
      // The open-ended last bucket has no upper edge to interpolate towards.
      if (high === undefined) return low;
      if (bucket === 0) return low + (high - low) * fraction;
      return low * (high / low) ** fraction;
    }
    before += count;
  }
  return lowerEdge(counts.length - 1);
}
