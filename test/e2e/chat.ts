import type { Page } from 'playwright-core';
import { ConversationPage, InspectorPane, ThreadsPane } from './pages';

/**
 * The conversation helpers the older e2e files call, kept as thin wrappers over the page modules
 * (test/e2e/pages/), where the locators and actions live.
 */
export const assistantMessages = (page: Page) => new ConversationPage(page).answers;

export const openFirstThread = (page: Page): Promise<void> => new ThreadsPane(page).openFirst();

/** Sends a message and waits until the answer it starts has finished (any final status). */
export const send = (page: Page, text: string): Promise<void> => new ConversationPage(page).send(text);

export const lastAnswer = (page: Page) => new ConversationPage(page).lastAnswer;

/** Sends a message and waits until its answer has started to arrive; returns that answer. */
export const startStreaming = (page: Page, text: string) => new ConversationPage(page).startStreaming(text);

/** Thread settings through the same API the parameter panel uses. */
export const setThreadParams = (
  page: Page,
  threadId: string,
  params: Record<string, unknown>,
): Promise<void> => new InspectorPane(page).setParams(threadId, params);

/** A fresh thread on the demo thread's provider and model, opened in the UI. */
export const newThreadLike = (page: Page, templateId: string, settings: Record<string, unknown> = {}) =>
  new ThreadsPane(page).createLike(templateId, settings);
