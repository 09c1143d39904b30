import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assistantMessages, lastAnswer, newThreadLike, send } from './chat';
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

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const openTab = (page: Page, name: string) => inspector(page).getByRole('tab', { name }).click();

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
  await page.getByTestId('composer').fill(text);
  const before = await assistantMessages(page).count();
  await field.evaluate((element, next) => {
    const proto = Object.getPrototypeOf(element) as object;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(element, next);
    element.dispatchEvent(
      new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
    document
      .querySelector('[data-testid="composer"]')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  }, value);
  await answerDone(page, before);
}

describe('send flushes what the panel shows', () => {
  it('sends a parameter edited in the same moment as Enter', async () => {
    const { page } = demo.app;
    await newThreadLike(page, demoThread(), { params: { stream: true, temperature: 0.2 } });
    await openTab(page, 'Parameters');
    const field = inspector(page).getByLabel('temperature', { exact: true });
    await expect.poll(() => field.inputValue()).toBe('0.2');
    await editThenEnter(page, field, '0.7', 'Hello');
    expect(lastBody().temperature).toBe(0.7);
  });

  it('sends a system prompt typed in the same moment as Enter', async () => {
    const { page } = demo.app;
    await newThreadLike(page, demoThread(), { params: { stream: true } });
    await openTab(page, 'Parameters');
    const field = inspector(page).getByLabel('System prompt');
    await editThenEnter(page, field, 'Answer like a pirate.', 'Hello');
    expect(lastBody().messages[0]).toEqual({ role: 'system', content: 'Answer like a pirate.' });
  });

  it('sends a response schema edited just before Enter', async () => {
    const { page } = demo.app;
    const schema = (name: string) => ({
      type: 'json_schema' as const,
      json_schema: {
        name: 'answer',
        schema: { type: 'object', properties: { [name]: { type: 'string' } }, required: [name] },
        strict: true,
      },
    });
    await newThreadLike(page, demoThread(), { params: { stream: true, response_format: schema('before') } });
    await openTab(page, 'Parameters');
    const editor = inspector(page).getByTestId('response-schema-editor').locator('.cm-content');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(JSON.stringify(schema('after').json_schema.schema));
    await editThenEnter(page, page.getByTestId('composer'), 'Schema, please', 'Schema, please');
    expect(lastBody().response_format).toEqual(schema('after'));
  });

  it('sends a tool choice picked in the same moment as Enter', async () => {
    const { page } = demo.app;
    const toolIds = await page.evaluate(async (id) => {
      const demo = await window.api.threads.get({ id });
      return demo.ok ? demo.value.thread.settings.toolIds : [];
    }, demoThread());
    await newThreadLike(page, demoThread(), { toolIds, params: { stream: true } });
    await openTab(page, 'Tools');
    // The choice is saved at once, not debounced; a save that is slow to land (a busy main
    // process) must still reach main before the send that follows it.
    const slowSave = '**/__bridge/invoke/threads%3Aupdate';
    await page.route(slowSave, (route) => void setTimeout(() => void route.continue(), 300));
    const field = inspector(page).getByLabel('tool_choice');
    await editThenEnter(page, field, 'none', 'No tools now');
    await page.unroute(slowSave);
    expect(lastBody().tool_choice).toBe('none');
  });

  it('refuses to send a value the panel shows but cannot send, and keeps the message', async () => {
    const { page } = demo.app;
    await newThreadLike(page, demoThread(), { params: { stream: true } });
    await openTab(page, 'Parameters');
    const requests = mock().requests.length;
    await page.getByTestId('composer').fill('Hot');
    await inspector(page).getByLabel('temperature', { exact: true }).fill('7');
    await page.getByTestId('composer').press('Enter');
    await page.getByText('Could not send: temperature must be between 0 and 2').waitFor();
    expect(await page.getByTestId('composer').inputValue()).toBe('Hot');
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
    const threadId = await newThreadLike(page, demoThread(), {
      params: { stream: true, response_format: schema(['city', 'temperature']) },
    });
    mock().script({ reply: { content: '{"city": "Oslo", "temperature": 3}' } });
    await send(page, 'Weather as JSON');
    const first = assistantMessages(page).first().getByTestId('structured-answer');
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
    await send(page, 'Again');
    await expect
      .poll(() => lastAnswer(page).getByTestId('structured-answer').getAttribute('data-state'))
      .toBe('fail');
    // ...while the earlier answer still reads pass against the schema it was sent with.
    expect(await first.getAttribute('data-state')).toBe('pass');
    expect(await first.getByRole('status').textContent()).toMatch(/matches the schema/);
  });
});

describe('compare never moves the conversation', () => {
  it('shows the re-run beside the original, continues from the original, then from the re-run once picked', async () => {
    const { page } = demo.app;
    await newThreadLike(page, demoThread(), { params: { stream: true, temperature: 0.2 } });
    mock().script(
      { reply: { content: 'The cat sat on the mat.' } },
      { reply: { content: 'The dog sat on the mat.' } },
      { reply: { content: 'Follow-up on the original.' } },
      { reply: { content: 'Follow-up on the re-run.' } },
    );
    await send(page, 'Tell me a story');

    await openTab(page, 'Compare');
    const pane = inspector(page);
    await pane.getByLabel('New value').fill('1.5');
    await pane.getByRole('button', { name: 'Run comparison' }).click();
    const wide = page.getByRole('dialog', { name: 'Answers side by side' });
    await wide.getByRole('button', { name: /Close/ }).click();
    const rerun = pane.getByRole('region', { name: 'temperature = 1.5' });
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
    expect(await lastAnswer(page).textContent()).toContain('The cat sat on the mat.');

    await send(page, 'And then?');
    expect(lastBody().messages.map((m) => m.content)).toEqual([
      'Tell me a story',
      'The cat sat on the mat.',
      'And then?',
    ]);

    await rerun.getByRole('button', { name: 'Continue with this' }).click();
    await expect.poll(() => lastAnswer(page).textContent()).toContain('The dog sat on the mat.');
    await send(page, 'And then?');
    expect(lastBody().messages.map((m) => m.content)).toEqual([
      'Tell me a story',
      'The dog sat on the mat.',
      'And then?',
    ]);
  });
});
