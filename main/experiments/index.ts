import type { DatabaseSync } from 'node:sqlite';
import { setTimeout as delay } from 'node:timers/promises';
import type { ChatService } from '../chat/service';
import type { EventSink } from '../ipc/handlers';
import type { ProvidersService } from '../providers/service';
import type { ThreadsRepo } from '../threads/repo';
import { PriceBook } from '../usage/prices';
import { experimentHandlers } from './handlers';
import { ExperimentsRepo } from './repo';
import { ExperimentRunner } from './runner';
import type { CheckWorkerSpec } from './checkRunner';
export { bundledCheckWorker } from './checkRunner';
import { CheckRunner } from './checkRunner';
import type { Clock } from './scheduler';
import { laneFor } from './scheduler';
import { ExperimentsService } from './service';

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    try {
      await delay(Math.max(0, ms), undefined, { signal });
    } catch {
      // Aborted: the caller looks at its signal.
    }
  },
};

/** Builds the experiments service on the chat engine, threads, providers and the ledger (composition root). */
export function createExperiments(deps: {
  db: DatabaseSync;
  chat: ChatService;
  threads: ThreadsRepo;
  providers: ProvidersService;
  events: EventSink;
  estimateTokens: (text: string) => number;
  now: () => number;
  clock?: Clock;
  /** The bundled checks worker (`bundledCheckWorker`); without it checks run on main's thread. */
  checkWorker?: CheckWorkerSpec | null;
  /** The budgets' send gate (see RunnerDeps.admit). */
  admit?: (threadId: string) => Promise<void> | void;
}) {
  const repo = new ExperimentsRepo(deps.db, deps.now);
  repo.recoverInterrupted();
  const prices = new PriceBook(deps.db);
  const lane = (providerId: string) => {
    try {
      return laneFor(deps.providers.get(providerId).preset);
    } catch {
      return laneFor('openai-compatible');
    }
  };
  const runner = new ExperimentRunner({
    repo,
    chat: deps.chat,
    threads: deps.threads,
    lane,
    events: deps.events,
    clock: deps.clock ?? realClock,
    checks: new CheckRunner(deps.checkWorker ?? null),
    admit: deps.admit,
  });
  const service = new ExperimentsService({
    repo,
    runner,
    providers: deps.providers,
    threads: deps.threads,
    lane,
    estimateTokens: deps.estimateTokens,
    costAt: (providerId, model, promptTokens, completionTokens) =>
      prices.costAt(providerId, model, deps.now(), promptTokens, completionTokens),
    now: deps.now,
  });
  return { repo, runner, service, handlers: experimentHandlers({ repo, service }) };
}
