import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { ThreadsRepo } from '../../../main/threads/repo';
import type { Host } from '../../bridge/host';
import type { BenchResult } from '../types';
import { openBenchPage } from './app';
import { figure } from './stats';

/** The answers of issue 12 that used to blank or hang the window. */
export const HOSTILE: Record<string, string> = {
  '5 MB on one line': 'x'.repeat(5_000_000),
  '10,000-deep nesting': `${'>'.repeat(10_000)} deep\n\n${'- '.repeat(10_000)}deep`,
  '1 MB code block': `\`\`\`js\n${'const answer = [1, 2, 3].map((n) => n * 2); // hostile\n'.repeat(18_000)}\`\`\``,
};
const REFERENCE = 'a short answer (reference, not counted)';
/** Frames recorded after the last part is in, so a late layout or paint is counted too. */
const SETTLE_FRAMES = 30;
const WAIT_MS = 120_000;

/** A thread holding one question and `answer`, finished, older than the demo's thread so it is not opened at start. */
export function seedAnswer(host: Host, answer: string, title: string): string {
  if (!host.demoThreadId) throw new Error('the host was started without the demo');
  const repo = new ThreadsRepo(host.services.db);
  const demo = repo.getThread(host.demoThreadId).settings;
  const at = Date.now() - 86_400_000;
  const question = randomUUID();
  const reply = randomUUID();
  return repo.importThread(
    { title, titleEdited: true, lastActivityAt: at, activeLeafId: reply, settings: { ...demo, toolIds: [] } },
    [
      {
        id: question,
        parentId: null,
        role: 'user',
        content: title,
        status: 'complete',
        createdAt: at,
        updatedAt: at,
      },
      {
        id: reply,
        parentId: question,
        role: 'assistant',
        content: answer,
        status: 'complete',
        createdAt: at,
        updatedAt: at,
        providerId: demo.providerId,
        model: demo.model,
        finishReason: 'stop',
      },
    ],
  ).id;
}

/**
 * `render.worst_frame_ms_hostile`: the longest frame while each hostile answer is opened and then
 * shown whole ("Show all", a part per frame, until the last part is in), measured in the page as
 * requestAnimationFrame intervals. One frame of ours is one interval; 16.7 ms is an idle frame.
 */
export async function hostileBench(browser: Browser, host: Host): Promise<BenchResult[]> {
  const app = await openBenchPage(browser, host);
  const worst: number[] = [];
  try {
    // The app starts slowly on a loaded machine; that start is not what is measured.
    await app.page.getByTestId('composer').waitFor({ timeout: 120_000 });
    // First a thread with a short answer, printed for reference and not counted: what opening any
    // thread costs (the first switch after start also compiles the opening's code), beside which
    // each hostile answer's own cost reads.
    const cases: [string, string][] = [[REFERENCE, 'A short answer.'], ...Object.entries(HOSTILE)];
    for (const [name, answer] of cases) {
      const threadId = seedAnswer(host, answer, `Bench: ${name}`);
      const { opening, showing, read } = await app.page.evaluate(
        async ({ id, settle, wait }) => {
          const bench = window.__llmDeskBench;
          if (!bench) throw new Error('no bench hooks');
          const recorder = bench.recordFrames();
          await bench.openThread(id);
          // A frame more, so an opening shorter than the recorder's first frame is still counted.
          for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
          const opening = recorder.stop();
          const all = bench.recordFrames();
          const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
          const started = performance.now();
          const more = () => document.querySelector<HTMLButtonElement>('.msg-more button');
          more()?.click();
          while (document.querySelector('.msg-more') && performance.now() - started < wait) await frame();
          if (document.querySelector('.msg-more')) throw new Error('the answer was not all shown in time');
          // Then read it through: a screen per frame to its end, parts coming into view on the way.
          const list = document.querySelector<HTMLElement>('[data-testid="message-list"]');
          if (!list) throw new Error('no message list');
          // The list follows the end while the message grows (the parts taking their places are
          // measured over a few frames): only once its height holds does the top stay the top.
          for (let still = 0, height = -1; still < 3 && performance.now() - started < wait;) {
            still = list.scrollHeight === height ? still + 1 : 0;
            height = list.scrollHeight;
            await frame();
          }
          list.scrollTop = 0;
          await frame();
          while (
            list.scrollTop + list.clientHeight < list.scrollHeight - 2 &&
            performance.now() - started < wait
          ) {
            list.scrollTop += list.clientHeight;
            await frame();
          }
          for (let i = 0; i < settle; i++) await frame();
          if (document.querySelector('[data-testid="message-fallback"]'))
            throw new Error('it fell back to text');
          const read = (list.scrollTop + list.clientHeight) / list.scrollHeight;
          return { opening, showing: all.stop(), read };
        },
        { id: threadId, settle: SETTLE_FRAMES, wait: WAIT_MS },
      );
      const max = Math.max(...opening, ...showing);
      if (name !== REFERENCE) worst.push(max);
      // Wall-clock frames: on a shared machine the load average says how much of a long frame was
      // other work (a frame at load 10 on two cores is mostly waiting for a core).
      console.log(
        `  hostile: ${name}: opening ${opening.length} frames, the longest ${Math.max(...opening).toFixed(1)} ms; ` +
          `showing it all ${showing.length} frames, the longest ${Math.max(...showing).toFixed(1)} ms, ` +
          // A loaded machine may run out of time before reading to the end: say how far it got.
          `read to ${Math.round(read * 100)}% ` +
          `(load average ${loadavg()[0]?.toFixed(1)})`,
      );
    }
  } finally {
    await app.close();
  }
  return [figure('render.worst_frame_ms_hostile', Math.max(...worst), 'ms', '≤ 50 ms', (v) => v <= 50)];
}
