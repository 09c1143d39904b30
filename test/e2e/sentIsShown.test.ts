import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoApp } from './harness';

// "What you see is what was sent": the request is what the panel shows, verdicts read the request
// stored with their answer, and a comparison never moves the conversation.

const demo = useDemoApp();

const mock = () => demo.mock();
const demoThread = () => demo.demoThreadId();

interface SentBody {
  messages: { role: string; content: string | null }[];
  temperature?: number;
  tool_choice?: unknown;
  response_format?: { type: string; json_schema?: { name: string; schema?: unknown } };
}
const lastBody = (): SentBody =>
  JSON.parse(
    mock()
      .requests.filter((r) => r.path.endsWith('/chat/completions'))
      .at(-1)?.bodyText ?? '{}',
  ) as SentBody;

/** Waits until the answer started by the last send has finished. */
async function answerDone(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (count) => {
      const answers = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
      return (
        answers.length > count && answers[answers.length - 1]?.getAttribute('data-status') === 'complete'
      );
    },
    before,
    { timeout: 15_000 },
  );
}

/**
 * Changes a form field and presses Enter in the message box in one synchronous run of the page:
 * no debounce can have fired in between.
 */
async function editThenEnter(page: Page, field: Locator, value: string, text: string): Promise<void> {
  const { conversation } = demo.pages;
  await conversation.composer.fill(text);
  const before = await conversation.answers.count();
  await field.evaluate((element, next) => {
    const proto = Object.getPrototypeOf(element) as object;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(element, next);
    element.dispatchEvent(new Event('input', { bubbles: true }));
    document
      .querySelector('[data-testid="composer"]')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  }, value);
  await answerDone(page, before);
}

describe('send flushes what the panel shows', () => {
  it('sends a parameter edited in the same moment as Enter', async () => {
    const { page } = demo.app;
    const { threads, inspector, settings } = demo.pages;
    await threads.createLike(demoThread(), { params: { stream: true, temperature: 0.2 } });
    await inspector.show('Parameters');
    const field = settings.param('temperature');
    await expect.poll(() => field.inputValue()).toBe('0.2');
    await editThenEnter(page, field, '0.7', 'Hello');
    expect(lastBody().temperature).toBe(0.7);
  });

  it('sends a system prompt typed in the same moment as Enter', async () => {
    const { page } = demo.app;
    const { threads, inspector, settings } = demo.pages;
    await threads.createLike(demoThread(), { params: { stream: true } });
    await inspector.show('Parameters');
    const field = settings.systemPrompt;
    await editThenEnter(page, field, 'Answer like a pirate.', 'Hello');
    expect(lastBody().messages[0]).toEqual({ role: 'system', content: 'Answer like a pirate.' });
  });

  it('sends a response schema edited just before Enter', async () => {
    const { page } = demo.app;
    const { conversation, threads, inspector, settings } = demo.pages;
    const schema = (name: string) => ({
      type: 'json_schema' as const,
      json_schema: {
        name: 'answer',
        schema: { type: 'object', properties: { [name]: { type: 'string' } }, required: [name] },
        strict: true,
      },
    });
    await threads.createLike(demoThread(), { params: { stream: true, response_format: schema('before') } });
    await inspector.show('Parameters');
    await settings.typeResponseSchema(JSON.stringify(schema('after').json_schema.schema));
    await editThenEnter(page, conversation.composer, 'Schema, please', 'Schema, please');
    expect(lastBody().response_format).toEqual(schema('after'));
  });

  it('sends a tool choice picked in the same moment as Enter', async () => {
    const { page } = demo.app;
    const toolIds = await page.evaluate(async (id) => {
      const demo = await window.api.threads.get({ id });
      return demo.ok ? demo.value.thread.settings.toolIds : [];
    }, demoThread());
    const { threads, inspector, settings } = demo.pages;
    await threads.createLike(demoThread(), { toolIds, params: { stream: true } });
    await inspector.show('Tools');
    // The choice is saved at once, not debounced; a save that is slow to land (a busy main
    // process) must still reach main before the send that follows it.
    const fastAgain = demo.app.host.bridge.calls.delay('threads:update', 300);
    await demo.pages.conversation.composer.fill('No tools now');
    const before = await demo.pages.conversation.answers.count();
    await settings.toolChoice.click();
    // The option is pressed and Enter sent in one synchronous run of the page, as editThenEnter does.
    await settings.option('none: never call a tool').evaluate((option) => {
      (option as HTMLElement).click();
      document
        .querySelector('[data-testid="composer"]')
        ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    });
    await answerDone(page, before);
    fastAgain();
    expect(lastBody().tool_choice).toBe('none');
  });

  it('refuses to send a value the panel shows but cannot send, and keeps the message', async () => {
    const { page } = demo.app;
    const { conversation, threads, inspector, settings } = demo.pages;
    await threads.createLike(demoThread(), { params: { stream: true } });
    await inspector.show('Parameters');
    const requests = mock().requests.length;
    await conversation.composer.fill('Hot');
    await settings.param('temperature').fill('7');
    await conversation.composer.press('Enter');
    await page.getByText('Could not send: temperature must be between 0 and 2').waitFor();
    expect(await conversation.composer.inputValue()).toBe('Hot');
    expect(mock().requests.length).toBe(requests);
  });
});

describe('verdicts read the request stored with their answer', () => {
  const schema = (required: string[]) => ({
    type: 'json_schema' as const,
    json_schema: {
      name: 'weather',
      strict: true,
      schema: {
        type: 'object',
        properties: Object.fromEntries(
          required.map((k) => [k, { type: k === 'city' ? 'string' : 'number' }]),
        ),
        required,
        additionalProperties: false,
      },
    },
  });

  it('keeps an earlier badge as it was when the thread’s schema changes later', async () => {
    const { page } = demo.app;
    const { conversation, threads } = demo.pages;
    const threadId = await threads.createLike(demoThread(), {
      params: { stream: true, response_format: schema(['city', 'temperature']) },
    });
    mock().script({ reply: { content: '{"city": "Oslo", "temperature": 3}' } });
    await conversation.send('Weather as JSON');
    const first = conversation.structuredAnswer(conversation.answers.first());
    await expect.poll(() => first.getAttribute('data-state')).toBe('pass');

    await page.evaluate(
      async ({ id, format }) => {
        const result = await window.api.threads.update({
          id,
          settings: { params: { stream: true, response_format: format } },
        });
        if (!result.ok) throw new Error(result.error.message);
      },
      { id: threadId, format: schema(['humidity']) },
    );
    // The same answer again is judged against the new schema, and fails it...
    mock().script({ reply: { content: '{"city": "Oslo", "temperature": 3}' } });
    await conversation.send('Again');
    await expect
      .poll(() => conversation.structuredAnswer(conversation.lastAnswer).getAttribute('data-state'))
      .toBe('fail');
    // ...while the earlier answer still reads pass against the schema it was sent with.
    expect(await first.getAttribute('data-state')).toBe('pass');
    expect(await first.getByRole('status').textContent()).toMatch(/matches the schema/);
  });
});

describe('compare never moves the conversation', () => {
  it('shows the re-run beside the original, continues from the original, then from the re-run once picked', async () => {
    const { conversation, threads, inspector } = demo.pages;
    await threads.createLike(demoThread(), { params: { stream: true, temperature: 0.2 } });
    mock().script(
      { reply: { content: 'The cat sat on the mat.' } },
      { reply: { content: 'The dog sat on the mat.' } },
      { reply: { content: 'Follow-up on the original.' } },
      { reply: { content: 'Follow-up on the re-run.' } },
    );
    await conversation.send('Tell me a story');

    await inspector.show('Compare');
    await inspector.compareWith('1.5', 'temperature');
    await inspector.sideBySide.getByRole('button', { name: /Close/ }).click();
    const rerun = inspector.rerun('temperature = 1.5');
    await rerun.getByRole('button', { name: 'Continue with this' }).waitFor();
    expect(await rerun.getByRole('list', { name: 'Sent differently' }).textContent()).toMatch(
      /temperature\s*0\.2\s*→\s*1\.5/,
    );
    expect(await rerun.getByTestId('compare-diff').locator('del').textContent()).toBe('cat ');
    expect(await rerun.getByTestId('compare-diff').locator('ins').textContent()).toBe('dog ');
    expect(await rerun.getByRole('table', { name: 'Figures against the original' }).textContent()).toMatch(
      /tokens.*latency.*cost/,
    );
    // The conversation still shows the original answer.
    expect(await conversation.lastAnswer.textContent()).toContain('The cat sat on the mat.');

    await conversation.send('And then?');
    expect(lastBody().messages.map((m) => m.content)).toEqual([
      'Tell me a story',
      'The cat sat on the mat.',
      'And then?',
    ]);

    await rerun.getByRole('button', { name: 'Continue with this' }).click();
    await expect.poll(() => conversation.lastAnswer.textContent()).toContain('The dog sat on the mat.');
    await conversation.send('And then?');
    expect(lastBody().messages.map((m) => m.content)).toEqual([
      'Tell me a story',
      'The dog sat on the mat.',
      'And then?',
    ]);
  });
});
