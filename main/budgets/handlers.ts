import type { DatabaseSync } from 'node:sqlite';
import type { ConvertedTotal } from '../contract';
import type { HandlersOf } from '../ipc/handlers';
import type { BudgetBook, Target } from './book';
import { catalogueInfo, costSettings } from './costSettings';
import { convertCosts, convertedTotal } from './counting';
import { reconcile } from './reconcile';
import { threadCost } from './threadCost';

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

/** The usage screen's totals in the user's chosen currency, through their rates (usage:summary). */
export const usageConversion =
  (book: BudgetBook) =>
  (costs: readonly { currency: string; cost: number }[]): ConvertedTotal | null =>
    convertedTotal(costs, costSettings(book.db).convertTo, book.rates);

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
    'budgets:threadCost': ({ threadId, leafId }) => {
      const cost = threadCost(book.db, threadId, leafId);
      const to = costSettings(book.db).convertTo;
      if (to === null) return cost;
      const thread = convertCosts(cost.thread.costs, to, book.rates);
      const branch = cost.branch === null ? null : convertCosts(cost.branch.costs, to, book.rates);
      const rates = new Map([...thread.rates, ...(branch?.rates ?? [])].map((r) => [r.id, r]));
      const missing = new Set([...thread.missing, ...(branch?.missing ?? [])]);
      return {
        ...cost,
        converted: {
          currency: to,
          thread: thread.amount,
          branch: branch?.amount ?? null,
          rates: [...rates.values()],
          missing: [...missing].sort(),
        },
      };
    },
    'budgets:rates': () => book.rates.list(),
    'budgets:saveRate': (input) => book.rates.save(input),
    'budgets:deleteRate': ({ id }) => ({ deleted: book.rates.delete(id) }),
    'budgets:catalogue': () => catalogueInfo(book.db, book.now()),
    'budgets:settings': (patch) => costSettings(book.db, patch),
    'budgets:reconcile': (range) => reconcile(book.db, range),
  };
}
