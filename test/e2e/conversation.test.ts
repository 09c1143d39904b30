import type { Download, Locator, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assistantMessages, lastAnswer, newThreadLike, send, startStreaming } from './chat';
import { useDemoApp } from './harness';

const demo = useDemoApp({ resetMock: false });

beforeAll(async () => {
  await newThreadLike(demo.app.page, demo.demoThreadId(), {
    params: { stream: true, include_usage: true },
  });
});

const mock = () => demo.mock();
const statusOf = (page: Page) => lastAnswer(page).getAttribute('data-status');

describe('a conversation, as a user lives in it', () => {
  it('streams an answer, stops it with Esc keeping what arrived, and continues it', async () => {
    const { page } = demo.app;
    mock().script({ reply: { content: 'word '.repeat(400), chunks: 400, delayMs: 15 } });
    const composer = page.getByTestId('composer');
    await startStreaming(page, 'Tell me a long story about pelicans');
    await expect
      .poll(async () => ((await lastAnswer(page).textContent()) ?? '').split('word').length)
      .toBeGreaterThan(5);
    await composer.press('Escape');
    await expect.poll(() => statusOf(page)).toBe('interrupted');
    const kept = (await lastAnswer(page).textContent()) ?? '';
    expect(kept).toContain('word');
    expect(kept).toMatch(/stopped/i);

    await lastAnswer(page).getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => statusOf(page), { timeout: 15_000 }).toBe('complete');
  });

  it('regenerates a sibling answer and switches between branches', async () => {
    const { page } = demo.app;
    await send(page, 'Name three colours');
    const first = await lastAnswer(page).getAttribute('data-message-id');
    await lastAnswer(page).getByRole('button', { name: 'Regenerate answer' }).click();
    await page.waitForFunction((id) => {
      const answers = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
      const last = answers[answers.length - 1];
      return last?.getAttribute('data-message-id') !== id && last?.getAttribute('data-status') === 'complete';
    }, first);
    const switcher = lastAnswer(page).getByTestId('branch-switcher');
    await expect.poll(() => switcher.getAttribute('aria-label')).toBe('Branch 2 of 2');
    await switcher.getByRole('button', { name: 'Previous branch' }).click();
    await expect.poll(() => lastAnswer(page).getAttribute('data-message-id')).toBe(first);
  });

  it('editing a question makes a new branch from there and answers it; the request sends only that path', async () => {
    const { page } = demo.app;
    const question = page.locator('[data-testid="message"][data-role="user"]').last();
    await question.hover();
    await question.getByRole('button', { name: 'Edit message' }).click();
    await page.getByLabel('Edit your message').fill('Name three birds instead');
    await page.getByRole('button', { name: 'Save & send' }).click();
    await expect
      .poll(() => page.locator('[data-testid="message"][data-role="user"]').last().textContent())
      .toContain('three birds');
    // The request for the edited question, not the previous one still recorded last until it arrives.
    const lastRequest = () =>
      mock()
        .requests.filter((r) => r.path.endsWith('/chat/completions'))
        .at(-1)?.bodyText ?? '{}';
    await expect.poll(lastRequest, { timeout: 15_000 }).toContain('three birds');
    await expect.poll(() => statusOf(page), { timeout: 15_000 }).toBe('complete');
    const body = JSON.parse(lastRequest()) as {
      messages: { role: string; content: string }[];
    };
    const userTurns = body.messages.filter((m) => m.role === 'user').map((m) => m.content);
    expect(userTurns.at(-1)).toBe('Name three birds instead');
    expect(userTurns).not.toContain('Name three colours');
    await expect
      .poll(() =>
        page
          .locator('[data-testid="message"][data-role="user"]')
          .last()
          .getByTestId('branch-switcher')
          .getAttribute('aria-label'),
      )
      .toBe('Branch 2 of 2');
  });

  it('finds any message with Ctrl+K and opens its thread at it', async () => {
    const { page } = demo.app;
    await page
      .getByRole('complementary', { name: 'Threads' })
      .getByRole('button', { name: 'New thread', exact: true })
      .click();
    await page.keyboard.press('Control+k');
    const palette = page.getByTestId('search-palette');
    await palette.getByRole('combobox', { name: 'Search messages' }).fill('pelicans');
    const hit = palette.getByRole('option').first();
    await hit.waitFor();
    expect(await hit.locator('mark').first().textContent()).toMatch(/pelicans/i);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-testid="message"][data-role="user"]').first().textContent())
      .toContain('pelicans');
  });

  it('exports the thread as JSON that names its format and holds every branch', async () => {
    const { page } = demo.app;
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const [download] = (await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Export as JSON' }).click(),
    ])) as [Download, void];
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; messages: unknown[] };
    expect(exported.format).toBe('llm-desk.thread');
    expect(exported.messages.length).toBeGreaterThan(await assistantMessages(page).count());
    await page.screenshot({ path: 'test-results/conversation.png' });
  });

  it('follows the raw stream events in the inspector while the answer is still arriving', async () => {
    const { page } = demo.app;
    mock().script({ reply: { content: 'frame '.repeat(300), chunks: 300, delayMs: 15 } });
    const composer = page.getByTestId('composer');
    const streaming = await startStreaming(page, 'Stream slowly, please');
    // Focusing the answer selects it for the inspector.
    await streaming.focus();
    await page.getByRole('tab', { name: 'Request' }).click();
    const count = page.getByText(/^\d[\d,]* events$/);
    // Two readings while it streams, the second with more frames than the first.
    const read = async () => Number(((await count.textContent()) ?? '0').replace(/\D/g, ''));
    await expect.poll(read, { timeout: 5000 }).toBeGreaterThan(0);
    const first = await read();
    await expect.poll(read, { timeout: 5000 }).toBeGreaterThan(first);
    expect(await statusOf(page)).toBe('streaming');
    await composer.press('Escape');
    await expect.poll(() => statusOf(page)).toBe('interrupted');
    await page.getByRole('tab', { name: 'Parameters' }).click();
  });
});

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

describe('focus lands where the next keystroke belongs', () => {
  it('+ Add token in the parameters puts the cursor in the new token id', async () => {
    const { page } = demo.app;
    await newThreadLike(page, demo.demoThreadId(), { params: { stream: true } });
    await page.getByRole('tab', { name: 'Parameters' }).click();
    await page.getByRole('button', { name: '+ Add token' }).click();
    await expect.poll(() => isFocused(page.getByLabel('Token id 1'))).toBe(true);
  });

  it('↑ in an empty message box opens your last question in its editor, ready to type', async () => {
    const { page } = demo.app;
    await newThreadLike(page, demo.demoThreadId(), { params: { stream: true } });
    await send(page, 'What is a pelican?');
    // A long answer pushes the question far out of view (and out of the rendered window).
    mock().script({ reply: { content: 'A pelican is a large water bird.\n\n'.repeat(60) } });
    await send(page, 'Tell me everything');
    const composer = page.getByTestId('composer');
    await composer.focus();
    await composer.press('ArrowUp');
    const editor = page.getByLabel('Edit your message');
    await editor.waitFor();
    await expect.poll(() => isFocused(editor)).toBe(true);
    expect(await editor.inputValue()).toBe('Tell me everything');
    await page.keyboard.type(' briefly.');
    expect(await editor.inputValue()).toBe('Tell me everything briefly.');
    // Back in the message box with the editor still open: ↑ goes back to it.
    await composer.click();
    await composer.press('ArrowUp');
    await expect.poll(() => isFocused(editor)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => isFocused(composer)).toBe(true);
  });

  it('the model chip in the header opens the model picker; after a pick the cursor is back in the message box', async () => {
    const { page } = demo.app;
    await newThreadLike(page, demo.demoThreadId());
    const chip = page.getByRole('main', { name: 'Conversation' }).getByRole('button', { name: /^Model: / });
    await chip.click();
    const picker = page.getByTestId('model-picker');
    await picker.getByRole('combobox', { name: 'Search models' }).fill('qwen-2.5');
    await page.keyboard.press('Enter');
    await expect.poll(() => picker.count()).toBe(0);
    await expect.poll(() => chip.textContent()).toContain('phala/qwen-2.5-7b-instruct');
    await expect.poll(() => isFocused(page.getByTestId('composer'))).toBe(true);

    // Closing without a pick goes back where it came from.
    await chip.click();
    await picker.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => isFocused(chip)).toBe(true);
  });

  it('the message actions never cover the usage line, even in side-by-side choices', async () => {
    const { page } = demo.app;
    await newThreadLike(page, demo.demoThreadId(), {
      params: { stream: true, include_usage: true, n: 2 },
    });
    mock().script({ reply: { content: 'Short.' } });
    await send(page, 'Say something short, twice');
    const messages = page.getByTestId('choice-group').getByTestId('message');
    await expect.poll(() => messages.count()).toBe(2);
    for (const message of await messages.all()) {
      await message.hover();
      const actions = message.getByRole('toolbar', { name: 'Message actions' });
      const usage = message.getByTestId('usage-line');
      await usage.waitFor();
      const a = await actions.boundingBox();
      const u = await usage.boundingBox();
      if (!a || !u) throw new Error('both are on screen');
      const apart =
        a.y + a.height <= u.y || u.y + u.height <= a.y || a.x + a.width <= u.x || u.x + u.width <= a.x;
      expect(apart).toBe(true);
    }
  });
});
