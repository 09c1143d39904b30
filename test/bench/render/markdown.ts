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

/**
 * `render.markdown_update_100k`, in the page through the bench hook: the streaming message grown
 * to 100,000 characters `STEP` at a time, each update timed as the app does it per frame (lex the
 * unsettled tail, render and sanitise it). The p99 is over the updates past 90,000 characters;
 * the whole growth runs once before as warm-up so the JIT has compiled the parser. The baseline
 * is the same hook given the whole 100,000 characters at once: lexing the message from scratch,
 * which is what a renderer that re-parses per update pays every frame. Chromium coarsens
 * `performance.now()` to 0.1 ms on a page that is not cross-origin isolated, so single updates
 * read as 0, 0.1, 0.2 ms…
 */
export async function markdownBench(page: Page): Promise<BenchResult[]> {
  const text = markdownOf(11, LENGTH).slice(0, LENGTH);
  const { updates, full } = await page.evaluate(
    ({ text, step, fullParses }) => {
      const bench = window.__llmDeskBench;
      if (!bench) throw new Error('no bench hooks');
      bench.markdownUpdates(text, step);
      const updates = bench.markdownUpdates(text, step);
      const full: number[] = [];
      for (let i = 0; i < fullParses; i++) full.push(...bench.markdownUpdates(text, text.length));
      return { updates, full };
    },
    { text, step: STEP, fullParses: FULL_PARSES },
  );
  const late = updates.slice(Math.floor(FROM / STEP) - 1);
  const name = 'render.markdown_update_100k';
  console.log(`  markdown: ${updates.length} updates, ${late.length} past ${FROM} characters`);
  return [
    figure(name, percentile(late, 99), 'ms', '≤ 0.5 ms', (v) => v <= 0.5),
    figure(`${name}.full_reparse_ms`, median(full), 'ms', 'baseline', () => true),
  ];
}
