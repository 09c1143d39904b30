import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoApp } from './harness';

// A streaming answer is drawn from settled chunks the browser may skip while off screen, and a
// finished one from a single block of HTML: the reader must not see the answer move when the
// thread is opened again.

const demo = useDemoApp();

const section = (i: number) =>
  [
    `## Part ${i}: the harbour`,
    `The ferries leave at dawn, **every day** but Sunday, from the pier past the \`fish market\`. ${'Each one waits for the tide. '.repeat(6)}`,
    '- a ticket from the kiosk\n- a seat on the upper deck\n- something warm to drink',
    '```ts\nconst departures = ferries.filter((f) => f.day !== "Sunday");\nconsole.log(departures.length);\n```',
    `### Notes on part ${i}`,
    '| ferry | leaves | from |\n| --- | ---: | --- |\n| Mawimbi | 06:10 | pier 2 |\n| Kilimanjaro | 07:00 | pier 4 |',
    `> Come early in the high season.`,
  ].join('\n\n');
const ANSWER = Array.from({ length: 6 }, (_, i) => section(i + 1)).join('\n\n');

interface Block {
  tag: string;
  top: number;
  height: number;
}

/** Every block of the answer's markdown, top to bottom, placed relative to the answer's body. */
function blocks(answer: Locator): Promise<{ blocks: Block[]; height: number; chunks: number }> {
  return answer
    .locator('.md')
    .first()
    .evaluate((md) => {
      const origin = md.getBoundingClientRect().top;
      const found: Block[] = [];
      for (const el of md.querySelectorAll<HTMLElement>(':scope > *, :scope > .md-chunk > *')) {
        if (el.classList.contains('md-chunk')) continue;
        const box = el.getBoundingClientRect();
        found.push({ tag: el.tagName, top: box.top - origin, height: box.height });
      }
      return {
        blocks: found,
        height: md.getBoundingClientRect().height,
        chunks: md.querySelectorAll('.md-chunk:not(.md-tail)').length,
      };
    });
}

describe('an answer streamed, then opened again', () => {
  it('has every block in the same place', async () => {
    const { threads, conversation } = demo.pages;
    const threadId = await threads.createLike(demo.demoThreadId());
    demo.mock().script({ reply: { content: ANSWER, chunks: 60, delayMs: 40 } });
    await conversation.startStreaming('When do the ferries leave?');
    await expect.poll(() => conversation.lastAnswerStatus(), { timeout: 20_000 }).toBe('complete');
    const messageId = await conversation.lastAnswer.getAttribute('data-message-id');
    const streamed = await blocks(conversation.lastAnswer);
    // The answer settled in many chunks, and reaches well beyond the window.
    expect(streamed.chunks).toBeGreaterThan(3);
    expect(streamed.height).toBeGreaterThan(2 * (demo.app.page.viewportSize()?.height ?? 0));

    await demo.app.page.reload();
    await threads.open(threadId);
    const answer = demo.app.page.locator(`[data-message-id="${messageId}"]`);
    await answer.waitFor();
    const finished = await blocks(answer);
    expect(finished.chunks).toBe(0);
    expect(finished.blocks.map((b) => b.tag)).toEqual(streamed.blocks.map((b) => b.tag));
    // Equal to within layout's rounding (1/64 px where a heading starts a chunk): nothing a reader sees.
    const moved = finished.blocks
      .map((b, i) => ({ ...b, by: b.top - (streamed.blocks[i]?.top ?? Number.NaN) }))
      .filter((b) => !(Math.abs(b.by) < 0.5));
    expect(moved).toEqual([]);
    expect(finished.blocks.map((b) => b.height)).toEqual(streamed.blocks.map((b) => b.height));
    expect(Math.abs(finished.height - streamed.height)).toBeLessThan(0.5);
  });

  it('draws the caret at the end of the text while it is written, and not once it is done', async () => {
    const { conversation } = demo.pages;
    demo.mock().script({ reply: { content: ANSWER, chunks: 60, delayMs: 60 } });
    await conversation.startStreaming('When do the ferries leave?');
    // The caret: an ::after box drawn on the innermost block holding the text's end, in the tail.
    const caret = () =>
      conversation.lastAnswer.evaluate((answer) => {
        const tail = answer.querySelector('.md-tail');
        const drawn = [...(tail?.querySelectorAll('*') ?? [])].filter(
          (el) => getComputedStyle(el, '::after').content !== 'none',
        );
        return drawn.map((el) => el.tagName);
      });
    await expect.poll(caret, { timeout: 10_000 }).toHaveLength(1);
    await expect.poll(() => conversation.lastAnswerStatus(), { timeout: 20_000 }).toBe('complete');
    expect(await caret()).toEqual([]);
  });
});
