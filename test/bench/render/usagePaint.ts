import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHost } from '../../bridge/host';
import type { BenchResult } from '../types';
import { openBenchPage } from './app';
import { figure, median } from './stats';
import { ledgerDataDir } from './usageLedger';

const CHARTS = ['usage-chart-tokens', 'usage-chart-money', 'usage-chart-status', 'usage-chart-latency'];
const ROUNDS = 3;
const TIMEOUT_MS = 20_000;

interface Painted {
  /** Click to the paint after the last chart's ECharts `finished` (entry animation included). */
  readyMs: number;
  /** Click to the first paint after every chart had been given its new option. */
  firstFrameMs: number;
  /** The chart whose `finished` came last. */
  lastChart: string;
}

/**
 * Times one change of range from the click to the charts being painted. Each chart's host sets
 * `data-chart-ready="false"` when it hands ECharts a new option and `"true"` on `finished`; the
 * page watches those attributes. `finished` fires inside ECharts' animation-frame callback, so a
 * task queued from it runs once that frame has been painted. Charts that never get a new option
 * within the timeout make the figure NaN (a failure), not a smaller number.
 */
async function timeRangeClick(page: Page, label: string, trigger: () => Promise<void>): Promise<Painted> {
  const probe = await page.evaluateHandle(
    ({ ids, timeoutMs }) => {
      const charts = new Map(ids.map((id) => [id, { changed: false, readyAt: -1 }]));
      let clickAt = -1;
      let allChangedAt = -1;
      let firstFrameAt = -1;
      const result = new Promise<{
        clickAt: number;
        readyAt: number;
        firstFrameAt: number;
        lastChart: string;
      }>((resolve) => {
        const onClick = (event: Event) => {
          if (clickAt < 0) clickAt = event.timeStamp;
        };
        const finish = (readyAt: number) => {
          // The first-frame stamp is a frame behind when option and `finished` came in one batch.
          if (firstFrameAt < 0 && Number.isFinite(readyAt)) {
            setTimeout(() => finish(readyAt), 4);
            return;
          }
          observer.disconnect();
          document.removeEventListener('click', onClick, true);
          clearTimeout(timer);
          let lastChart = '';
          let latest = -1;
          for (const [id, chart] of charts)
            if (chart.readyAt > latest) {
              latest = chart.readyAt;
              lastChart = id;
            }
          resolve({ clickAt, readyAt, firstFrameAt, lastChart });
        };
        const observer = new MutationObserver((records) => {
          if (clickAt < 0) return;
          const now = performance.now();
          for (const record of records) {
            const chart = charts.get((record.target as Element).getAttribute('data-testid') ?? '');
            if (chart) chart.changed = true;
          }
          for (const [id, chart] of charts) {
            const ready = document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-chart-ready');
            if (chart.changed && chart.readyAt < 0 && ready === 'true') chart.readyAt = now;
          }
          const all = [...charts.values()];
          if (allChangedAt < 0 && all.every((c) => c.changed)) {
            allChangedAt = now;
            requestAnimationFrame(() =>
              setTimeout(() => {
                firstFrameAt = performance.now();
              }, 0),
            );
          }
          if (all.every((c) => c.readyAt >= 0)) setTimeout(() => finish(performance.now()), 0);
        });
        const timer = setTimeout(() => finish(Number.NaN), timeoutMs);
        document.addEventListener('click', onClick, true);
        observer.observe(document.body, {
          subtree: true,
          attributes: true,
          attributeFilter: ['data-chart-ready'],
        });
      });
      return { result };
    },
    { ids: CHARTS, timeoutMs: TIMEOUT_MS },
  );
  await trigger();
  const r = await probe.evaluate((p) => p.result);
  await probe.dispose();
  if (!Number.isFinite(r.readyAt))
    console.log(`  usage: "${label}" did not repaint every chart in ${TIMEOUT_MS} ms`);
  const firstFrameMs = r.firstFrameAt < 0 ? Number.NaN : r.firstFrameAt - r.clickAt;
  return { readyMs: r.readyAt - r.clickAt, firstFrameMs, lastChart: r.lastChart };
}

/**
 * `usage.dashboard_1m.paint_*`: the usage screen over a 1,000,000-row, two-year ledger, through
 * the real services and bridge. The first visit builds the time zone's rollup (reported, not
 * judged); then "All time" and "30 days" are clicked in turn, `ROUNDS` times, and each figure is
 * the median of two timings: `paint_*` is click to the paint after the last chart's ECharts
 * `finished`, which waits for entry animations (the charts of ranges up to 62 days animate their
 * bars; the status and latency charts always do); `paint_*.first_frame` is click to the first paint
 * after all four charts were handed the new figures (new data on screen, animations starting).
 */
export async function usagePaintBench(browser: Browser): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'llm-desk-usage-bench-'));
  try {
    const { source, copyMs } = await ledgerDataDir(dataDir);
    console.log(`  usage: 1M rows from ${source} copied in ${copyMs.toFixed(0)} ms`);
    const host = await startHost({ dataDir });
    try {
      const app = await openBenchPage(browser, host);
      const { page } = app;
      try {
        const button = (name: string) =>
          page.getByRole('group', { name: 'Date range' }).getByRole('button', { name, exact: true });
        const nav = page
          .getByRole('navigation', { name: 'Screens' })
          .getByRole('button', { name: 'Usage', exact: true });
        const first = await timeRangeClick(page, 'first visit', () => nav.click());
        const all: Painted[] = [];
        const month: Painted[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          all.push(await timeRangeClick(page, 'All time', () => button('All time').click()));
          month.push(await timeRangeClick(page, '30 days', () => button('30 days').click()));
        }
        const list = (xs: Painted[]) =>
          xs
            .map(
              (x) => `${x.readyMs.toFixed(0)}/${x.firstFrameMs.toFixed(0)} (${x.lastChart.slice(12)} last)`,
            )
            .join(', ');
        console.log(`  usage: finished/first-frame ms: all time ${list(all)}; 30 days ${list(month)}`);
        // One round that never painted fails the figure rather than vanishing into the median.
        const typical = (xs: number[]) => (xs.some((x) => !Number.isFinite(x)) ? Number.NaN : median(xs));
        const under300 = (v: number) => v < 300;
        const name = 'usage.dashboard_1m';
        return [
          figure(`${name}.paint_first_visit`, first.readyMs, 'ms', 'builds rollup once', () => true),
          figure(`${name}.paint_all_time`, typical(all.map((x) => x.readyMs)), 'ms', '< 300 ms', under300),
          figure(`${name}.paint_30d`, typical(month.map((x) => x.readyMs)), 'ms', '< 300 ms', under300),
          figure(
            `${name}.paint_all_time.first_frame`,
            typical(all.map((x) => x.firstFrameMs)),
            'ms',
            '< 300 ms',
            under300,
          ),
          figure(
            `${name}.paint_30d.first_frame`,
            typical(month.map((x) => x.firstFrameMs)),
            'ms',
            '< 300 ms',
            under300,
          ),
        ];
      } finally {
        await app.close();
      }
    } finally {
      await host.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
