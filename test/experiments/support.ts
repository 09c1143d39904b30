import type { EventPayload } from '../../main/contract';
import { ExperimentsRepo } from '../../main/experiments/repo';
import { ExperimentRunner } from '../../main/experiments/runner';
import type { Clock, Lane } from '../../main/experiments/scheduler';
import { ExperimentsService } from '../../main/experiments/service';
import { estimateTokens } from '../../main/usage/tokens';
import type { MockProvider } from '../mock-provider';
import type { Harness } from '../chat/support/harness';
import { harness } from '../chat/support/harness';

type Progress = EventPayload<'experiments:progress'>;

/** A clock whose waits pass at once but are added to its time, so backoffs cost the test nothing. */
export class InstantClock implements Clock {
  offset = 0;
  readonly waits: number[] = [];
  now = (): number => Date.now() + this.offset;
  sleep = async (ms: number): Promise<void> => {
    this.waits.push(ms);
    this.offset += Math.max(0, ms);
    await new Promise((r) => setImmediate(r));
  };
}

export interface ExperimentHarness extends Harness {
  experiments: ExperimentsService;
  experimentsRepo: ExperimentsRepo;
  runner: ExperimentRunner;
  progress: Progress[];
  clock: InstantClock;
}

/** The chat harness (real SQLite, the loopback mock) with the experiments service on top. */
export function experimentHarness(
  mock: MockProvider,
  lane: Lane = { perMinute: 30, concurrency: 2 },
  admit?: (threadId: string) => void,
): ExperimentHarness {
  const h = harness({ mock });
  const progress: Progress[] = [];
  const clock = new InstantClock();
  const experimentsRepo = new ExperimentsRepo(h.db);
  const runner = new ExperimentRunner({
    repo: experimentsRepo,
    chat: h.service,
    threads: h.repo,
    lane: () => lane,
    events: {
      broadcast: (event, payload) => {
        if (event === 'experiments:progress') progress.push(payload as Progress);
      },
    },
    clock,
    admit,
  });
  const experiments = new ExperimentsService({
    repo: experimentsRepo,
    runner,
    providers: { get: () => h.provider, list: async () => [h.provider] },
    threads: h.repo,
    lane: () => lane,
    estimateTokens,
    costAt: (providerId, model, p, c) => h.ledger.prices.costAt(providerId, model, Date.now(), p, c),
    now: Date.now,
  });
  return { ...h, experiments, experimentsRepo, runner, progress, clock };
}
