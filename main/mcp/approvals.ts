import { randomUUID } from 'node:crypto';
import type { McpBatch, McpCallDecision, McpPendingCall, McpRun, Message, ToolDef } from '../contract';
import { AppFailure } from '../contract';
import { checkAgainstSchema } from '../contract/jsonSchemaCheck';
import type { EventSink } from '../ipc/handlers';
import type { OfferedTool } from './catalog';
import { asToolDef, flagsOf, offeredTools } from './catalog';
import { definitionDiff } from './pinning';
import { DENIED_BY_POLICY, DENIED_RESULT, claimsDestructive, decide } from './policy';
import type { McpRepo } from './repo';
import { RESULT_MAX_CHARS, contentOf, modelText } from './results';
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

interface Waiting {
  view: McpBatch;
  targets: Map<string, OfferedTool>;
  controller: AbortController;
  decided: (decisions: McpCallDecision[] | null) => void;
}

const parseArgs = (text: string): Record<string, unknown> | null => {
  try {
    const value: unknown = JSON.parse(text === '' ? '{}' : text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
};

/** Batches of calls held for the user's decision, and the runs that follow. */
export class McpApprovals implements McpChatPort {
  private readonly batches = new Map<string, Waiting>();
  private readonly now: () => number;

  constructor(
    private readonly deps: { repo: McpRepo; service: McpService; events: EventSink; now?: () => number },
  ) {
    this.now = deps.now ?? Date.now;
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
    const pendingCalls: McpPendingCall[] = calls.map((call) => {
      const { server, row } = targets.get(call.id) as OfferedTool;
      const flags = flagsOf(row);
      const decision = decide({
        policy: row.policy,
        pinnedHash: row.pinnedHash,
        currentHash: row.currentHash,
        flags,
        canned: row.canned?.active === true,
      });
      return {
        toolCallId: call.id,
        functionName: call.function.name,
        serverId: server.id,
        serverName: server.name,
        tool: row.name,
        description: row.definition.description,
        argumentsText: call.function.arguments,
        inputSchema: row.definition.inputSchema,
        decision,
        destructive: claimsDestructive(row.annotations),
        flags,
        diff: decision === 'blocked' ? definitionDiff(row.pinned, row.definition) : null,
        canned: decision === 'canned' ? (row.canned?.answer ?? '') : null,
        outcome: 'waiting',
      };
    });
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
      const answers = await this.run(batch, decisions);
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
    const byId = new Map(decisions.map((d) => [d.toolCallId, d]));
    const complete: McpCallDecision[] = [];
    for (const call of batch.view.calls) {
      const forced = call.decision === 'deny' || call.decision === 'allow' || call.decision === 'canned';
      const d =
        byId.get(call.toolCallId) ??
        (forced
          ? {
              toolCallId: call.toolCallId,
              action: call.decision === 'deny' ? ('deny' as const) : ('once' as const),
            }
          : null);
      if (!d)
        throw new AppFailure('invalid_request', `decisions: decide the call to ${call.tool} too`, {
          detail: { field: 'decisions' },
        });
      if (call.decision === 'deny' && d.action !== 'deny')
        throw new AppFailure(
          'invalid_request',
          `decisions: ${call.tool} is set to deny; change its policy first`,
          {
            detail: { field: 'decisions' },
          },
        );
      if (d.action !== 'deny' && d.argumentsText !== undefined) {
        const args = parseArgs(d.argumentsText);
        if (args === null)
          throw new AppFailure(
            'invalid_request',
            `arguments: the arguments of ${call.tool} are not a JSON object`,
            {
              detail: { field: 'arguments' },
            },
          );
        const issues = checkAgainstSchema(args, call.inputSchema);
        if (issues.length > 0)
          throw new AppFailure(
            'invalid_request',
            `arguments: ${call.tool}: ${issues[0]?.path ?? ''} ${issues[0]?.message ?? ''}`.trim(),
            { detail: { field: 'arguments', issues } },
          );
      }
      complete.push(d);
    }
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

  private async run(batch: Waiting, decisions: McpCallDecision[]): Promise<ToolAnswer[]> {
    this.update(batch, {
      state: 'running',
      calls: batch.view.calls.map((c) => {
        const d = decisions.find((x) => x.toolCallId === c.toolCallId);
        return {
          ...c,
          outcome: d?.action === 'deny' ? 'denied' : 'running',
          argumentsText: d?.argumentsText ?? c.argumentsText,
        };
      }),
    });
    const answers = await Promise.all(
      batch.view.calls.map(async (call): Promise<ToolAnswer> => {
        const d = decisions.find((x) => x.toolCallId === call.toolCallId);
        const target = batch.targets.get(call.toolCallId) as OfferedTool;
        if (!d || d.action === 'deny') {
          this.record(batch, call, target, this.now(), 'denied', null, null);
          return {
            toolCallId: call.toolCallId,
            name: call.functionName,
            content: call.decision === 'deny' ? DENIED_BY_POLICY : DENIED_RESULT,
          };
        }
        if (call.decision === 'canned') {
          const answer = call.canned ?? '';
          this.record(batch, call, target, this.now(), 'canned', null, {
            content: [{ type: 'text', text: answer }],
            structured: null,
            isError: false,
          });
          return { toolCallId: call.toolCallId, name: call.functionName, content: answer };
        }
        const content = await this.call(batch, call, target, parseArgs(call.argumentsText) ?? {});
        return { toolCallId: call.toolCallId, name: call.functionName, content };
      }),
    );
    this.update(batch, {
      calls: batch.view.calls.map((c) => (c.outcome === 'running' ? { ...c, outcome: 'done' } : c)),
    });
    return answers;
  }

  private async call(
    batch: Waiting,
    call: McpPendingCall,
    target: OfferedTool,
    args: Record<string, unknown>,
  ): Promise<string> {
    const started = this.now();
    try {
      const connection = await this.deps.service.connection(target.server.id);
      const result = await connection.callTool(target.row.name, args, {
        timeoutMs: target.server.callTimeoutMs,
        signal: batch.controller.signal,
      });
      const json = JSON.stringify(result);
      if (json.length > RESULT_MAX_CHARS) {
        const error = `The result was ${(json.length / 1024 / 1024).toFixed(1)} MB, over the ${RESULT_MAX_CHARS / 1024 / 1024} MB limit; nothing of it was kept.`;
        this.record(batch, call, target, started, 'error', error, null);
        return `The tool failed: ${error}`;
      }
      const content = contentOf(result);
      this.record(
        batch,
        call,
        target,
        started,
        result.isError ? 'error' : 'ok',
        result.isError ? 'the tool reported an error' : null,
        {
          content,
          structured:
            result.structuredContent === undefined ? null : JSON.stringify(result.structuredContent, null, 2),
          isError: result.isError === true,
        },
      );
      return modelText(result);
    } catch (error) {
      const raw = error instanceof Error ? error.message : String(error);
      const cancelled = batch.controller.signal.aborted;
      const timeout = !cancelled && /timed out|timeout/i.test(raw);
      const closed = /Connection closed|not running|stopped/i.test(raw);
      const words = cancelled
        ? 'The call was stopped by the user.'
        : timeout
          ? `The server did not answer within ${Math.round(target.server.callTimeoutMs / 1000)} s.`
          : closed
            ? `The server stopped during the call. ${raw}`.trim()
            : raw.slice(0, 500);
      this.record(
        batch,
        call,
        target,
        started,
        cancelled ? 'cancelled' : timeout ? 'timeout' : 'error',
        words,
        null,
      );
      return `The tool failed: ${words}`;
    }
  }

  private record(
    batch: Waiting,
    call: McpPendingCall,
    target: OfferedTool,
    started: number,
    status: McpRun['status'],
    error: string | null,
    result: { content: ReturnType<typeof contentOf>; structured: string | null; isError: boolean } | null,
  ): void {
    const run: McpRun = {
      id: randomUUID(),
      serverId: target.server.id,
      serverName: target.server.name,
      tool: target.row.name,
      threadId: batch.view.threadId,
      toolCallId: call.toolCallId,
      startedAt: started,
      durationMs: Math.max(0, this.now() - started),
      status,
      error,
    };
    try {
      this.deps.repo.recordRun(run, result ? JSON.stringify(result) : null);
    } catch {
      // A ledger problem must not cost the user the result.
    }
    this.update(batch, {
      calls: batch.view.calls.map((c) =>
        c.toolCallId === call.toolCallId
          ? {
              ...c,
              outcome:
                status === 'ok' || status === 'canned'
                  ? 'done'
                  : status === 'denied'
                    ? 'denied'
                    : status === 'cancelled'
                      ? 'cancelled'
                      : 'failed',
            }
          : c,
      ),
    });
  }
}
