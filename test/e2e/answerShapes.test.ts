import { describe, expect, it } from 'vitest';
import type { ScriptStep } from '../mock-provider';
import { lastAnswer, newThreadLike, send } from './chat';
import { useDemoApp } from './harness';

// What the window shows for provider shapes and failures: one notice, said once, never repeated.

const demo = useDemoApp();

const SHOTS = process.env.SHOTS_DIR;

async function answerTo(steps: ScriptStep[], params: Record<string, unknown> = {}) {
  const mock = demo.app.host.mock;
  if (!mock) throw new Error('the demo host has a mock provider');
  await newThreadLike(demo.app.page, demo.demoThreadId(), { params });
  mock.script(...steps);
  await send(demo.app.page, 'Tell me about otters');
  return lastAnswer(demo.app.page);
}

const times = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe('failure notices', () => {
  it('402 says top up once', async () => {
    const answer = await answerTo([{ status: 402 }]);
    const notice = answer.getByTestId('message-notice');
    const text = (await notice.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Out of credits');
    expect(times(text, /top up/gi)).toBe(1);
    if (SHOTS) await notice.screenshot({ path: `${SHOTS}/notice-402.png` });
  });

  it('429 names its wait once', async () => {
    const answer = await answerTo([1, 2, 3, 4].map(() => ({ status: 429 as const, retryAfterSec: 1 })));
    const text = (await answer.getByTestId('message-notice').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Rate limited by the provider');
    expect(times(text, /retry in 1 s|wait a moment/gi)).toBe(1);
  });

  it('a cut stream says the connection dropped, not that the provider could not be reached', async () => {
    const answer = await answerTo([{ reply: { content: 'abcdefghij', chunks: 5 }, cutAfterChunks: 3 }]);
    const notice = answer.getByTestId('message-notice');
    const text = (await notice.innerText()).replace(/\s+/g, ' ');
    expect(text).not.toMatch(/could not reach/i);
    expect(text).toContain('Interrupted: the connection dropped');
    expect(times(text, /connection/gi)).toBe(1);
    expect(times(text, /arrived is kept/gi)).toBe(1);
    if (SHOTS) await notice.screenshot({ path: `${SHOTS}/notice-cut.png` });
  });

  it('an empty answer is marked, with the raw events one click away', async () => {
    const answer = await answerTo([{ reply: { content: '' } }]);
    await expect.poll(() => answer.getAttribute('data-status')).toBe('error');
    const notice = answer.getByTestId('message-notice');
    expect(await notice.innerText()).toContain('Empty answer');
    if (SHOTS) await answer.screenshot({ path: `${SHOTS}/empty-answer.png` });
    await notice.getByRole('button', { name: 'Show raw events' }).click();
    const inspector = demo.app.page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('searchbox', { name: 'Search raw stream events' }).waitFor();
    await inspector.getByText(/^[1-9][\d,]* events$/).waitFor();
  });
});

describe('answers as providers send them', () => {
  it('shows "asked for 3, received 1" and the cached and reasoning tokens of its usage', async () => {
    const answer = await answerTo(
      [
        {
          reply: { content: 'Otters hold hands.', reasoning: 'Recall otter facts.', chunks: 3 },
          shape: { choices: 1, parts: true, usage: 'finish', cachedTokens: 5 },
        },
      ],
      { n: 3, include_usage: true },
    );
    await expect.poll(() => answer.getAttribute('data-status')).toBe('complete');
    expect(await answer.getByTestId('choices-notice').innerText()).toBe('Asked for 3 answers, received 1.');
    const usage = await answer.getByTestId('usage-line').innerText();
    expect(usage).toContain('5 cached');
    // The mock planned three choices and reports their reasoning together.
    expect(usage).toMatch(/\d+ reasoning/);
    if (SHOTS) await answer.screenshot({ path: `${SHOTS}/fewer-choices.png` });
  });

  it('with n = 2 marks the completion figure shared unless each choice reported its own', async () => {
    await answerTo([{ reply: { content: 'Short.' } }], { n: 2, include_usage: true });
    const lines = demo.app.page.getByTestId('choice-group').getByTestId('usage-line');
    await expect.poll(() => lines.count()).toBe(2);
    for (const line of await lines.all()) expect(await line.innerText()).toContain('(shared)');
    if (SHOTS)
      await demo.app.page.getByTestId('choice-group').screenshot({ path: `${SHOTS}/shared-usage.png` });
    await answerTo([{ reply: { content: 'Short.' }, shape: { perChoiceUsage: true } }], {
      n: 2,
      include_usage: true,
    });
    const own = demo.app.page.getByTestId('choice-group').getByTestId('usage-line');
    await expect.poll(() => own.count()).toBe(2);
    for (const line of await own.all()) expect(await line.innerText()).not.toContain('(shared)');
  });
});
