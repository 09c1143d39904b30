import { randomUUID } from 'node:crypto';
import type { Cell, Check, ExperimentPrompt, Message, Run, RunColumn, SendResult } from '../contract';
import { isAppFailure } from '../contract';
import { retryHint } from '../chat/transport/headers';
import type { EventSink } from '../ipc/handlers';
import type { NewMessage } from '../chat/ports';
import type { CellOutcome } from './checks';
import { fillCheck, graderPrompt, readVerdict } from './checks';
import { CheckRunner } from './checkRunner';
import type { CellResult, ExperimentsRepo } from './repo';
import { emptyResult } from './repo';
import { cellSettings, cellThreadPrompt, fillPrompt, variantFormat } from './prepare';
import type { Clock, Lane, TaskOutcome } from './scheduler';
import { RateScheduler } from './scheduler';
import type { ThreadSettings } from '../contract';

/** The window id experiment streams push to: none (their progress goes out as experiments:progress). */
export const NO_WINDOW = -1;

/** What the runner needs of the chat engine and the threads store; the composition root passes the real ones. */
export interface RunnerDeps {
  repo: ExperimentsRepo;
  chat: {
    send(input: { threadId: string; content: string }, senderId: number): Promise<SendResult>;
    regenerate(input: { threadId: string; messageId: string }, senderId: number): Promise<SendResult>;
    whenSettled(streamId: string): Promise<void>;
    stop(input: { streamId: string }): { stopped: boolean };
  };
  threads: {
    importThread(
      thread: { title: string; archived: boolean; settings: ThreadSettings; activeLeafId?: string | null },
      list: readonly Omit<NewMessage, 'threadId'>[],
    ): { id: string };
    getMessage(id: string): Message;
  };
  lane: (providerId: string) => Lane;
  events: Pick<EventSink, 'broadcast'>;
  clock: Clock;
  /** Judges checks off main's thread with a time limit; without one they run here (unit tests). */
  checks?: CheckRunner;
  /**
   * The budgets' send gate, the same the window's sends pass (main/chat/gate.ts): it throws a
   * `budget_exceeded` failure for a thread a blocking budget at its limit covers. A run's requests
   * spend like any others, so a blocking budget stops the run instead of being overspent by it.
   */
  admit?: (threadId: string) => Promise<void> | void;
}

interface Active {
  controller: AbortController;
  streams: Set<string>;
  done: Promise<void>;
}

interface Ledger {
  requests: number;
  tokens: number;
  cost: number | null;
  credits: number | null;
  ttftMs: number | null;
  latencyMs: number | null;
}

/** The provider's lane with the user's own requests-a-minute, where they set one. */
export function withOverride(lane: Lane, perMinute: number | undefined): Lane {
  return perMinute ? { ...lane, perMinute } : lane;
}

/** Runs experiment cells through the chat engine, under each provider's rate limit. */
export class ExperimentRunner {
  private readonly active = new Map<string, Active>();
  /** Request start times per provider over every run, for the sliding-minute limit. */
  private readonly history = new Map<string, number[]>();

  private readonly checks: CheckRunner;

  constructor(private readonly deps: RunnerDeps) {
    this.checks = deps.checks ?? new CheckRunner(null);
  }

  isRunning(runId: string): boolean {
    return this.active.has(runId);
  }

  /** Starts (or resumes) the run's pending cells in the background. */
  start(runId: string): void {
    if (this.active.has(runId)) return;
    const run = this.deps.repo.run(runId);
    const controller = new AbortController();
    const entry: Active = { controller, streams: new Set(), done: Promise.resolve() };
    this.active.set(runId, entry);
    entry.done = this.execute(run, entry).finally(() => this.active.delete(runId));
  }

  /** Stop: nothing new starts, streams in flight are aborted; finished cells are kept. */
  async stop(runId: string): Promise<void> {
    const entry = this.active.get(runId);
    if (!entry) return;
    entry.controller.abort();
    for (const streamId of entry.streams) this.deps.chat.stop({ streamId });
    await entry.done;
  }

  async whenDone(runId: string): Promise<void> {
    await this.active.get(runId)?.done;
  }

  async shutdown(): Promise<void> {
    await Promise.all([...this.active.keys()].map((id) => this.stop(id)));
    await this.checks.close();
  }

  private async execute(run: Run, entry: Active): Promise<void> {
    const { repo, clock } = this.deps;
    const started = clock.now();
    const columns = new Map(run.columns.map((c) => [c.key, c]));
    const pending = run.cells.filter((c) => c.status === 'pending');
    let done = run.cells.filter((c) => c.status === 'done' || c.status === 'error').length;
    let failed = run.cells.filter((c) => c.status === 'error' || c.pass === false).length;
    let waitingMs: number | null = null;
    const progress = (status: Run['status']): void => {
      const finishedHere =
        done - (run.cells.length - pending.length - run.cells.filter((c) => c.status === 'stopped').length);
      const elapsed = clock.now() - started;
      const remaining = run.cells.length - done;
      const etaMs =
        finishedHere > 0 && status === 'running' ? Math.round((elapsed / finishedHere) * remaining) : null;
      this.deps.events.broadcast('experiments:progress', {
        runId: run.id,
        experimentId: run.experimentId,
        status,
        done,
        total: run.cells.length,
        failed,
        etaMs,
        waitingMs,
      });
    };
    const scheduler = new RateScheduler<Cell>({
      clock,
      signal: entry.controller.signal,
      history: this.history,
      lane: (providerId) => withOverride(this.deps.lane(providerId), run.config.rateLimits[providerId]),
      onPause: (_lane, ms) => {
        waitingMs = ms;
        progress('running');
      },
      run: async (cell) => {
        const column = columns.get(cell.column);
        if (!column) return { rateLimited: false };
        const outcome = await this.runCell(run, cell, column, entry);
        if (outcome.finished) {
          done += 1;
          if (outcome.failed) failed += 1;
          waitingMs = null;
          progress('running');
        }
        return outcome.task;
      },
    });
    for (const cell of pending) scheduler.add(columns.get(cell.column)?.providerId ?? '', cell);
    progress('running');
    await scheduler.drain();
    const stopped = entry.controller.signal.aborted;
    if (stopped) repo.stopPending(run.id);
    repo.setRunStatus(run.id, stopped ? 'stopped' : 'finished');
    progress(stopped ? 'stopped' : 'finished');
  }

  /** One cell: its own archived thread, one send (or a regenerate after a 429), the ledger, the checks. */
  private async runCell(
    run: Run,
    cell: Cell,
    column: RunColumn,
    entry: Active,
  ): Promise<{ task: TaskOutcome; finished: boolean; failed: boolean }> {
    const { repo } = this.deps;
    const testCase = run.config.cases.find((c) => c.id === cell.caseId);
    const variant = run.config.variants.find((v) => v.id === column.variantId);
    const finish = (status: 'done' | 'error', result: CellResult) => {
      repo.finishCell(cell.id, status, result);
      return {
        task: { rateLimited: false } as const,
        finished: true,
        failed: status === 'error' || result.pass === false,
      };
    };
    if (!testCase || !variant)
      return finish('error', {
        ...emptyResult,
        errorCode: 'invalid_request',
        errorMessage: 'The case or variant is gone.',
      });
    const filled = fillPrompt(run.prompt, testCase.values, new Date(this.deps.clock.now()));
    if (!filled.ok)
      return finish('error', { ...emptyResult, errorCode: 'invalid_request', errorMessage: filled.message });

    let sent: SendResult;
    let threadId = cell.threadId;
    try {
      if (threadId && cell.messageId) {
        await this.deps.admit?.(threadId);
        sent = await this.deps.chat.regenerate({ threadId, messageId: cell.messageId }, NO_WINDOW);
      } else {
        const template = cellThreadPrompt(run.prompt, testCase.values, new Date(this.deps.clock.now()));
        const settings = cellSettings(
          run.prompt,
          run.config,
          column,
          variant,
          template.systemPrompt,
          testCase.values,
        );
        const list: Omit<NewMessage, 'threadId'>[] = [];
        let parentId: string | null = null;
        for (const turn of template.history) {
          const id: string = randomUUID();
          list.push({ id, parentId, role: turn.role, content: turn.content, status: 'complete' });
          parentId = id;
        }
        const title = `${run.config.cases.indexOf(testCase) + 1} · ${column.label} · run ${cell.rep + 1}`;
        threadId = this.deps.threads.importThread(
          { title, archived: true, settings, activeLeafId: parentId },
          list,
        ).id;
        this.file(run, threadId);
        await this.deps.admit?.(threadId);
        sent = await this.deps.chat.send({ threadId, content: template.content }, NO_WINDOW);
      }
    } catch (error) {
      if (!isAppFailure(error)) throw error;
      const { code, message, retryAfterMs } = error.error;
      if (code === 'rate_limited')
        return {
          task: { rateLimited: true, retryAfterMs: retryAfterMs ?? null },
          finished: false,
          failed: false,
        };
      // A blocking budget at its limit: no further cell may spend, so the run stops here (Resume
      // runs the rest once the limit is raised or the period has reset).
      if (code === 'budget_exceeded') entry.controller.abort();
      return finish('error', { ...emptyResult, errorCode: code, errorMessage: message });
    }
    const answerId = sent.messages[0]?.id ?? null;
    repo.markCell(cell.id, 'running', { threadId, messageId: answerId });
    entry.streams.add(sent.streamId);
    await this.deps.chat.whenSettled(sent.streamId);
    entry.streams.delete(sent.streamId);
    if (!answerId)
      return finish('error', {
        ...emptyResult,
        errorCode: 'internal',
        errorMessage: 'No answer was created.',
      });
    const message = this.deps.threads.getMessage(answerId);
    const ledger = this.ledger(threadId);
    if (
      message.errorCode === 'aborted' ||
      (entry.controller.signal.aborted && message.status !== 'complete')
    ) {
      repo.markCell(cell.id, 'stopped');
      return { task: { rateLimited: false }, finished: false, failed: false };
    }
    if (message.errorCode === 'rate_limited') {
      repo.markCell(cell.id, 'pending');
      cell.threadId = threadId;
      cell.messageId = answerId;
      const retryAfterMs = retryHint(message.meta?.responseHeaders ?? {}, this.deps.clock.now());
      return { task: { rateLimited: true, retryAfterMs }, finished: false, failed: false };
    }
    const toolCalls = (message.toolCalls ?? []).map((c) => ({
      name: c.function.name,
      arguments: c.function.arguments,
    }));
    const outcome: CellOutcome = {
      answer: message.content,
      toolCalls,
      cost: ledger.cost,
      latencyMs: ledger.latencyMs,
      tokens: ledger.tokens,
    };
    const result: CellResult = {
      ...emptyResult,
      ...ledger,
      answer: message.content,
      toolCalls: toolCalls.length ? toolCalls.map((c) => `${c.name}(${c.arguments})`).join('\n') : null,
      errorCode: message.status === 'complete' ? null : message.errorCode,
      errorMessage: message.status === 'complete' ? null : message.errorMessage,
    };
    if (message.status !== 'complete') return finish('error', result);
    const grade = this.grader(run, entry, result);
    result.checks = await Promise.all(
      run.config.checks.map((check) =>
        this.checks.run(fillCheck(check, testCase.values, new Date(this.deps.clock.now())), outcome, {
          responseFormat: variantFormat(run.prompt, variant),
          grade,
        }),
      ),
    );
    result.pass = result.checks.every((c) => c.pass);
    return finish('done', result);
  }

  /**
   * A thread of the run goes in the experiment's project before its first request, so each ledger
   * row it makes counts in that project's budgets and usage filters like any thread's.
   */
  private file(run: Run, threadId: string): void {
    const projectId = this.deps.repo.projectOf(run.experimentId);
    if (projectId) this.deps.repo.fileThread(threadId, projectId);
  }

  /** Every attempt of a cell is a ledger row of its thread: a retried 429 counts too. */
  private ledger(threadId: string): Ledger {
    const row = this.deps.repo.sql.one<{
      requests: number;
      tokens: number | null;
      cost: number | null;
      credits: number | null;
    }>(
      `SELECT COUNT(*) AS requests, SUM(total_tokens) AS tokens, SUM(cost) AS cost, SUM(credits_consumed) AS credits
       FROM usage WHERE thread_id = ?`,
      threadId,
    );
    const last = this.deps.repo.sql.one<{ ttft_ms: number | null; duration_ms: number | null }>(
      'SELECT ttft_ms, duration_ms FROM usage WHERE thread_id = ? ORDER BY at DESC, rowid DESC LIMIT 1',
      threadId,
    );
    return {
      requests: row?.requests ?? 0,
      tokens: row?.tokens ?? 0,
      cost: row?.cost ?? null,
      credits: row?.credits ?? null,
      ttftMs: last?.ttft_ms ?? null,
      latencyMs: last?.duration_ms ?? null,
    };
  }

  /** A graded check runs its rubric in a thread of its own; its requests count to the cell. */
  private grader(run: Run, entry: Active, result: CellResult) {
    return async (check: Extract<Check, { type: 'graded' }>, outcome: CellOutcome) => {
      const settings: ThreadSettings = {
        providerId: check.providerId,
        model: check.model,
        systemPrompt: '',
        params: {},
        toolIds: [],
        toolMode: 'manual',
        maxToolRounds: 1,
      };
      const threadId = this.deps.threads.importThread(
        { title: `Grader · ${check.model}`, archived: true, settings },
        [],
      ).id;
      this.file(run, threadId);
      await this.deps.admit?.(threadId);
      const sent = await this.deps.chat.send(
        { threadId, content: graderPrompt(check.rubric, outcome.answer) },
        NO_WINDOW,
      );
      entry.streams.add(sent.streamId);
      await this.deps.chat.whenSettled(sent.streamId);
      entry.streams.delete(sent.streamId);
      const answer = sent.messages[0] ? this.deps.threads.getMessage(sent.messages[0].id) : null;
      const spent = this.ledger(threadId);
      result.requests += spent.requests;
      result.tokens += spent.tokens;
      if (spent.cost !== null) result.cost = (result.cost ?? 0) + spent.cost;
      if (spent.credits !== null) result.credits = (result.credits ?? 0) + spent.credits;
      if (!answer || answer.status !== 'complete')
        throw new Error(answer?.errorMessage ?? 'the grader gave no answer');
      return readVerdict(answer.content);
    };
  }
}

export type { ExperimentPrompt };
