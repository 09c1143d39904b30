import { describe, expect, it } from 'vitest';
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
    const { conversation, tools } = demo.pages;
    await conversation.send('Use two tools in parallel please');
    const answer = conversation.lastAnswer;
    await expect.poll(() => tools.callCards(answer).count()).toBe(2);
    for (const fn of await tools.calledFunctions(answer)) {
      await tools.resultField(answer, fn).fill(`{"ok": true, "from": "${fn}"}`);
    }
    await tools.sendResultsButton(answer, 2).click();
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
    const { conversation, threads, tools } = demo.pages;
    await threads.createLike(threadId(), { params: { stream: true } });
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
    await conversation.send('Do something odd');
    const answer = conversation.lastAnswer;
    const problems = tools.toolCalls(answer).getByRole('list', { name: 'Argument problems' }).first();
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/city/);
    await expect.poll(() => tools.unknownFunctionMarks(answer).count()).toBe(1);
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
    const { conversation, threads } = demo.pages;
    await threads.createLike(threadId(), {
      params: {
        stream: true,
        response_format: { type: 'json_schema', json_schema: { name: 'weather', schema, strict: true } },
      },
    });
    await conversation.send('Weather as JSON');
    await expect
      .poll(() => conversation.structuredAnswer(conversation.lastAnswer).getAttribute('data-state'))
      .toBe('pass');

    mock().script({ reply: { content: '{"city": "Oslo", "temperature": "cold"}' } });
    await conversation.send('Again');
    const answer = conversation.structuredAnswer(conversation.lastAnswer);
    await expect.poll(() => answer.getAttribute('data-state')).toBe('fail');
    expect(await answer.getByRole('list', { name: 'Failing paths' }).textContent()).toMatch(/temperature/);
  });

  it('colours tokens by probability and lists the alternatives of a focused token', async () => {
    const { page } = demo.app;
    const { conversation, threads } = demo.pages;
    // gpt-oss has no logprobs (the app would drop the fields and say so); qwen has them.
    await threads.createLike(threadId(), {
      model: 'phala/qwen-2.5-7b-instruct',
      params: { stream: true, logprobs: true, top_logprobs: 3 },
    });
    await conversation.send('Say something short');
    const view = await conversation.showTokens(conversation.lastAnswer);
    const first = view.locator('[aria-label*="%"]').first();
    await first.focus();
    const alternatives = conversation.tokenAlternatives;
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
    const { conversation, threads, inspector } = demo.pages;
    await threads.createLike(threadId(), {
      params: { stream: true, include_usage: true, temperature: 0.3, seed: 7 },
    });
    await conversation.send('Inspect me');
    await conversation.lastAnswer.click();
    await inspector.show('Request');
    await inspector.showRawBody();
    const shown = await inspector.requestBody.textContent();
    expect(shown).toBe(chatBodies().at(-1));
    const curl = await inspector.curlCommand.textContent();
    expect(curl).toContain('$API_KEY');
    expect(curl).not.toMatch(/eyJ[A-Za-z0-9_-]{20,}/);
    await page.screenshot({ path: 'test-results/inspector.png' });
  });
});
