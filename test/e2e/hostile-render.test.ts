import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { openApp, traceFailures, type AppUnderTest } from './harness';

/**
 * Issue 12, "a hostile provider cannot hurt you": whatever an answer holds, the window survives
 * it. Each answer comes from the mock provider through the real engine, bridge and renderer.
 */
let browser: Browser;
let app: AppUnderTest;

beforeAll(async () => {
  browser = await launchChromium();
  app = await openApp(browser, { demo: true });
  await app.pages.threads.openFirst();
  await app.pages.threads.createLike(app.host.demoThreadId ?? '');
  // Starting the browser and the app took over 30 s on the shared two cores.
}, 120_000);
afterAll(async () => {
  await app?.close();
  await browser?.close();
});
traceFailures(() => app?.context);

/** `content` in pieces of at most 4 KB (the app cuts an event-stream line past 1 MB). */
const reply = (content: string, chunks = Math.max(4, Math.ceil(content.length / 4096))) => {
  if (!app.host.mock) throw new Error('the demo host has a mock provider');
  app.host.mock.script({ reply: { content, chunks, delayMs: 0 } });
};

/** The deepest nesting of quotes and lists in the last answer. */
const answerDepth = () => app.pages.conversation.nestingDepth(app.pages.conversation.lastAnswer);

describe('a hostile answer', () => {
  it('of 4 KB of nested quotes renders, capped, instead of blanking the window', async () => {
    reply(`${'>'.repeat(4000)} deep`);
    await app.pages.conversation.send('quote me');
    await expect.poll(() => app.pages.conversation.lastAnswer.textContent()).toContain('deep');
    expect(await answerDepth()).toBeLessThanOrEqual(40);
    await expect.poll(() => app.pages.nav.rail.isVisible()).toBe(true);
  });

  it('of nested list markers renders too', async () => {
    reply(`${'- '.repeat(3000)}deep`);
    await app.pages.conversation.send('list me');
    await expect.poll(() => app.pages.conversation.lastAnswer.textContent()).toContain('deep');
    expect(await answerDepth()).toBeLessThanOrEqual(40);
  });

  it('of ten thousand stacked emphasis delimiters renders them as text, without falling back', async () => {
    // It used to overflow the inline lexer's stack; the emphasis cap (emphasis.ts) escapes the runs.
    reply(`${'*'.repeat(10_000)}x${'*'.repeat(10_000)} <img src=x onerror=alert(1)>`, 1);
    await app.pages.conversation.send('emphasise');
    const answer = app.pages.conversation.lastAnswer;
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 30_000 }).toBe('complete');
    // Its 20,001 characters without a space are a long run, but the message is small: it is shown
    // whole, with no "Show all" (limit.ts WHOLE).
    await expect
      .poll(() => answer.textContent(), { timeout: 30_000 })
      .toContain('<img src=x onerror=alert(1)>');
    await expect.poll(() => answer.textContent(), { timeout: 30_000 }).toContain(`${'*'.repeat(100)}x`);
    expect(await app.pages.conversation.moreNote(answer).count()).toBe(0);
    expect(await app.pages.conversation.fallback(answer).count()).toBe(0);
    expect(await app.pages.conversation.images(answer).count()).toBe(0);
  }, 60_000);
});

describe('a hostile tool call', () => {
  it('shows a right-to-left override in the function name instead of obeying it', async () => {
    app.host.mock?.script({ reply: { toolCalls: [{ name: 'get_\u202Etxt.exe', arguments: {} }] } });
    await app.pages.conversation.send('call something');
    const name = app.pages.conversation.toolCallName(app.pages.conversation.lastAnswer);
    await expect.poll(() => name.textContent()).toBe('get_⟨U+202E⟩txt.exe');
  });

  it('against a backtracking schema pattern is checked without freezing the window', async () => {
    const tool = await app.page.evaluate(async () => {
      const created = await window.api.tools.create({
        name: 'lookup',
        parameters: {
          type: 'object',
          properties: { word: { type: 'string', pattern: '^([a-zA-Z]+\\s?)*$' } },
        },
      });
      if (!created.ok) throw new Error(created.error.message);
      return created.value.id;
    });
    const id = await app.pages.threads.createLike(app.host.demoThreadId ?? '', { toolIds: [tool] });
    expect(id).not.toBe('');
    app.host.mock?.script({
      reply: { toolCalls: [{ name: 'lookup', arguments: { word: `${'a'.repeat(70)}!` } }] },
    });
    await app.pages.conversation.send('look it up');
    const problems = app.pages.conversation.argumentProblems(app.pages.conversation.lastAnswer);
    await expect.poll(() => problems.textContent()).toContain('does not match pattern');
  });
});

describe('a huge answer', () => {
  it('of 5 MB on one line shows its first part and the rest on "Show all"', async () => {
    const own = await app.pages.threads.createLike(app.host.demoThreadId ?? '');
    reply('x'.repeat(5_000_000));
    // 5 MB through the engine and the bridge takes a while on a loaded machine.
    await app.pages.conversation.send('a long line', 60_000);
    const answer = app.pages.conversation.lastAnswer;
    const more = app.pages.conversation.moreNote(answer);
    // An unbroken run costs four times what prose does to lay out: parts of 8,000 characters.
    await expect.poll(() => more.textContent()).toBe('Showing the first 8 KB of 5.0 MBShow all');
    // The run wraps (broken anywhere) instead of widening the message.
    await expect.poll(() => app.pages.conversation.runs(answer).count()).toBe(1);
    expect(await answer.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await app.pages.conversation.showAll(answer).click();
    // Every part takes its place, but only those near the view are filled, one per frame.
    await expect.poll(() => more.count(), { timeout: 30_000 }).toBe(0);
    expect(await app.pages.conversation.parts(answer).count()).toBe(625);
    await app.pages.conversation.scrollTo('end');
    await expect
      .poll(() => app.pages.conversation.runs(app.pages.conversation.part(answer, 624)).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    // Read to the end, the parts left behind were emptied: the DOM holds a few parts, not 5 MB.
    expect(await app.pages.conversation.runs(app.pages.conversation.part(answer, 1)).count()).toBe(0);
    expect(await app.pages.conversation.runs(answer).count()).toBeLessThan(80);
    expect((await answer.textContent())?.length ?? 0).toBeLessThan(80 * 8_000);
    // The window still answers: the thread list still switches threads.
    await app.pages.threads.items.last().click();
    await app.pages.threads.item(own).click();
    await app.pages.conversation.lastAnswer.waitFor();
  }, 90_000);

  it('shown whole leaves the reader where they were, the rest taking its place below', async () => {
    const { conversation, threads } = app.pages;
    await threads.createLike(app.host.demoThreadId ?? '');
    reply('lorem ipsum dolor sit amet\n'.repeat(12_000));
    await conversation.send('a long answer', 60_000);
    const answer = conversation.lastAnswer;
    const more = conversation.moreNote(answer);
    await more.waitFor();
    const list = conversation.list;
    // The reader is at the bottom of the finished answer, the note and its button in view.
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const top = async (locator: typeof more) => {
      const [box, view] = await Promise.all([locator.boundingBox(), list.boundingBox()]);
      return (box?.y ?? Number.NaN) - (view?.y ?? 0);
    };
    const noteAt = await top(more);
    await conversation.showAll(answer).click();
    await expect.poll(() => more.count(), { timeout: 30_000 }).toBe(0);
    // The second part starts where the note was, and stays there while the parts are measured
    // (it used to follow the message's end, 300 KB further down).
    const second = conversation.part(answer, 1);
    await second.waitFor();
    for (let i = 0; i < 10; i++) {
      await app.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      expect(Math.abs((await top(second)) - noteAt)).toBeLessThan(40);
    }
    expect(await list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeGreaterThan(
      1000,
    );
  }, 90_000);

  it('of 5 MB opens again with a bounded payload, and Copy still copies all 5 MB', async () => {
    const { conversation, threads } = app.pages;
    const own = await threads.createLike(app.host.demoThreadId ?? '');
    reply('y'.repeat(5_000_000));
    await conversation.send('another long line', 60_000);
    await threads.items.last().click();
    // Reopened from main: what the window is sent for the thread is bounded, not 5 MB.
    const opened = new Promise<number>((resolve) => {
      const stop = app.host.bridge.calls.watch((call) => {
        if (call.phase !== 'answered' || call.channel !== 'threads:get') return;
        stop();
        resolve(call.bytes);
      });
    });
    await threads.open(own);
    expect(await opened).toBeLessThan(100_000);
    await expect
      .poll(() => conversation.moreNote(conversation.lastAnswer).textContent(), { timeout: 20_000 })
      .toContain('of 5.0 MB');
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await conversation.lastAnswer.hover();
    await conversation.action(conversation.lastAnswer, 'Copy message').click();
    await expect
      .poll(() => app.page.evaluate(() => navigator.clipboard.readText().then((t) => t.length)), {
        timeout: 30_000,
      })
      .toBe(5_000_000);
  }, 120_000);
});
