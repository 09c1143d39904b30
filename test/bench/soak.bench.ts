// The soak of issue 12: four streams at 3,000 tokens/s each for ten minutes (SOAK_SECONDS
// shortens it) through the real services, bridge and renderer, with the Ctrl+K search and the
// Usage screen in use every 10 s; main's and the renderer's memory after full garbage
// collections at the end, against the same reading after a warm-up.
import { setTimeout as delay } from 'node:timers/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../e2e/browser';
import { mintJwt, startMockProvider, type MockProvider } from '../mock-provider';
import { ensureBuilt } from './render/app';
import { figure, median } from './render/stats';
import { RATE_3000 } from './render/stream';
import { tokensOf } from './render/text';
import { SoakDriver, STREAMS } from './soak/driver';
import { startMainProcess, type MainMemory, type MainProcess } from './soak/mainProcess';
import type { BenchResult } from './types';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
/** Long enough for every code path (charts, search worker, JIT) to have run once before the first reading. */
const WARM_UP_SECONDS = Math.min(60, Math.max(10, SECONDS / 10));
/** Search and the Usage screen are used this often. */
const EVERY_MS = 10_000;
/** Memory is logged this often, so a slope shows in the long run. */
const TREND_MS = 60_000;
/** The demo's reasoning-free model on the confidential API. */
const MODEL = 'phala/gpt-oss-120b';
const TARGET_MB = 50;
const MB = 1024 * 1024;

interface Reading {
  mainMb: number;
  mainRssMb: number;
  rendererMb: number;
}

const mainMb = (m: MainMemory) => (m.heapUsed + m.external) / MB;

/** The page's JS heap after two full collections through the DevTools protocol. */
async function rendererHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / MB;
  } finally {
    await cdp.detach();
  }
}

async function read(page: Page, main: MainProcess): Promise<Reading> {
  const renderer = await rendererHeapMb(page);
  const m = await main.memory();
  return { mainMb: mainMb(m), mainRssMb: m.rss / MB, rendererMb: renderer };
}

const log = (what: string, r: Reading) =>
  console.log(
    `  soak: ${what}: main ${r.mainMb.toFixed(1)} MB heap+external (RSS ${r.mainRssMb.toFixed(0)} MB), ` +
      `renderer ${r.rendererMb.toFixed(1)} MB heap`,
  );

/** Streams, searches and Usage visits for `seconds`, then lets every stream end. */
async function soak(driver: SoakDriver, page: Page, main: MainProcess, seconds: number): Promise<void> {
  const end = Date.now() + seconds * 1000;
  let nextTrend = Date.now() + TREND_MS;
  driver.begin();
  while (Date.now() < end) {
    await delay(Math.min(EVERY_MS, end - Date.now()));
    driver.check();
    if (Date.now() >= end) break;
    driver.search();
    driver.visitUsage();
    if (Date.now() >= nextTrend) {
      nextTrend += TREND_MS;
      log(`${Math.round((seconds * 1000 - (end - Date.now())) / 1000)} s, streaming`, await read(page, main));
    }
  }
  await driver.drain();
}

async function measure(browser: Browser, mock: MockProvider, main: MainProcess): Promise<BenchResult[]> {
  let context: BrowserContext | null = null;
  try {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(main.url);
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();

    const answers = [11, 12, 13, 14].map((seed) => tokensOf(seed, RATE_3000.tokens, 'Zqxsoakend'));
    const step = (content: string) => ({
      reply: { content, chunks: RATE_3000.pieces, delayMs: 1 },
    });
    const settings = { providerId: main.providerId, model: MODEL };
    const driver = new SoakDriver(page, mock, settings, answers, RATE_3000.tokens, step);
    await driver.setUp();

    console.log(`  soak: warming up for ${WARM_UP_SECONDS} s…`);
    await soak(driver, page, main, WARM_UP_SECONDS);
    await driver.settle();
    const before = await read(page, main);
    log('after the warm-up', before);
    const tokensBefore = await driver.tokens();
    const counted = { ...driver.counts, rates: driver.counts.rates.length };

    console.log(`  soak: ${STREAMS} streams at ${RATE_3000.tokensPerSecond} tok/s for ${SECONDS} s…`);
    await soak(driver, page, main, SECONDS);
    await driver.settle();
    const after = await read(page, main);
    log('at the end', after);
    if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);

    const c = driver.counts;
    const tokens = (await driver.tokens()) - tokensBefore;
    const answered = c.answers - counted.answers;
    const rates = c.rates.slice(counted.rates);
    console.log(
      `  soak: ${answered} answers (${c.failed - counted.failed} not complete), ` +
        `${c.threadsReplaced - counted.threadsReplaced} threads replaced, ` +
        `${c.searches - counted.searches} searches, ${c.usageVisits - counted.usageVisits} Usage visits, ` +
        `${Math.round(tokens / SECONDS)} tok/s all streams together`,
    );
    const info = () => true;
    return [
      figure(
        'memory.soak_main_growth_mb',
        after.mainMb - before.mainMb,
        'MB',
        `≤ ${TARGET_MB} MB`,
        (v) => v <= TARGET_MB,
      ),
      figure('memory.soak_main_rss_growth_mb', after.mainRssMb - before.mainRssMb, 'MB', 'info', info),
      figure(
        'memory.soak_renderer_growth_mb',
        after.rendererMb - before.rendererMb,
        'MB',
        `≤ ${TARGET_MB} MB`,
        (v) => v <= TARGET_MB,
      ),
      figure('soak.seconds', SECONDS, 's', 'info (600 for the issue)', info),
      figure('soak.tokens_streamed', tokens, 'tok', 'info', info),
      figure('soak.answers_finished', answered, 'answers', 'info', info),
      figure('soak.answers_not_complete', c.failed - counted.failed, 'answers', '0', (v) => v === 0),
      figure('soak.stream_rate_median', median(rates), 'tok/s', `info (≈${RATE_3000.tokensPerSecond})`, info),
      figure('soak.searches_run', c.searches - counted.searches, 'searches', 'info', info),
      figure('soak.usage_visits', c.usageVisits - counted.usageVisits, 'visits', 'info', info),
    ];
  } finally {
    await context?.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  if (!Number.isFinite(SECONDS) || SECONDS <= 0)
    throw new Error(`SOAK_SECONDS must be a positive number of seconds, not “${process.env.SOAK_SECONDS}”`);
  ensureBuilt();
  // Credits for any length of soak: the confidential API refuses once a subject's run out.
  const mock = await startMockProvider({ initialCredits: Number.MAX_SAFE_INTEGER });
  let main: MainProcess | null = null;
  let browser: Browser | null = null;
  // Bounded whatever happens: a stalled page or host fails the bench rather than hanging the run.
  const limitMs = (WARM_UP_SECONDS + SECONDS + 300) * 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the soak did not finish within ${limitMs / 1000} s`)),
      limitMs,
    );
  });
  try {
    const jwt = mintJwt({ scopes: ['llm-all'], expiresInSec: 86_400, sub: 'soak' });
    main = await startMainProcess(mock.confidentialBase, jwt);
    browser = await launchChromium();
    return await Promise.race([measure(browser, mock, main), deadline]);
  } finally {
    clearTimeout(timer);
    await browser?.close();
    await main?.close();
    await mock.close();
  }
}
