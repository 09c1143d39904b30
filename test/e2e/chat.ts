import type { Page } from 'playwright-core';

/** Page helpers for the conversation: locators by test id and role, waits on app state, never on time. */
export const assistantMessages = (page: Page) =>
  page.locator('[data-testid="message"][data-role="assistant"]');

export async function openFirstThread(page: Page): Promise<void> {
  await page.getByTestId('thread-item').first().click();
  await page.getByTestId('composer').waitFor();
}

/** Sends a message and waits until the answer it starts has finished (any final status). */
export async function send(page: Page, text: string): Promise<void> {
  const before = await assistantMessages(page).count();
  const composer = page.getByTestId('composer');
  await composer.fill(text);
  await composer.press('Enter');
  await page.waitForFunction(
    (count) => {
      const answers = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
      const last = answers[answers.length - 1];
      return answers.length > count && last?.getAttribute('data-status') !== 'streaming';
    },
    before,
    { timeout: 15_000 },
  );
}

export const lastAnswer = (page: Page) => assistantMessages(page).last();

/** Sends a message and waits until its answer has started to arrive; returns that answer. */
export async function startStreaming(page: Page, text: string) {
  const composer = page.getByTestId('composer');
  await composer.fill(text);
  await composer.press('Enter');
  const streaming = page.locator('[data-testid="message"][data-role="assistant"][data-status="streaming"]');
  await streaming.waitFor();
  return streaming;
}

/** Thread settings through the same API the parameter panel uses. */
export async function setThreadParams(
  page: Page,
  threadId: string,
  params: Record<string, unknown>,
): Promise<void> {
  await page.evaluate(
    async ({ id, p }) => {
      const result = await window.api.threads.update({ id, settings: { params: p } });
      if (!result.ok) throw new Error(result.error.message);
    },
    { id: threadId, p: params },
  );
}

/** A fresh thread on the demo thread's provider and model, opened in the UI. */
export async function newThreadLike(
  page: Page,
  templateId: string,
  settings: Record<string, unknown> = {},
): Promise<string> {
  const id = await page.evaluate(
    async ({ templateId, settings }) => {
      const template = await window.api.threads.get({ id: templateId });
      if (!template.ok) throw new Error(template.error.message);
      const { providerId, model } = template.value.thread.settings;
      const created = await window.api.threads.create({
        settings: { providerId, model, toolIds: [], ...settings },
      });
      if (!created.ok) throw new Error(created.error.message);
      return created.value.id;
    },
    { templateId, settings },
  );
  await page.locator(`[data-testid="thread-item"][data-thread-id="${id}"]`).click();
  await page.getByTestId('composer').waitFor();
  return id;
}
