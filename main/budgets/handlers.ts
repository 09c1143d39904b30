import type { DatabaseSync } from 'node:sqlite';
import type { HandlersOf } from '../ipc/handlers';
import type { BudgetBook, Target } from './book';

/** Where a thread's sends and rows go: its provider and model, its project and tags. */
export function targetOfThread(
  db: DatabaseSync,
  threadId: string | null,
): Omit<Target, 'providerId' | 'model'> {
  if (threadId === null) return { projectId: null, tags: [] };
  const thread = db.prepare('SELECT project_id FROM threads WHERE id = ?').get(threadId) as
    { project_id: string | null } | undefined;
  const tags = db.prepare('SELECT tag FROM thread_tags WHERE thread_id = ?').all(threadId) as {
    tag: string;
  }[];
  return { projectId: thread?.project_id ?? null, tags: tags.map((t) => t.tag) };
}

export function budgetHandlers(
  book: BudgetBook,
  targetOf: (threadId: string) => Target,
): HandlersOf<'budgets'> {
  return {
    'budgets:list': () => book.statuses(),
    'budgets:save': (input) => book.save(input),
    'budgets:delete': ({ id }) => ({ deleted: book.delete(id) }),
    'budgets:check': ({ threadId }) => book.verdict(targetOf(threadId)),
    'budgets:allowOnce': ({ budgetId }) => ({ granted: book.allowOnce(budgetId) }),
  };
}
