import { randomUUID } from 'node:crypto';
import type { McpBatch, McpCallDecision, McpPendingCall, Message, ToolDef } from '../contract';
import { AppFailure } from '../contract';
import type { EventSink } from '../ipc/handlers';
import type { OfferedTool } from './catalog';
import { asToolDef, offeredTools } from './catalog';
import type { Waiting } from './callRunner';
import { CallRunner } from './callRunner';
import { completeDecisions, pendingCallOf } from './decisions';
import type { McpRepo } from './repo';
import type { McpRunLog } from './runLog';
import type { McpService } from './service';

export interface ToolAnswer {
  toolCallId: string;
  name: string;
  content: string;
}

/** What the chat engine asks of MCP: the tools a thread offers, and running the calls of an answer. */
export interface McpChatPort {
  toolsFor(threadId: string): ToolDef[];
  /** Runs what the user allows; null when the calls are not all server tools or the user pressed Stop. */
  runCalls(input: { threadId: string; message: Message }): Promise<ToolAnswer[] | null>;
}

/**
 * Batches of calls held for the user's decision: what waits, the decisions (checked in
 * decisions.ts), Stop. Running a decided batch and its ledger rows are callRunner.ts.
 */
export class McpApprovals implements McpChatPort {
  private readonly batches = new Map<string, Waiting>();
  private readonly runner: CallRunner;

  constructor(
    private readonly deps: {
      repo: McpRepo;
      runs: McpRunLog;
      service: McpService;
      events: EventSink;
      now?: () => number;
    },
  ) {
    this.runner = new CallRunner({
      runs: deps.runs,
      service: deps.service,
      now: deps.now ?? Date.now,
      update: (batch, patch) => this.update(batch, patch),
    });
  }

  private offered(threadId: string): OfferedTool[] {
    return offeredTools(this.deps.repo, threadId, (s) => this.deps.service.consented(s));
  }

  toolsFor(threadId: string): ToolDef[] {
    return this.offered(threadId).map(asToolDef);
  }

  pending(): McpBatch[] {
    return [...this.batches.values()].map((b) => b.view);
  }

  private push(batch: Waiting): void {
    this.deps.events.broadcast('mcp:approval', batch.view);
  }

  private update(batch: Waiting, patch: Partial<McpBatch>): void {
    batch.view = { ...batch.view, ...patch };
    this.push(batch);
  }

  async runCalls(input: { threadId: string; message: Message }): Promise<ToolAnswer[] | null> {
    const calls = input.message.toolCalls ?? [];
    const offered = new Map(this.offered(input.threadId).map((o) => [o.row.functionName, o]));
    if (calls.length === 0 || !calls.every((c) => offered.has(c.function.name))) return null;
    const targets = new Map(calls.map((c) => [c.id, offered.get(c.function.name) as OfferedTool]));
    const pendingCalls: McpPendingCall[] = calls.map((call) =>
      pendingCallOf(call, targets.get(call.id) as OfferedTool),
    );
    const batch: Waiting = {
      view: {
        id: randomUUID(),
        threadId: input.threadId,
        messageId: input.message.id,
        state: 'waiting',
        calls: pendingCalls,
      },
      targets,
      controller: new AbortController(),
      decided: () => undefined,
    };
    const needsUser = pendingCalls.some((c) => c.decision === 'ask' || c.decision === 'blocked');
    let decisions: McpCallDecision[] | null = pendingCalls.map((c) => ({
      toolCallId: c.toolCallId,
      action: c.decision === 'deny' ? 'deny' : 'once',
    }));
    this.batches.set(batch.view.id, batch);
    try {
      if (needsUser) {
        decisions = await new Promise<McpCallDecision[] | null>((resolve) => {
          batch.decided = resolve;
          this.push(batch);
        });
      }
      if (decisions === null) {
        this.update(batch, {
          state: 'cancelled',
          calls: batch.view.calls.map((c) => ({ ...c, outcome: 'cancelled' })),
        });
        return null;
      }
      const answers = await this.runner.run(batch, decisions);
      if (batch.controller.signal.aborted) {
        this.update(batch, { state: 'cancelled' });
        return null;
      }
      this.update(batch, { state: 'done' });
      return answers;
    } finally {
      this.batches.delete(batch.view.id);
    }
  }

  /** The user's decisions for every waiting call, checked before any call runs. */
  decide(batchId: string, decisions: McpCallDecision[]): McpBatch {
    const batch = this.batches.get(batchId);
    if (!batch || batch.view.state !== 'waiting')
      throw new AppFailure('not_found', 'Those calls are no longer waiting for a decision.');
    const complete = completeDecisions(batch.view.calls, decisions);
    for (const d of complete) {
      const target = batch.targets.get(d.toolCallId);
      // A canned answer runs nothing: it pins nothing and changes no policy.
      if (
        !target ||
        d.action === 'deny' ||
        batch.view.calls.some((c) => c.toolCallId === d.toolCallId && c.decision === 'canned')
      )
        continue;
      const { row } = target;
      // The first approval pins the definition; approving a changed one pins the new definition.
      if (row.pinnedHash !== row.currentHash)
        this.deps.repo.pin(row.serverId, row.name, row.currentHash, row.definition);
      if (d.action === 'always') this.deps.repo.setPolicy(row.serverId, row.name, 'allow');
    }
    this.deps.events.broadcast('mcp:changed', { serverId: null });
    batch.decided(complete);
    return batch.view;
  }

  /** Stop: a waiting batch is dropped, running calls are cancelled; the calls stay for the user. */
  cancel(batchId: string): { cancelled: boolean } {
    const batch = this.batches.get(batchId);
    if (!batch) return { cancelled: false };
    batch.controller.abort();
    batch.decided(null);
    return { cancelled: true };
  }

  /** Cancels every batch of a thread (a new message, or the thread's stream stopped). */
  cancelThread(threadId: string): void {
    for (const batch of this.batches.values())
      if (batch.view.threadId === threadId) this.cancel(batch.view.id);
  }
}
