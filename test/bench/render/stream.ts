import { setTimeout as delay } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import type { Host } from '../../bridge/host';
import type { BenchResult } from '../types';
import { idleFramePeriod, openBenchPage } from './app';
import { seedThread } from './seed';
import { figure, frameStats, percentile } from './stats';
import { tokensOf } from './text';

const EARLIER_MESSAGES = 200;

/** One streaming scenario: how many tokens, in how many SSE frames, for which rate. */
export interface StreamRate {
  tokensPerSecond: number;
  tokens: number;
  /**
   * The mock sends one SSE frame per piece and sleeps `delayMs` between frames; Node's 1 ms
   * timer really takes about 1.2 ms with the write, so 2,150 pieces of ~3.7 tokens make about
   * 3,000 tokens/s. The rate actually reached is measured at the page and reported as its own
   * figure (passing within ±10 %).
   */
  pieces: number;
  /** A stretch goal: a miss is reported but does not fail the bench (both rates are required now). */
  stretch: boolean;
}

export const RATE_3000: StreamRate = { tokensPerSecond: 3000, tokens: 8000, pieces: 2150, stretch: false };
/**
 * 24,000 tokens (so the stream still lasts seconds) in pieces of ~12 tokens. Issue 12's stretch
 * goal, required since issue 13 (on a quiet machine it met all six targets): a miss fails the run.
 */
export const RATE_10000: StreamRate = {
  tokensPerSecond: 10_000,
  tokens: 24_000,
  pieces: 1950,
  stretch: false,
};
const FRAME_DELAY_MS = 1;
/** About 20 keys a second: a fast typist, and enough samples in a ~3 s stream. */
const KEY_INTERVAL_MS = 50;
const MARKER = 'Zqxendofstream';

/** A stream that fails or never paints its end makes the scenario fail instead of hanging the run. */
const WAIT_MS = 60_000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${WAIT_MS / 1000} s`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface StreamMeasurement {
  firstDeltaAt: number;
  lastTokenAt: number;
  paintedAt: number;
  firstEventChars: number;
  chars: number;
  deltaEvents: number;
  /** The last tokens came with the 'ended' event rather than a delta. */
  endedCarriedLast: boolean;
  frames: number[];
  keys: number[];
}

/**
 * `render.stream_3000tps`: 8,000 tokens from the mock provider into a thread of 200 earlier
 * messages, through the real chat engine, bridge and renderer, while keys are typed in the
 * message box. Everything is timed in the page: frames from the first delta to the final paint;
 * the lag from the arrival of the stream event carrying the last token (main pushes deltas at
 * most every 16 ms and sends what is still pending with 'ended', so that may be the 'ended'
 * event) to the paint showing it; and key-press-to-next-paint for each key typed while the
 * answer was still arriving.
 */
export async function streamBench(
  browser: Browser,
  host: Host,
  at: StreamRate = RATE_3000,
): Promise<BenchResult[]> {
  const mock = host.mock;
  if (!mock) throw new Error('the host was started without the mock provider');
  const threadId = seedThread(host, EARLIER_MESSAGES, 1, 'Bench: streaming');
  const app = await openBenchPage(browser, host);
  const { page } = app;
  try {
    await page.evaluate(async (id) => {
      await window.__llmDeskBench?.openThread(id);
    }, threadId);
    const composer = page.getByTestId('composer');
    await composer.waitFor();
    const period = await idleFramePeriod(page);

    const content = tokensOf(7, at.tokens, MARKER);
    mock.script({ reply: { content, chunks: at.pieces, delayMs: FRAME_DELAY_MS } });

    const probe = await page.evaluateHandle(
      ({ id, length, marker }) => {
        const bench = window.__llmDeskBench;
        if (!bench) throw new Error('no bench hooks');
        let markFirst: () => void = () => undefined;
        const firstDelta = new Promise<void>((resolve) => {
          markFirst = resolve;
        });
        const result = new Promise<StreamMeasurement>((resolve) => {
          const keys = bench.recordComposerLatency();
          let frames: { stop: () => number[] } | null = null;
          let firstDeltaAt = 0;
          let firstEventChars = 0;
          let chars = 0;
          let deltaEvents = 0;
          let endedCarriedLast = false;
          let expanded = false;
          const painted = (lastTokenAt: number, keySamples: number[]) => {
            const answers = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
            const last = answers[answers.length - 1];
            if (!last?.textContent?.includes(marker)) {
              requestAnimationFrame(() => painted(lastTokenAt, keySamples));
              return;
            }
            // This rAF ran after the app's own flush in the same frame; the task after it runs once that frame is painted.
            setTimeout(() => {
              const paintedAt = performance.now();
              resolve({
                firstDeltaAt,
                lastTokenAt,
                paintedAt,
                firstEventChars,
                chars,
                deltaEvents,
                endedCarriedLast,
                frames: frames?.stop() ?? [],
                keys: keySamples,
              });
            }, 0);
          };
          const lastToken = (at: number) => {
            unsubscribe();
            const keySamples = keys.stop();
            requestAnimationFrame(() => painted(at, keySamples));
          };
          const unsubscribe = window.api.chat.onStream((event) => {
            if (event.threadId !== id) return;
            const now = performance.now();
            // Main pushes deltas at most every 16 ms; what is pending at the end rides on 'ended'.
            if (event.type === 'ended') {
              endedCarriedLast = chars < length;
              if (endedCarriedLast) lastToken(now);
              return;
            }
            if (event.type !== 'delta') return;
            const added = event.choices.reduce((n, c) => n + (c.content?.length ?? 0), 0);
            chars += added;
            deltaEvents += 1;
            if (frames === null) {
              firstDeltaAt = now;
              firstEventChars = added;
              frames = bench.recordFrames();
              markFirst();
            }
            // An answer past 64,000 characters shows its first part with "Show all" (issue 12): the
            // reader following it presses it once, so the whole answer streams on screen, and its
            // last token is there to be seen painted.
            if (!expanded) {
              const answers = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
              const more = answers[answers.length - 1]?.querySelector<HTMLButtonElement>('.msg-more button');
              if (more && !more.disabled) {
                expanded = true;
                more.click();
              }
            }
            if (chars >= length) lastToken(now);
          });
        });
        return { firstDelta, result };
      },
      { id: threadId, length: content.length, marker: MARKER },
    );

    await composer.fill('Write the long answer, please.');
    await composer.press('Enter');
    await withTimeout(
      probe.evaluate((p) => p.firstDelta),
      'the first delta',
    );

    let streaming = true;
    const measured = withTimeout(
      probe.evaluate((p) => p.result),
      'the painted last token',
    ).finally(() => {
      streaming = false;
    });
    await composer.focus();
    while (streaming) {
      await page.keyboard.type('k');
      await delay(KEY_INTERVAL_MS);
    }
    const m = await measured;
    await page.waitForFunction(() => {
      const answers = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
      return answers[answers.length - 1]?.getAttribute('data-status') === 'complete';
    });

    const seconds = (m.lastTokenAt - m.firstDeltaAt) / 1000;
    const rate = (at.tokens * (content.length - m.firstEventChars)) / content.length / seconds;
    const f = frameStats(m.frames, period);
    const lag = m.paintedAt - m.lastTokenAt;
    const keyP95 = percentile(m.keys, 95);
    const name = `render.stream_${at.tokensPerSecond}tps`;
    const goal = (target: string) => (at.stretch ? `stretch ${target}` : target);
    console.log(
      `  stream: ${m.deltaEvents} delta events (last tokens on ${m.endedCarriedLast ? "'ended'" : 'a delta'}), ` +
        `${m.frames.length} frames (period ${period.toFixed(1)} ms), ${m.keys.length} keys`,
    );
    const figures = [
      figure(
        `${name}.rate`,
        rate,
        'tok/s',
        goal(`≈${at.tokensPerSecond} tok/s`),
        (v) => Math.abs(v - at.tokensPerSecond) <= at.tokensPerSecond * 0.1,
      ),
      figure(`${name}.max_frame`, f.maxMs, 'ms', goal('< 50 ms'), (v) => v < 50),
      figure(`${name}.dropped_frames`, f.droppedPct, '%', goal('≤ 1 %'), (v) => v <= 1),
      figure(`${name}.frame_p95`, f.p95Ms, 'ms', goal('≤ 17 ms'), (v) => v <= 17),
      figure(`${name}.lag_after_last`, lag, 'ms', goal('≤ 50 ms'), (v) => v <= 50),
      figure(`${name}.keypress_p95`, keyP95, 'ms', goal('≤ 33 ms'), (v) => v <= 33),
    ];
    return at.stretch ? figures.map((f) => ({ ...f, stretch: true })) : figures;
  } finally {
    await app.close();
  }
}
