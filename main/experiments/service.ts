import { randomUUID } from 'node:crypto';
import type {
  Estimate,
  Experiment,
  ExperimentConfig,
  ExperimentPrompt,
  ImportedCases,
  Message,
  Provider,
  RunSummary,
} from '../contract';
import { AppFailure, ExperimentConfig as ConfigSchema } from '../contract';
import { parseCsv, parseJsonl } from './cases';
import { experimentJson, latestPrompt, promptfooYaml, readExperimentJson, resultsCsv } from './exportFormats';
import { columnsOf, configProblems, fillPrompt } from './prepare';
import type { ExperimentsRepo } from './repo';
import type { ExperimentRunner } from './runner';
import { withOverride } from './runner';
import type { Lane } from './scheduler';
import { laneDurationMs } from './scheduler';

export interface ExperimentsDeps {
  repo: ExperimentsRepo;
  runner: ExperimentRunner;
  providers: { get(id: string): Provider; list(): Promise<Provider[]> };
  threads: {
    activePath(threadId: string): Message[];
    updateThread(id: string, patch: { archived: boolean }): unknown;
  };
  lane: (providerId: string) => Lane;
  estimateTokens: (text: string) => number;
  costAt: (
    providerId: string,
    model: string,
    promptTokens: number,
    completionTokens: number,
  ) => number | null;
  now: () => number;
}

/** Output tokens the estimate assumes per request when a variant sets no max_tokens. */
export const ASSUMED_OUTPUT_TOKENS = 300;
/** Seconds one request is assumed to take, for the duration estimate before any has run. */
const ASSUMED_LATENCY_MS = 4_000;

export const STARTER_PROMPT: ExperimentPrompt = {
  messages: [
    { role: 'system', content: 'You are a concise assistant. Today is {{date}}.' },
    { role: 'user', content: '{{input}}' },
  ],
  toolIds: [],
  responseFormat: null,
};

export class ExperimentsService {
  constructor(private readonly deps: ExperimentsDeps) {}

  create(name: string): Experiment {
    return this.deps.repo.create(name, STARTER_PROMPT, ConfigSchema.parse({}));
  }

  parseCases(text: string, format: 'csv' | 'jsonl'): ImportedCases {
    return format === 'csv' ? parseCsv(text) : parseJsonl(text);
  }

  /** Each user message of the threads' active branches is a case: `input`, and the answer it got as `expected`. */
  casesFromThreads(threadIds: string[]): ImportedCases {
    const cases: ImportedCases['cases'] = [];
    for (const threadId of threadIds) {
      const path = this.deps.threads.activePath(threadId);
      path.forEach((message, index) => {
        if (message.role !== 'user' || message.content.trim() === '') return;
        const next = path[index + 1];
        cases.push({
          id: randomUUID(),
          values: { input: message.content, expected: next?.role === 'assistant' ? next.content : '' },
        });
      });
    }
    const warnings = cases.length === 0 ? ['Those threads hold no user messages.'] : [];
    return { cases, columns: ['input', 'expected'], warnings };
  }

  estimate(id: string): Estimate {
    const experiment = this.deps.repo.get(id);
    const prompt = latestPrompt(experiment);
    const { config } = experiment;
    const problems = configProblems(prompt, config);
    const columns = columnsOf(config);
    const graded = config.checks.filter((c) => c.type === 'graded');
    const perProvider = new Map<string, number>();
    const unpriced = new Set<string>();
    let cost = 0;
    let requests = 0;
    const at = new Date(this.deps.now());
    for (const testCase of config.cases) {
      const filled = fillPrompt(prompt, testCase.values, at);
      if (!filled.ok) continue;
      const text = [
        filled.filled.systemPrompt,
        ...filled.filled.history.map((h) => h.content),
        filled.filled.content,
      ].join('\n');
      const promptTokens = this.deps.estimateTokens(text);
      for (const column of columns) {
        const variant = config.variants.find((v) => v.id === column.variantId);
        const output = variant?.params.max_tokens ?? ASSUMED_OUTPUT_TOKENS;
        const price = this.deps.costAt(column.providerId, column.model, promptTokens, output);
        if (price === null) unpriced.add(column.model);
        cost += (price ?? 0) * config.k;
        requests += config.k;
        perProvider.set(column.providerId, (perProvider.get(column.providerId) ?? 0) + config.k);
        for (const check of graded) {
          const gradePrice = this.deps.costAt(
            check.providerId,
            check.model,
            promptTokens + output + 200,
            100,
          );
          if (gradePrice === null) unpriced.add(check.model);
          cost += (gradePrice ?? 0) * config.k;
          requests += config.k;
          perProvider.set(check.providerId, (perProvider.get(check.providerId) ?? 0) + config.k);
        }
      }
    }
    const laneOf = (providerId: string) =>
      withOverride(this.deps.lane(providerId), config.rateLimits[providerId]);
    const lanes = [...perProvider].map(([providerId, count]) => ({
      providerId,
      requests: count,
      perMinute: laneOf(providerId).perMinute,
    }));
    // Providers run side by side: the slowest lane decides.
    const durationMs = Math.max(
      0,
      ...lanes.map((l) => laneDurationMs(l.requests, laneOf(l.providerId), ASSUMED_LATENCY_MS)),
    );
    return {
      requests,
      cost: unpriced.size > 0 ? null : cost,
      unpriced: [...unpriced],
      durationMs,
      perProvider: lanes,
      problems,
    };
  }

  start(id: string): RunSummary {
    const experiment = this.deps.repo.get(id);
    const problems = configProblems(latestPrompt(experiment), experiment.config);
    if (problems.length > 0) throw new AppFailure('invalid_request', problems.join(' '));
    for (const target of experiment.config.targets) this.deps.providers.get(target.providerId);
    const runId = this.deps.repo.createRun(experiment, columnsOf(experiment.config));
    this.deps.runner.start(runId);
    return this.deps.repo.runSummary(runId);
  }

  async stop(runId: string): Promise<RunSummary> {
    await this.deps.runner.stop(runId);
    return this.deps.repo.runSummary(runId);
  }

  resume(runId: string): RunSummary {
    const summary = this.deps.repo.runSummary(runId);
    if (this.deps.runner.isRunning(runId)) return summary;
    this.deps.repo.reopenCells(runId);
    this.deps.repo.setRunStatus(runId, 'running');
    this.deps.runner.start(runId);
    return this.deps.repo.runSummary(runId);
  }

  openCell(runId: string, cellId: string): { threadId: string } {
    const cell = this.deps.repo.cells(runId).find((c) => c.id === cellId);
    if (!cell?.threadId)
      throw new AppFailure('not_found', 'That cell has not run yet: there is no thread to open.');
    this.deps.threads.updateThread(cell.threadId, { archived: false });
    return { threadId: cell.threadId };
  }

  async export(
    id: string,
    format: 'json' | 'promptfoo' | 'csv',
    runId?: string,
  ): Promise<{ filename: string; text: string }> {
    const experiment = this.deps.repo.get(id);
    if (format === 'json') return experimentJson(experiment);
    if (format === 'promptfoo') {
      const providers = await this.deps.providers.list();
      return promptfooYaml(experiment, new Map(providers.map((p) => [p.id, p])));
    }
    const chosen = runId ?? this.deps.repo.runs(id)[0]?.id;
    if (!chosen) throw new AppFailure('invalid_request', 'Run the experiment once before exporting results.');
    return resultsCsv(experiment, this.deps.repo.run(chosen));
  }

  async import(text: string): Promise<Experiment> {
    const file = readExperimentJson(text);
    const known = new Set((await this.deps.providers.list()).map((p) => p.id));
    // Provider ids are this machine's: a file from elsewhere keeps its models only where the provider exists.
    const config: ExperimentConfig = {
      ...file.config,
      targets: file.config.targets.filter((t) => known.has(t.providerId)),
    };
    return this.deps.repo.create(file.name, file.prompt, config);
  }
}
