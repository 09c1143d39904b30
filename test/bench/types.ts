/** One figure of `npm run bench`, printed beside its target and written to bench-results.json. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
}

export type BenchFile = { run: () => Promise<BenchResult[]> };
