/** One figure of `npm run bench`, printed beside its target and written to bench-results.json. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
  /** A stretch goal the issue hopes for beyond its targets: a miss is reported, not counted as a failed target. */
  stretch?: boolean;
  /** The same measure of another build in the same run, printed beside the figure as a ratio. */
  baseline?: { label: string; value: number };
}

export type BenchFile = { run: () => Promise<BenchResult[]> };
