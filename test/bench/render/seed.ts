import { randomUUID } from 'node:crypto';
import type { NewMessage } from '../../../main/threads/repo';
import { ThreadsRepo } from '../../../main/threads/repo';
import type { Host } from '../../bridge/host';
import { markdownOf, random } from './text';

/**
 * A thread of `count` finished messages (questions and markdown answers with code) stored in one
 * transaction, on the demo thread's provider and model so it can be answered; returns its id.
 * `lastActivityAt` places it in the threads list (the app opens the most recent one on start).
 */
export function seedThread(
  host: Host,
  count: number,
  seed: number,
  title: string,
  lastActivityAt = Date.now(),
): string {
  if (!host.demoThreadId) throw new Error('the host was started without the demo');
  const repo = new ThreadsRepo(host.services.db);
  const demo = repo.getThread(host.demoThreadId).settings;
  const next = random(seed);
  const start = Date.now() - count * 60_000;
  const messages: Omit<NewMessage, 'threadId'>[] = [];
  let parentId: string | null = null;
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const role = i % 2 === 0 ? 'user' : 'assistant';
    const content =
      role === 'user'
        ? markdownOf(seed * 100_003 + i, 60 + Math.floor(next() * 200), false)
        : markdownOf(seed * 100_003 + i, 200 + Math.floor(next() * 900));
    messages.push({
      id,
      parentId,
      role,
      content,
      status: 'complete',
      createdAt: start + i * 60_000,
      updatedAt: start + i * 60_000,
      ...(role === 'assistant'
        ? { providerId: demo.providerId, model: demo.model, finishReason: 'stop' }
        : {}),
    });
    parentId = id;
  }
  const thread = repo.importThread(
    {
      title,
      titleEdited: true,
      lastActivityAt,
      activeLeafId: parentId,
      settings: { ...demo, toolIds: [], systemPrompt: '' },
    },
    messages,
  );
  return thread.id;
}
