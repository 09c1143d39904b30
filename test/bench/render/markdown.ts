import type { Page } from 'playwright-core';
import type { BenchResult } from '../types';
import { figure, median, percentile } from './stats';
import { markdownOf } from './text';

const LENGTH = 100_000;
/** Characters added per frame update: 3,000 tokens/s at ~4 characters a token is ~200 per 60 Hz frame. */
const STEP = 200;
/** Updates counted as "at 100,000 characters": the last tenth of the growth. */
const FROM = 90_000;
const FULL_PARSES = 15;
/** Measured growths: the p99 is taken over all their late updates (about 450, so one preemption is not the p99). */
const PASSES = 9;

/**
 * `render.markdown_update_100k`, in the page through the bench hook: the streaming message grown
 * to 100,000 characters `STEP` at a time, each update timed as the app does it per frame (lex the
 * unsettled tail, render blocks that just settled and the tail). The p99 is over the updates past 90,000 characters of
 * `PASSES` growths; one growth runs before as warm-up so the JIT has compiled the parser. The baseline
 * is the same hook given the whole 100,000 characters at once: lexing and rendering the message
 * from scratch, which is what a renderer that re-parses per update pays every frame. Chromium coarsens
 * `performance.now()` to 0.1 ms on a page that is not cross-origin isolated, so single updates
 * read as 0, 0.1, 0.2 ms…
 */
export async function markdownBench(page: Page): Promise<BenchResult[]> {
  const text = markdownOf(11, LENGTH).slice(0, LENGTH);
  const { passes, full } = await page.evaluate(
    ({ text, step, passCount, fullParses }) => {
      const bench = window.__llmDeskBench;
      if (!bench) throw new Error('no bench hooks');
      bench.markdownUpdates(text, step);
      const passes: number[][] = [];
      for (let i = 0; i < passCount; i++) passes.push(bench.markdownUpdates(text, step));
      const full: number[] = [];
      for (let i = 0; i < fullParses; i++) full.push(...bench.markdownUpdates(text, text.length));
      return { passes, full };
    },
    { text, step: STEP, passCount: PASSES, fullParses: FULL_PARSES },
  );
  const first = Math.floor(FROM / STEP) - 1;
  const late = passes.flatMap((updates) => updates.slice(first));
  const early = passes.flatMap((updates) => updates.slice(0, 50));
  const name = 'render.markdown_update_100k';
  console.log(
    `  markdown: ${late.length} updates past ${FROM} characters: p50 ${median(late).toFixed(2)} ms, ` +
      `max ${percentile(late, 100).toFixed(2)} ms; the first 10,000 characters: p50 ${median(early).toFixed(2)}, ` +
      `p99 ${percentile(early, 99).toFixed(2)} ms`,
  );
  return [
    figure(name, percentile(late, 99), 'ms', '≤ 0.5 ms', (v) => v <= 0.5),
    figure(`${name}.full_reparse_ms`, median(full), 'ms', 'baseline', () => true),
  ];
}
