import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { z } from 'zod';
import type { EventPayload, Experiment, ResponseFormat, Run } from '../../main/contract';
import { ExperimentConfig } from '../../main/contract';
import { ExperimentsRepo } from '../../main/experiments/repo';
import { ExperimentRunner } from '../../main/experiments/runner';
import type { Clock, Lane } from '../../main/experiments/scheduler';
import { ExperimentsService } from '../../main/experiments/service';
import { estimateTokens } from '../../main/usage/tokens';
import type { MockProvider } from '../mock-provider';
import { startMockProvider } from '../mock-provider';
import type { RecordedRequest } from '../mock-provider/types';
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

export interface MockedExperiments {
  readonly mock: MockProvider;
  /** An experiments harness (a fresh database) over the file's mock. */
  harness(lane?: Lane, admit?: (threadId: string) => void): ExperimentHarness;
  /** The chat requests the mock received in this test, in order. */
  chatRequests(): RecordedRequest[];
  /** Their bodies, parsed. */
  chatBodies<T = Record<string, unknown>>(): T[];
}

/**
 * One mock provider for the file, reset before each test: the setup every experiments integration
 * test shares (like the attachments tests' useMockApp), with the calls they all make.
 */
export function useMock(): MockedExperiments {
  let mock: MockProvider | null = null;
  beforeAll(async () => {
    mock = await startMockProvider({ chunkDelayMs: 0 });
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(() => mock?.reset());
  const self: MockedExperiments = {
    get mock() {
      if (!mock) throw new Error('the mock provider starts in beforeAll');
      return mock;
    },
    harness: (lane, admit) => experimentHarness(self.mock, lane, admit),
    chatRequests: () => self.mock.requests.filter((r) => r.path.endsWith('/chat/completions')),
    chatBodies: <T>() => self.chatRequests().map((r) => JSON.parse(r.bodyText) as T),
  };
  return self;
}

/** Saves a new experiment whose prompt is one user message (no tools), with `config` parsed. */
export function saveExperiment(
  h: ExperimentHarness,
  prompt: { name?: string; message: string; responseFormat?: ResponseFormat; projectId?: string },
  config: z.input<typeof ExperimentConfig>,
): Experiment {
  const created = h.experiments.create(prompt.name ?? 'Capitals');
  return h.experimentsRepo.save(created.id, {
    ...(prompt.projectId === undefined ? {} : { projectId: prompt.projectId }),
    prompt: {
      messages: [{ role: 'user', content: prompt.message }],
      toolIds: [],
      responseFormat: prompt.responseFormat ?? null,
    },
    config: ExperimentConfig.parse(config),
  });
}

/** Starts a run of the experiment and resolves with it once every cell has settled. */
export async function runToEnd(h: ExperimentHarness, experimentId: string): Promise<Run> {
  const started = h.experiments.start(experimentId);
  await h.runner.whenDone(started.id);
  return h.experimentsRepo.run(started.id);
}
