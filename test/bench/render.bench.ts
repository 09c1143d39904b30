// Browser-measured benchmarks: the real renderer in headless Chromium, served by the test bridge
// in front of the real services (and the mock provider), timed inside the page.
import { launchChromium } from '../e2e/browser';
import { startHost } from '../bridge/host';
import { ensureBuilt, openBenchPage } from './render/app';
import { hostileBench } from './render/hostile';
import { type Floor, measureFloor } from './render/floor';
import { markdownBench } from './render/markdown';
import { RATE_10000, RATE_3000, streamBench } from './render/stream';
import { fourStreamsBench } from './render/streams4';
import { threadOpenBench } from './render/threadOpen';
import { usagePaintBench } from './render/usagePaint';
import type { BenchResult } from './types';

/** RENDER_BENCH=hostile (a part of a figure's name) runs only the matching figures: the machine is shared. */
const only = process.env.RENDER_BENCH ?? '';

/** One scenario that throws becomes a failed figure; the others still run. */
async function scenario(name: string, measure: () => Promise<BenchResult[]>): Promise<BenchResult[]> {
  if (!name.includes(only)) return [];
  try {
    return await measure();
  } catch (error) {
    console.error(`  ${name} failed:`, error);
    return [{ name, value: Number.NaN, unit: 'error', target: 'runs', pass: false }];
  }
}

const FLOOR = 'a plain page, no app';

/**
 * Each frame figure beside the same measure of a page with no app on this machine, taken in the
 * same run (render/floor.ts): the stream figures beside a plain-text answer growing at the same
 * rate, the thread's scroll beside prebuilt messages scrolled a screen a frame.
 */
async function besideFloor(results: BenchResult[], floor: Floor): Promise<void> {
  console.log(
    `  floor: prebuilt messages scrolled a screen a frame: p95 ${floor.scroll.p95Ms.toFixed(1)} ms, ` +
      `${floor.scroll.droppedPct.toFixed(1)} % dropped`,
  );
  const set = (name: string, value: number) => {
    const result = results.find((r) => r.name === name);
    if (result) result.baseline = { label: FLOOR, value };
  };
  set('thread.open_10k.scroll_p95', floor.scroll.p95Ms);
  for (const rate of [RATE_3000, RATE_10000]) {
    const name = `render.stream_${rate.tokensPerSecond}tps`;
    if (!results.some((r) => r.name.startsWith(name))) continue;
    const stream = await floor.stream(rate.tokensPerSecond);
    console.log(
      `  floor: plain text growing at ${rate.tokensPerSecond} tok/s: p95 ${stream.p95Ms.toFixed(1)} ms, ` +
        `${stream.droppedPct.toFixed(1)} % dropped, longest ${stream.maxMs.toFixed(1)} ms`,
    );
    set(`${name}.frame_p95`, stream.p95Ms);
    set(`${name}.dropped_frames`, stream.droppedPct);
    set(`${name}.max_frame`, stream.maxMs);
  }
}

export async function run(): Promise<BenchResult[]> {
  ensureBuilt();
  const browser = await launchChromium();
  const results: BenchResult[] = [];
  try {
    const floor = only === '' || /stream|thread\.open/u.test(only) ? await measureFloor(browser) : null;
    const host = await startHost({ demo: true });
    // The markdown figure is a CPU cost per update: measured first, before the streams leave main busy.
    try {
      results.push(
        ...(await scenario('render.markdown_update_100k', async () => {
          const app = await openBenchPage(browser, host);
          try {
            return await markdownBench(app.page);
          } finally {
            await app.close();
          }
        })),
      );
      results.push(...(await scenario('render.stream_3000tps', () => streamBench(browser, host, RATE_3000))));
      results.push(
        ...(await scenario('render.stream_10000tps', () => streamBench(browser, host, RATE_10000))),
      );
      results.push(...(await scenario('render.stream_4x3000tps', () => fourStreamsBench(browser, host))));
      results.push(...(await scenario('thread.open_10k', () => threadOpenBench(browser, host))));
      results.push(...(await scenario('render.worst_frame_ms_hostile', () => hostileBench(browser, host))));
    } finally {
      await host.close();
    }
    results.push(...(await scenario('usage.dashboard_1m.paint', () => usagePaintBench(browser))));
    if (floor) {
      await besideFloor(results, floor);
      await floor.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}
