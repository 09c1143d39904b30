import { execFileSync } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Host } from '../../bridge/host';
import type { BenchHooks } from '../../../renderer/src/bench/hooks';

export type { BenchHooks };

/** The bridge serves the built renderer. */
/** Always builds: a stale out/ would measure code that is no longer there (a few seconds). */
export function ensureBuilt(): void {
  console.log('  building the app…');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: process.cwd(), stdio: 'inherit' });
}

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  /** Throws when the page threw while being measured. */
  close(): Promise<void>;
}

/** The real renderer against `host`, loaded, with its bench hooks installed. */
export async function openBenchPage(browser: Browser, host: Host): Promise<BenchPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  // tsx compiles with esbuild's keepNames, which wraps named functions inside page callbacks in a
  // `__name(...)` helper that only exists in Node; the page gets an identity stand-in.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(host.bridge.url);
  await page.getByRole('navigation', { name: 'Screens' }).waitFor();
  await page.waitForFunction(() => window.__llmDeskBench !== undefined);
  // The benches time what the user does in a started app: the start's own work after its first
  // screen (the whole thread list, the markdown warm-up's idle slices) is done first.
  await page.evaluate(() => window.__llmDeskBench?.settled());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
    },
  };
}

/** Median rAF interval of the idle page: the frame period the dropped-frame count is based on. */
export async function idleFramePeriod(page: Page): Promise<number> {
  const intervals = await page.evaluate(async () => {
    const bench = window.__llmDeskBench;
    if (!bench) throw new Error('no bench hooks');
    const recorder = bench.recordFrames();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return recorder.stop();
  });
  const sorted = [...intervals].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 1000 / 60;
}
