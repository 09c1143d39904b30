import type { AppError, Message, MessageStatus, ResponseMeta, StreamEvent, UsageRow } from '../contract';
import { isAppFailure } from '../contract';
import { messageUsage, responseMeta, usageRecord } from './assembly/accounting';
import type { Ending } from './assembly/answerPatch';
import { answerPatch, joined, keepReceived } from './assembly/answerPatch';
import { StreamAssembler } from './assembly/assembler';
import { streamLimits } from './transport/limits';
import { abortedFailure } from './assembly/failures';
import { promptText } from './request/messages';
import { Throttle } from './transport/pacer';
import type { RunPlan, SignedHeaders } from './request/plan';
import { signedHeaders } from './request/plan';
import type { ChatDeps } from './ports';
import { RawEventLog } from './transport/rawLog';
import type { RetryOutcome } from './transport/retry';
import { withRetries } from './transport/retry';
import type { ExchangeResult } from './transport/attempt';
import { runExchange } from './transport/attempt';

export interface RunSpec {
  streamId: string;
  senderId: number;
  plan: RunPlan;
  /** One assistant message per requested choice, in choice order. */
  messages: Message[];
  /** Headers signed for the first attempt (checked before anything was stored). */
  signed: SignedHeaders;
  /** Continuing an interrupted answer: its message keeps what it had and grows from there. */
  continues: boolean;
  /** Tool rounds answered automatically before this run. */
  round: number;
}

function refused(failure: AppError): ExchangeResult {
  const timings = { requestSentAt: null, firstByteAt: null, firstTokenAt: null, endedAt: null };
  const assembled = new StreamAssembler().result();
  return {
    outcome: 'error',
    failure,
    retryable: false,
    status: null,
    responseHeaders: {},
    sha256: null,
    timings,
    assembled,
  };
}

/**
 * What an answer stores about its request before the first byte goes out: the exact bytes, and
 * with them the schema, tools and parameters its verdicts are judged against, whatever the
 * thread's settings become later. The response half is filled in when the stream ends.
 */
export function sentMeta(plan: RunPlan, signed: SignedHeaders): ResponseMeta {
  return {
    requestId: null,
    url: plan.url,
    requestBody: plan.request.bytes,
    requestHeaders: signed.shown,
    status: null,
    responseHeaders: {},
    responseSha256: null,
    completionId: null,
    model: null,
    systemFingerprint: null,
    serviceTier: null,
    timings: { requestSentAt: null, firstByteAt: null, firstTokenAt: null, endedAt: null },
    droppedFields: plan.request.droppedFields,
    attempts: 0,
  };
}

const statusOf = (result: ExchangeResult, cancelled: boolean): MessageStatus =>
  cancelled
    ? 'interrupted'
    : result.outcome === 'complete'
      ? 'complete'
      : result.outcome === 'interrupted'
        ? 'interrupted'
        : 'error';

/** One stream from 'started' to 'ended': attempts, pacing of pushes and saves, the final write. */
export class StreamRun {
  readonly controller = new AbortController();
  /** The window went away: keep storing, stop pushing. */
  detached = false;
  private assembler = new StreamAssembler();
  private readonly raw = new RawEventLog();
  private readonly ids: string[];
  private readonly deltas: Throttle;
  private readonly saves: Throttle;
  private firstRow: UsageRow | null = null;
  private lastRow: UsageRow | null = null;
  private shown: Record<string, string>;
  private storeFailed = false;
  private readonly now: () => number;

  constructor(
    private readonly deps: ChatDeps,
    readonly spec: RunSpec,
  ) {
    this.ids = spec.messages.map((m) => m.id);
    this.shown = spec.signed.shown;
    this.now = deps.now ?? Date.now;
    this.deltas = new Throttle(deps.deltaIntervalMs ?? 16, this.pushDeltas);
    this.saves = new Throttle(deps.saveIntervalMs ?? 250, this.save);
  }

  get threadId(): string {
    return this.spec.plan.thread.id;
  }

  push(event: StreamEvent): void {
    if (!this.detached) this.deps.events.toSender(this.spec.senderId, 'chat:stream', event);
  }

  async execute(): Promise<Message[]> {
    const { plan } = this.spec;
    const outcome = await withRetries((attempt) => this.attempt(attempt), {
      signal: this.controller.signal,
      sleep: this.deps.sleep,
      random: this.deps.random,
      now: this.now,
      onRetry: (notice) =>
        this.push({ type: 'retrying', streamId: this.spec.streamId, threadId: this.threadId, ...notice }),
      onUnauthorized:
        plan.provider.authKind === 'oauth'
          ? () => this.deps.providers.handleUnauthorized(plan.provider.id)
          : undefined,
    });
    return this.finish(outcome);
  }

  private async attempt(attempt: number): Promise<ExchangeResult> {
    const { plan } = this.spec;
    let signed = this.spec.signed;
    if (attempt > 1) {
      try {
        signed = await signedHeaders(this.deps, plan);
      } catch (error) {
        if (isAppFailure(error)) return refused(error.error);
        throw error;
      }
      this.shown = signed.shown;
    }
    this.assembler = new StreamAssembler();
    const result = await runExchange({
      fetch: this.deps.fetch,
      url: plan.url,
      headers: signed.headers,
      bytes: plan.request.bytes,
      stream: plan.request.stream,
      timeouts: plan.provider.timeouts,
      limits: streamLimits(plan.provider.limits),
      signal: this.controller.signal,
      expectedChoices: plan.request.choices,
      context: plan.context,
      now: this.now,
      assembler: this.assembler,
      rawEvents: this.raw,
      onProgress: this.progress,
    });
    this.account(attempt, result);
    return result;
  }

  /** The ledger row of one attempt; a ledger problem must not cost the user the answer. */
  private account(attempt: number, result: ExchangeResult): void {
    const { plan } = this.spec;
    let row: UsageRow;
    try {
      row = this.deps.usage.record(
        usageRecord(result, {
          attempt,
          retryOf: this.firstRow?.id ?? null,
          providerId: plan.provider.id,
          providerName: plan.provider.name,
          model: plan.model,
          confidential: plan.description.confidential,
          threadId: this.threadId,
          messageId: this.ids[0] ?? '',
          prompt: promptText(plan.request.messages),
          estimateTokens: this.deps.estimateTokens,
          now: this.now(),
        }),
      );
    } catch {
      return;
    }
    this.firstRow ??= row;
    this.lastRow = row;
  }

  private readonly progress = (): void => {
    this.deltas.request();
    this.saves.request();
  };

  private readonly pushDeltas = (): boolean => {
    const choices = this.assembler.drain(this.ids);
    if (choices.length === 0) return false;
    this.push({ type: 'delta', streamId: this.spec.streamId, threadId: this.threadId, choices });
    return true;
  };

  /** Throttled save of the growing answer, so a killed app loses at most the last interval. */
  private readonly save = (): boolean => {
    if (this.storeFailed) return false;
    let saved = false;
    try {
      this.spec.messages.forEach((message, index) => {
        const now = this.assembler.peek(index);
        if (now === null || (now.content === '' && now.reasoning === null && now.toolCalls === null)) return;
        saved = true;
        this.deps.threads.updateMessage(message.id, {
          content: this.spec.continues ? message.content + now.content : now.content,
          reasoning: this.spec.continues ? joined(message.reasoning, now.reasoning) : now.reasoning,
          toolCalls: now.toolCalls,
          updatedAt: this.now(),
        });
      });
      this.storeEvents();
    } catch {
      // The message or thread was deleted while streaming: nothing left to save into.
      this.storeFailed = true;
      this.controller.abort();
    }
    return saved;
  };

  private storeEvents(): void {
    const first = this.ids[0];
    if (first === undefined || this.raw.pending === 0) return;
    const events = this.raw.take();
    if (events.length > 0) this.deps.threads.appendEvents(first, events);
  }

  /** A bug, not a provider failure: the answer must still leave the 'streaming' state. */
  crashed(): void {
    this.saves.cancel();
    this.deltas.cancel();
    this.controller.abort();
    const final = this.spec.messages.map((message) => {
      const patch = {
        status: 'error' as const,
        errorCode: 'internal' as const,
        errorMessage: 'Something went wrong inside the app while streaming. What arrived before is kept.',
      };
      try {
        return this.deps.threads.updateMessage(message.id, patch);
      } catch {
        return { ...message, ...patch };
      }
    });
    this.push({ type: 'ended', streamId: this.spec.streamId, threadId: this.threadId, messages: final });
  }

  private finish(outcome: RetryOutcome<ExchangeResult>): Message[] {
    this.saves.cancel();
    // What is still pending goes out with 'ended', which carries the whole messages.
    this.deltas.cancel();
    const result = outcome.last;
    const failure = outcome.cancelled ? abortedFailure : result.failure;
    const status = statusOf(result, outcome.cancelled);
    const { plan } = this.spec;
    const meta = responseMeta(
      result,
      {
        url: plan.url,
        bytes: plan.request.bytes,
        headers: this.shown,
        droppedFields: plan.request.droppedFields,
      },
      outcome.attempts,
    );
    const { choices } = result.assembled;
    const { messages, continues } = this.spec;
    const kept = keepReceived(
      this.deps.threads,
      messages,
      choices.map((c) => c.index),
      continues,
    );
    const end: Ending = {
      continues,
      status,
      failure,
      usage: this.lastRow ? messageUsage(this.lastRow) : null,
      usageId: this.lastRow?.id ?? null,
      // Fewer choices than asked for: the answers say "asked for 3, received 1".
      meta:
        kept.length < messages.length
          ? { ...meta, choicesRequested: messages.length, choicesReceived: kept.length }
          : meta,
      answers: kept.length,
      context: plan.context,
      now: this.now(),
    };
    const final: Message[] = [];
    kept.forEach((message, position) => {
      const index = messages.indexOf(message);
      const patch = answerPatch(
        message,
        choices.find((c) => c.index === index),
        position,
        end,
      );
      try {
        final.push(this.deps.threads.updateMessage(message.id, patch));
      } catch {
        final.push({ ...message, ...patch });
      }
    });
    try {
      this.storeEvents();
      this.deps.threads.touch(this.threadId);
    } catch {
      // Deleted while streaming; the 'ended' event below still tells the window.
    }
    this.push({ type: 'ended', streamId: this.spec.streamId, threadId: this.threadId, messages: final });
    return final;
  }
}
