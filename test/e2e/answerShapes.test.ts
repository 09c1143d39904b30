import { describe, expect, it } from 'vitest';
import type { ScriptStep } from '../mock-provider';
import { useDemoApp } from './harness';

// What the window shows for provider shapes and failures: one notice, said once, never repeated.

const demo = useDemoApp();

const SHOTS = process.env.SHOTS_DIR;

async function answerTo(steps: ScriptStep[], params: Record<string, unknown> = {}) {
  const { threads, conversation } = demo.pages;
  await threads.createLike(demo.demoThreadId(), { params });
  demo.mock().script(...steps);
  await conversation.send('Tell me about otters');
  return conversation.lastAnswer;
}

const times = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe('failure notices', () => {
  it('402 says top up once', async () => {
    const answer = await answerTo([{ status: 402 }]);
    const notice = demo.pages.conversation.notice(answer);
    const text = (await notice.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Out of credits');
    expect(times(text, /top up/gi)).toBe(1);
    if (SHOTS) await notice.screenshot({ path: `${SHOTS}/notice-402.png` });
  });

  it('429 names its wait once', async () => {
    const answer = await answerTo([1, 2, 3, 4].map(() => ({ status: 429 as const, retryAfterSec: 1 })));
    const text = (await demo.pages.conversation.notice(answer).innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Rate limited by the provider');
    expect(times(text, /retry in 1 s|wait a moment/gi)).toBe(1);
  });

  it('a cut stream says the connection dropped, not that the provider could not be reached', async () => {
    const answer = await answerTo([{ reply: { content: 'abcdefghij', chunks: 5 }, cutAfterChunks: 3 }]);
    const notice = demo.pages.conversation.notice(answer);
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
    const notice = demo.pages.conversation.notice(answer);
    expect(await notice.innerText()).toContain('Empty answer');
    if (SHOTS) await answer.screenshot({ path: `${SHOTS}/empty-answer.png` });
    await notice.getByRole('button', { name: 'Show raw events' }).click();
    const { inspector } = demo.pages;
    await inspector.rawEventsSearch.waitFor();
    await inspector.someEvents.waitFor();
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
    const { conversation } = demo.pages;
    expect(await conversation.choicesNotice(answer).innerText()).toBe('Asked for 3 answers, received 1.');
    const usage = await conversation.usageLine(answer).innerText();
    expect(usage).toContain('5 cached');
    // The mock planned three choices and reports their reasoning together.
    expect(usage).toMatch(/\d+ reasoning/);
    if (SHOTS) await answer.screenshot({ path: `${SHOTS}/fewer-choices.png` });
  });

  it('with n = 2 marks the completion figure shared unless each choice reported its own', async () => {
    const { conversation } = demo.pages;
    await answerTo([{ reply: { content: 'Short.' } }], { n: 2, include_usage: true });
    const lines = conversation.usageLine(conversation.choiceGroup);
    await expect.poll(() => lines.count()).toBe(2);
    for (const line of await lines.all()) expect(await line.innerText()).toContain('(shared)');
    if (SHOTS) await conversation.choiceGroup.screenshot({ path: `${SHOTS}/shared-usage.png` });
    await answerTo([{ reply: { content: 'Short.' }, shape: { perChoiceUsage: true } }], {
      n: 2,
      include_usage: true,
    });
    const own = conversation.usageLine(conversation.choiceGroup);
    await expect.poll(() => own.count()).toBe(2);
    for (const line of await own.all()) expect(await line.innerText()).not.toContain('(shared)');
  });
});
