import { z } from 'zod';
import { channel } from './define';
import { ChatParams, ResponseFormat } from './chatParams';
import { ErrorCode } from './errors';

/**
 * Experiments: one prompt (messages with `{{variables}}`, tools, response format) × columns
 * (a model and a parameter variant) × test cases (variable values), each cell run `k` times.
 * Every request goes through the chat engine and the ledger like any other.
 */

/**
 * Requests a minute an experiment sends a provider unless the user sets another: what the
 * confidential service documents (30 chat requests a minute), a cautious 60 elsewhere.
 */
export function defaultPerMinute(preset: string): number {
  return preset === 'confidential' ? 30 : 60;
}

export const PromptMessage = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().max(200_000),
});
export type PromptMessage = z.infer<typeof PromptMessage>;

/** The part of an experiment that is versioned: editing any of it makes a new version. */
export const ExperimentPrompt = z.object({
  messages: z.array(PromptMessage).min(1).max(50),
  toolIds: z.array(z.string()).max(64).default([]),
  responseFormat: ResponseFormat.nullable().default(null),
});
export type ExperimentPrompt = z.infer<typeof ExperimentPrompt>;

export const ModelTarget = z.object({ providerId: z.string().min(1), model: z.string().min(1) });
export type ModelTarget = z.infer<typeof ModelTarget>;

export const ParamVariant = z.object({
  id: z.string().min(1),
  label: z.string().trim().min(1).max(60),
  params: ChatParams,
});
export type ParamVariant = z.infer<typeof ParamVariant>;

export const TestCase = z.object({
  id: z.string().min(1),
  values: z.record(z.string(), z.string().max(200_000)),
});
export type TestCase = z.infer<typeof TestCase>;

export const Check = z.discriminatedUnion('type', [
  z.object({ type: z.literal('contains'), value: z.string().min(1), ignoreCase: z.boolean().default(false) }),
  z.object({
    type: z.literal('notContains'),
    value: z.string().min(1),
    ignoreCase: z.boolean().default(false),
  }),
  z.object({
    type: z.literal('regex'),
    pattern: z.string().min(1).max(2000),
    flags: z.string().max(4).default(''),
  }),
  z.object({ type: z.literal('equals'), value: z.string(), trim: z.boolean().default(true) }),
  /** The answer parses as JSON and matches the prompt's response schema (or `schema`). */
  z.object({
    type: z.literal('jsonSchema'),
    schema: z.record(z.string(), z.unknown()).nullable().default(null),
  }),
  z.object({
    type: z.literal('toolCalled'),
    name: z.string().min(1),
    argsSchema: z.record(z.string(), z.unknown()).nullable().default(null),
    argsEqual: z.record(z.string(), z.unknown()).nullable().default(null),
  }),
  z.object({ type: z.literal('costMax'), max: z.number().min(0) }),
  z.object({ type: z.literal('latencyMax'), ms: z.number().min(0) }),
  z.object({ type: z.literal('tokensMax'), max: z.number().int().min(0) }),
  /** A rubric run on a chosen model; it answers PASS or FAIL with its reasoning. */
  z.object({
    type: z.literal('graded'),
    rubric: z.string().min(1).max(20_000),
    providerId: z.string().min(1),
    model: z.string().min(1),
  }),
]);
export type Check = z.infer<typeof Check>;
export type CheckType = Check['type'];

export const ExperimentConfig = z.object({
  targets: z.array(ModelTarget).max(20).default([]),
  variants: z
    .array(ParamVariant)
    .min(1)
    .max(20)
    .default([{ id: 'default', label: 'default', params: {} }]),
  cases: z.array(TestCase).max(10_000).default([]),
  checks: z.array(Check).max(30).default([]),
  k: z.number().int().min(1).max(10).default(1),
  seed: z.number().int().nullable().default(null),
  /**
   * Requests a minute per provider id, where the user's account allows other than the preset's
   * documented limit (the confidential service: 30).
   */
  rateLimits: z.record(z.string(), z.number().int().min(1).max(100_000)).default({}),
});
export type ExperimentConfig = z.infer<typeof ExperimentConfig>;

export const PromptVersion = z.object({
  id: z.string(),
  number: z.number().int(),
  prompt: ExperimentPrompt,
  createdAt: z.number(),
});
export type PromptVersion = z.infer<typeof PromptVersion>;

export const Experiment = z.object({
  id: z.string(),
  name: z.string(),
  config: ExperimentConfig,
  /** Oldest first; the last one is what the editor shows and the next run uses. */
  versions: z.array(PromptVersion),
  /** The project its runs' threads are filed in (their spend counts there); null: none. */
  projectId: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Experiment = z.infer<typeof Experiment>;

export const ExperimentSummary = z.object({
  id: z.string(),
  name: z.string(),
  cases: z.number(),
  runs: z.number(),
  projectId: z.string().nullable(),
  updatedAt: z.number(),
});
export type ExperimentSummary = z.infer<typeof ExperimentSummary>;

export const CheckResult = z.object({
  type: z.string(),
  label: z.string(),
  pass: z.boolean(),
  /** What the verdict rests on: the match, the missing text, the schema issue, the grader's reasoning. */
  evidence: z.string(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const CellStatus = z.enum(['pending', 'running', 'done', 'error', 'stopped']);
export type CellStatus = z.infer<typeof CellStatus>;

/** One run of one case in one column (`rep` counts the k repetitions from 0). */
export const Cell = z.object({
  id: z.string(),
  caseId: z.string(),
  column: z.string(),
  rep: z.number().int(),
  status: CellStatus,
  threadId: z.string().nullable(),
  messageId: z.string().nullable(),
  answer: z.string(),
  toolCalls: z.string().nullable(),
  errorCode: ErrorCode.nullable(),
  errorMessage: z.string().nullable(),
  checks: z.array(CheckResult),
  pass: z.boolean().nullable(),
  /** Ledger figures for every attempt of this cell (a 429 retried counts as a request). */
  requests: z.number(),
  tokens: z.number(),
  cost: z.number().nullable(),
  /** Credits the provider reported consumed (the confidential service bills in credits). */
  credits: z.number().nullable(),
  ttftMs: z.number().nullable(),
  latencyMs: z.number().nullable(),
});
export type Cell = z.infer<typeof Cell>;

export const RunColumn = z.object({
  key: z.string(),
  providerId: z.string(),
  model: z.string(),
  variantId: z.string(),
  label: z.string(),
});
export type RunColumn = z.infer<typeof RunColumn>;

export const RunStatus = z.enum(['running', 'stopped', 'finished']);
export type RunStatus = z.infer<typeof RunStatus>;

export const RunSummary = z.object({
  id: z.string(),
  experimentId: z.string(),
  versionNumber: z.number(),
  status: RunStatus,
  total: z.number(),
  done: z.number(),
  createdAt: z.number(),
  endedAt: z.number().nullable(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const Run = RunSummary.extend({
  prompt: ExperimentPrompt,
  config: ExperimentConfig,
  columns: z.array(RunColumn),
  cells: z.array(Cell),
});
export type Run = z.infer<typeof Run>;

export const Estimate = z.object({
  requests: z.number(),
  /** Null when a model has no price in the table and the provider reports none. */
  cost: z.number().nullable(),
  unpriced: z.array(z.string()),
  /** With each provider's rate limit applied to the schedule. */
  durationMs: z.number(),
  perProvider: z.array(z.object({ providerId: z.string(), requests: z.number(), perMinute: z.number() })),
  problems: z.array(z.string()),
});
export type Estimate = z.infer<typeof Estimate>;

export const ImportedCases = z.object({
  cases: z.array(TestCase),
  columns: z.array(z.string()),
  /** Rows skipped or filled in, each with its line; nothing else was dropped. */
  warnings: z.array(z.string()),
});
export type ImportedCases = z.infer<typeof ImportedCases>;

const Id = z.object({ id: z.string().min(1) });
const RunId = z.object({ runId: z.string().min(1) });
const FileText = z.object({ filename: z.string(), text: z.string() });

export const experimentChannels = {
  'experiments:list': channel(z.object({}), z.array(ExperimentSummary)),
  'experiments:get': channel(Id, Experiment),
  'experiments:create': channel(z.object({ name: z.string().trim().min(1).max(120) }), Experiment),
  /** Saves name and configuration; a changed prompt becomes a new version. */
  'experiments:save': channel(
    Id.extend({
      name: z.string().trim().min(1).max(120).optional(),
      prompt: ExperimentPrompt.optional(),
      config: ExperimentConfig.optional(),
      /** Files the threads of its next cells in this project (null: in none). */
      projectId: z.string().min(1).nullable().optional(),
    }),
    Experiment,
  ),
  'experiments:delete': channel(Id, z.object({ deleted: z.boolean() })),
  'experiments:parseCases': channel(
    z.object({ text: z.string().max(50_000_000), format: z.enum(['csv', 'jsonl']) }),
    ImportedCases,
  ),
  'experiments:casesFromThreads': channel(
    z.object({ threadIds: z.array(z.string()).min(1).max(500) }),
    ImportedCases,
  ),
  'experiments:estimate': channel(Id, Estimate),
  'experiments:start': channel(Id, RunSummary),
  'experiments:stop': channel(RunId, RunSummary),
  'experiments:resume': channel(RunId, RunSummary),
  'experiments:runs': channel(Id, z.array(RunSummary)),
  'experiments:run': channel(RunId, Run),
  /** Makes a cell's thread a normal (unarchived) thread to keep chatting in. */
  'experiments:openCell': channel(
    RunId.extend({ cellId: z.string().min(1) }),
    z.object({ threadId: z.string() }),
  ),
  'experiments:export': channel(
    Id.extend({ format: z.enum(['json', 'promptfoo', 'csv']), runId: z.string().optional() }),
    FileText,
  ),
  'experiments:import': channel(z.object({ text: z.string().min(1).max(50_000_000) }), Experiment),
};

export const experimentEvents = {
  /** To all windows, after cells of a run changed (coalesced). */
  'experiments:progress': z.object({
    runId: z.string(),
    experimentId: z.string(),
    status: RunStatus,
    done: z.number(),
    total: z.number(),
    failed: z.number(),
    etaMs: z.number().nullable(),
    /** Set while a provider's 429 holds the queue back. */
    waitingMs: z.number().nullable(),
  }),
};
