// Experiments: the grid of a finished 100 × 10 run painted and filtered in the real renderer, and
// the scheduler's own cost per cell (no network: a task that resolves at once).
import type { Browser, Page } from 'playwright-core';
import { RateScheduler } from '../../main/experiments/scheduler';
import { startHost } from '../bridge/host';
import { launchChromium } from '../e2e/browser';
import { seedFinishedRun } from '../experiments/seed';
import { BASELINE_COMMIT, baselineRenderer } from './experiments/baseline';
import { ensureBuilt, openBenchPage } from './render/app';
import type { BenchResult } from './types';

const CASES = 100;
const MODELS = 5;
const VARIANTS = 2;
const PAINT_MS = 200;
const FILTER_MS = 50;
const SCHEDULE_MS_PER_CELL = 1;

/** From a click: the end of the first frame that renders `done()`, and the start of the frame after it. */
interface Painted {
  paint: number;
  nextFrame: number;
}

/**
 * Arms a timer in the page, clicks, and times from the click event to the end of the first frame
 * whose rendering shows `done()`: checked at each animation frame, then a message posted from that
 * frame's callback runs once its style, layout and paint are done. Everything is timed in the page:
 * the bench used to start waiting only when Playwright's click() had returned and its next
 * evaluate had crossed CDP (10–30 ms on a loaded machine that no user waits), then waited two more
 * frames; `nextFrame` (the start of the frame after the paint) is close to that old figure.
 */
async function timeToPaint(page: Page, click: () => Promise<void>, done: string): Promise<Painted> {
  await page.evaluate((condition) => {
    const ready = new Function(`return (${condition})`) as () => boolean;
    const w = window as unknown as { __painted?: Promise<Painted> };
    w.__painted = new Promise<Painted>((resolve) => {
      document.addEventListener(
        'click',
        () => {
          const t0 = performance.now();
          const frame = () =>
            requestAnimationFrame(() => {
              if (!ready()) return frame();
              const after = new MessageChannel();
              after.port1.onmessage = () => {
                const paint = performance.now() - t0;
                requestAnimationFrame(() => resolve({ paint, nextFrame: performance.now() - t0 }));
              };
              after.port2.postMessage(null);
            });
          frame();
        },
        { capture: true, once: true },
      );
    });
  }, done);
  await click();
  return page.evaluate(() => (window as unknown as { __painted: Promise<Painted> }).__painted);
}

/** One renderer build, served by its own host holding the same seeded run. */
interface GridSide {
  page: Page;
  failingRows: number;
  close(): Promise<void>;
}

async function openSide(browser: Browser, rendererDir?: string): Promise<GridSide> {
  const host = await startHost({ demo: true, rendererDir });
  try {
    const providerId = (await host.services.handlers['providers:list']({}, { senderId: 0 }))[0]?.id ?? 'p';
    // The same seeded run as the screens' and the a11y scan's, at 100 × 10.
    const { failingRows } = seedFinishedRun(host.services.db, providerId, {
      name: 'Bench grid',
      cases: CASES,
      models: MODELS,
      variants: VARIANTS,
    });
    const app = await openBenchPage(browser, host);
    const { page } = app;
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: 'Experiments' })
      .click();
    await page.getByRole('button', { name: /Bench grid/ }).click();
    await page.locator(`[data-testid="experiment-grid"] table[data-rows="${CASES}"]`).waitFor();
    return {
      page,
      failingRows,
      close: async () => {
        await app.close();
        await host.close();
      },
    };
  } catch (error) {
    await host.close();
    throw error;
  }
}

/** One round on a side: Setup, then Results painted, then Failures only painted. */
async function measureRound(side: GridSide): Promise<{ paint: Painted; filter: Painted }> {
  const { page } = side;
  // The grid draws the rows in view (and some around them); `data-rows` says how many it stands for.
  const shows = (rows: number) =>
    `document.querySelector('[data-testid=experiment-grid] table')?.dataset.rows === '${rows}' && ` +
    `document.querySelectorAll('[data-testid=experiment-grid] td.exp-cell').length > 0`;
  await page.getByRole('tab', { name: 'Setup' }).click();
  await page.getByRole('tab', { name: 'Setup', selected: true }).waitFor();
  const paint = await timeToPaint(
    page,
    () => page.getByRole('tab', { name: 'Results' }).click(),
    shows(CASES),
  );
  const box = page.getByRole('checkbox', { name: 'Failures only' });
  const filter = await timeToPaint(page, () => box.click(), shows(side.failingRows));
  await box.click();
  return { paint, filter };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * Today's grid, and the grid before it drew only the columns in view (BASELINE_COMMIT, built in a
 * worktree under /tmp), measured in alternating rounds: on a loaded machine only the ratio of
 * the two, taken under the same load, says what the change did.
 */
async function gridBench(): Promise<BenchResult[]> {
  ensureBuilt();
  const base = baselineRenderer();
  if (!base.dir) console.log(`  grid: no baseline: ${base.reason}`);
  const browser = await launchChromium();
  const sides: GridSide[] = [];
  try {
    const today = await openSide(browser);
    sides.push(today);
    const before = base.dir ? await openSide(browser, base.dir) : null;
    if (before) sides.push(before);
    const runs = {
      today: { paint: [] as number[], filter: [] as number[], filterNext: [] as number[] },
      before: { paint: [] as number[], filter: [] as number[], filterNext: [] as number[] },
    };
    for (let i = 0; i < 5; i += 1) {
      for (const [name, side] of [
        ['today', today],
        ['before', before],
      ] as const) {
        if (!side) continue;
        const round = await measureRound(side);
        runs[name].paint.push(round.paint.paint);
        runs[name].filter.push(round.filter.paint);
        runs[name].filterNext.push(round.filter.nextFrame);
      }
    }
    const paint = median(runs.today.paint);
    const filter = median(runs.today.filter);
    const baseline = (values: number[]) =>
      before ? { label: `the grid of ${BASELINE_COMMIT}`, value: median(values) } : undefined;
    return [
      {
        name: 'experiments.grid_1000_cells_ms',
        value: paint,
        unit: 'ms',
        target: `≤ ${PAINT_MS} first paint`,
        pass: paint <= PAINT_MS,
        baseline: baseline(runs.before.paint),
      },
      {
        name: 'experiments.grid_filter_ms',
        value: filter,
        unit: 'ms',
        target: `≤ ${FILTER_MS}`,
        pass: filter <= FILTER_MS,
        baseline: baseline(runs.before.filter),
      },
      {
        name: 'experiments.grid_filter_ms.next_frame',
        value: median(runs.today.filterNext),
        unit: 'ms',
        target: 'info: to the start of the frame after the paint',
        pass: true,
        baseline: baseline(runs.before.filterNext),
      },
    ];
  } finally {
    for (const side of sides) await side.close();
    await browser.close();
  }
}

/** 10,000 tasks that finish at once under a generous limit: what the scheduler itself costs per cell. */
async function scheduleBench(): Promise<BenchResult[]> {
  const tasks = 10_000;
  const controller = new AbortController();
  let clock = 0;
  const scheduler = new RateScheduler<number>({
    clock: { now: () => clock, sleep: async (ms) => void (clock += ms) },
    signal: controller.signal,
    lane: () => ({ perMinute: 1_000_000, concurrency: 8 }),
    run: async () => ({ rateLimited: false }),
  });
  for (let i = 0; i < tasks; i += 1) scheduler.add(`p${i % 3}`, i);
  const started = performance.now();
  await scheduler.drain();
  const perCell = (performance.now() - started) / tasks;
  return [
    {
      name: 'experiments.schedule_overhead_ms',
      value: perCell,
      unit: 'ms/cell',
      target: `≤ ${SCHEDULE_MS_PER_CELL}`,
      pass: perCell <= SCHEDULE_MS_PER_CELL,
    },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const results = await scheduleBench();
  results.push(...(await gridBench()));
  return results;
}
