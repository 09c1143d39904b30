// Browser-measured benchmarks: the real renderer in headless Chromium, served by the test bridge
// in front of the real services (and the mock provider), timed inside the page.
import { launchChromium } from '../e2e/browser';
import { startHost } from '../bridge/host';
import { ensureBuilt, openBenchPage } from './render/app';
import { hostileBench } from './render/hostile';
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

export async function run(): Promise<BenchResult[]> {
  ensureBuilt();
  const browser = await launchChromium();
  const results: BenchResult[] = [];
  try {
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
  } finally {
    await browser.close();
  }
  return results;
}
