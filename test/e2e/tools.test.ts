import { describe, expect, it } from 'vitest';
import { lastAnswer, newThreadLike, send } from './chat';
import { useDemoApp } from './harness';

const demo = useDemoApp();

const mock = () => demo.mock();
const threadId = () => demo.demoThreadId();
const chatBodies = () =>
  mock()
    .requests.filter((r) => r.path.endsWith('/chat/completions'))
    .map((r) => r.bodyText);

describe('tools: the model calls, the user answers as the tool', () => {
  it('answers two parallel calls together and the conversation continues with matching tool_call_ids', async () => {
    const { page } = demo.app;
    await send(page, 'Use two tools in parallel please');
    const calls = lastAnswer(page).getByTestId('tool-calls');
    await expect.poll(() => calls.getByRole('article').count()).toBe(2);
    const names = await calls
      .getByRole('article')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')));
    for (const name of names) {
      const fn = (name ?? '').replace('Call to ', '');
      await calls.getByLabel(`Result of ${fn}`).fill(`{"ok": true, "from": "${fn}"}`);
    }
    await calls.getByRole('button', { name: 'Send 2 results' }).click();
    await page.waitForFunction(() => {
      const answers = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
      const last = answers[answers.length - 1];
      return (
        last?.getAttribute('data-status') === 'complete' && !last.querySelector('[data-testid="tool-calls"]')
      );
    });

    const followUp = JSON.parse(chatBodies().at(-1) ?? '{}') as {
      messages: { role: string; tool_call_id?: string; tool_calls?: { id: string }[] }[];
    };
    const assistant = followUp.messages.find((m) => m.role === 'assistant' && m.tool_calls);
    const toolMessages = followUp.messages.filter((m) => m.role === 'tool');
    expect(toolMessages.map((m) => m.tool_call_id).sort()).toEqual(
      (assistant?.tool_calls ?? []).map((c) => c.id).sort(),
    );
    await page.screenshot({ path: 'test-results/tools-round-trip.png' });
  });

  it('flags arguments that break the schema and calls to functions it does not know', async () => {
    const { page } = demo.app;
    await newThreadLike(page, threadId(), { params: { stream: true } });
    await page.evaluate(async (id) => {
      const demo = await window.api.threads.get({ id });
      const current = await window.api.threads.list({});
      if (demo.ok && current.ok && current.value[0]) {
        await window.api.threads.update({
          id: current.value[0].id,
          settings: { toolIds: demo.value.thread.settings.toolIds },
        });
      }
    }, threadId());
    mock().script({
      reply: {
        toolCalls: [
          { name: 'get_weather', arguments: '{"city": 5}' },
          { name: 'launch_rockets', arguments: '{"count": 3}' },
        ],
      },
    });
    await send(page, 'Do something odd');
    const calls = lastAnswer(page).getByTestId('tool-calls');
    await calls.getByRole('list', { name: 'Argument problems' }).first().waitFor();
    expect(await calls.getByRole('list', { name: 'Argument problems' }).first().textContent()).toMatch(
      /city/,
    );
    await expect.poll(() => calls.getByText('unknown function', { exact: true }).count()).toBe(1);
  });
});

describe('structured output and logprobs', () => {
  const schema = {
    type: 'object',
    properties: { city: { type: 'string' }, temperature: { type: 'number' } },
    required: ['city', 'temperature'],
    additionalProperties: false,
  };

  it('shows pass when the answer follows the JSON schema and fail, with the path, when it does not', async () => {
    const { page } = demo.app;
    await newThreadLike(page, threadId(), {
      params: {
        stream: true,
        response_format: { type: 'json_schema', json_schema: { name: 'weather', schema, strict: true } },
      },
    });
    await send(page, 'Weather as JSON');
    await expect
      .poll(() => lastAnswer(page).getByTestId('structured-answer').getAttribute('data-state'))
      .toBe('pass');

    mock().script({ reply: { content: '{"city": "Oslo", "temperature": "cold"}' } });
    await send(page, 'Again');
    const answer = lastAnswer(page).getByTestId('structured-answer');
    await expect.poll(() => answer.getAttribute('data-state')).toBe('fail');
    expect(await answer.getByRole('list', { name: 'Failing paths' }).textContent()).toMatch(/temperature/);
  });

  it('colours tokens by probability and lists the alternatives of a focused token', async () => {
    const { page } = demo.app;
    // gpt-oss has no logprobs (the app would drop the fields and say so); qwen has them.
    await newThreadLike(page, threadId(), {
      model: 'phala/qwen-2.5-7b-instruct',
      params: { stream: true, logprobs: true, top_logprobs: 3 },
    });
    await send(page, 'Say something short');
    await lastAnswer(page).getByRole('button', { name: 'Tokens' }).click();
    const view = lastAnswer(page).getByTestId('token-view');
    await view.waitFor();
    const first = view.locator('[aria-label*="%"]').first();
    await first.focus();
    const alternatives = page.getByTestId('token-alternatives');
    await alternatives.waitFor();
    expect(
      await alternatives.getByRole('list', { name: 'Top alternatives' }).getByRole('listitem').count(),
    ).toBe(3);
    expect(await alternatives.textContent()).toMatch(/%/);
    await page.screenshot({ path: 'test-results/logprobs.png' });
  });
});

describe('the inspector', () => {
  it('shows the exact bytes that reached the provider', async () => {
    const { page } = demo.app;
    await newThreadLike(page, threadId(), {
      params: { stream: true, include_usage: true, temperature: 0.3, seed: 7 },
    });
    await send(page, 'Inspect me');
    await lastAnswer(page).click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('tab', { name: 'Request' }).click();
    await inspector.getByRole('checkbox', { name: 'raw' }).first().check();
    const shown = await inspector.getByTestId('request-body').textContent();
    expect(shown).toBe(chatBodies().at(-1));
    const curl = await inspector.getByTestId('curl-command').textContent();
    expect(curl).toContain('$API_KEY');
    expect(curl).not.toMatch(/eyJ[A-Za-z0-9_-]{20,}/);
    await page.screenshot({ path: 'test-results/inspector.png' });
  });
});
