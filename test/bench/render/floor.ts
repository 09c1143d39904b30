import type { Browser, Page } from 'playwright-core';
import { renderMarkdown } from '../../../renderer/src/markdown/render';
import { frameStats, type FrameStats } from './stats';
import { markdownOf, tokensOf } from './text';

/** Frames with the floor pages' step: a new screen of messages each frame, as the open bench's scroll. */
const SCROLL_STEP = 4500;
const MESSAGES = 400;

export interface Floor {
  /** Prebuilt messages scrolled from the end to the top, SCROLL_STEP pixels a frame. */
  scroll: FrameStats;
  /** A plain-text answer growing each frame at the stream's rate, kept scrolled to its end. */
  stream: (tokensPerSecond: number) => Promise<FrameStats>;
  close: () => Promise<void>;
}

/**
 * This machine's floor for the frame figures, measured in the same run and browser: pages with no
 * app and no framework, their markup built beforehand, driven the way the benches drive the app.
 * What they reach is the best any page reaches here (on this 2-core machine a static page scrolled
 * a screen a frame already misses frames), so a frame figure read beside its floor says how much
 * is the app's and how much the machine's.
 */
export async function measureFloor(browser: Browser): Promise<Floor> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  const page = await context.newPage();
  const messages = Array.from({ length: MESSAGES }, (_, i) => renderMarkdown(markdownOf(i, 900)));
  await page.setContent(
    '<!doctype html><html><head><style>' +
      'body{margin:0;font:15px/1.5 sans-serif} #list{height:100vh;overflow:auto} ' +
      '.msg{max-width:760px;margin:0 auto;padding:12px 24px} pre{white-space:pre-wrap}' +
      '#answer{white-space:pre-wrap}</style></head><body><div id="list">' +
      messages.map((html) => `<div class="msg">${html}</div>`).join('') +
      '<div class="msg" id="answer"></div></div></body></html>',
  );
  const period = await idlePeriod(page);
  const scroll = frameStats(
    await page.evaluate(async (step) => {
      const list = document.getElementById('list') as HTMLElement;
      list.scrollTop = list.scrollHeight;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const frames: number[] = [];
      let last = performance.now();
      while (list.scrollTop > 0) {
        list.scrollTop = Math.max(0, list.scrollTop - step);
        const t = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
        frames.push(t - last);
        last = t;
      }
      return frames.slice(1);
    }, SCROLL_STEP),
    period,
  );
  return {
    scroll,
    stream: async (tokensPerSecond) => {
      const tokens = 8000;
      const text = tokensOf(7, tokens, 'end');
      const perFrame = Math.max(1, Math.round((text.length / tokens) * (tokensPerSecond / 60)));
      const frames = await page.evaluate(
        async ({ text, perFrame }) => {
          const list = document.getElementById('list') as HTMLElement;
          const answer = document.getElementById('answer') as HTMLElement;
          answer.textContent = '';
          list.scrollTop = list.scrollHeight;
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          const intervals: number[] = [];
          let last = performance.now();
          for (let at = 0; at < text.length; at += perFrame) {
            answer.append(text.slice(at, at + perFrame));
            list.scrollTop = list.scrollHeight;
            const t = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
            intervals.push(t - last);
            last = t;
          }
          return intervals.slice(1);
        },
        { text, perFrame },
      );
      return frameStats(frames, period);
    },
    close: () => context.close(),
  };
}

/** Median rAF interval of the page while nothing happens. */
async function idlePeriod(page: Page): Promise<number> {
  const intervals = await page.evaluate(async () => {
    const out: number[] = [];
    let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    while (out.length < 60) {
      const t = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      out.push(t - last);
      last = t;
    }
    return out;
  });
  const sorted = [...intervals].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 1000 / 60;
}
