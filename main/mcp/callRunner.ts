import { randomUUID } from 'node:crypto';
import type { McpBatch, McpCallDecision, McpPendingCall, McpRun } from '../contract';
import type { ToolAnswer } from './approvals';
import type { OfferedTool } from './catalog';
import { parseArgs } from './decisions';
import { DENIED_BY_POLICY, DENIED_RESULT } from './policy';
import { RESULT_MAX_CHARS, contentOf, modelText } from './results';
import type { McpRunLog } from './runLog';
import type { McpService } from './service';

/** A batch of calls held for (or past) the user's decision. */
export interface Waiting {
  view: McpBatch;
  targets: Map<string, OfferedTool>;
  controller: AbortController;
  decided: (decisions: McpCallDecision[] | null) => void;
}

type StoredResult = { content: ReturnType<typeof contentOf>; structured: string | null; isError: boolean };

const OUTCOME: Record<McpRun['status'], McpPendingCall['outcome']> = {
  ok: 'done',
  canned: 'done',
  denied: 'denied',
  cancelled: 'cancelled',
  error: 'failed',
  timeout: 'failed',
};

/** Words for a call that threw: stopped by the user, timed out, the server gone, or its own message. */
function failureOf(raw: string, cancelled: boolean, callTimeoutMs: number) {
  const timeout = !cancelled && /timed out|timeout/i.test(raw);
  const closed = /Connection closed|not running|stopped/i.test(raw);
  const words = cancelled
    ? 'The call was stopped by the user.'
    : timeout
      ? `The server did not answer within ${Math.round(callTimeoutMs / 1000)} s.`
      : closed
        ? `The server stopped during the call. ${raw}`.trim()
        : raw.slice(0, 500);
  const status: McpRun['status'] = cancelled ? 'cancelled' : timeout ? 'timeout' : 'error';
  return { words, status };
}

/**
 * Runs a decided batch: denied calls answer "denied", canned ones their answer, the rest go to
 * their server in parallel. Every call becomes a run in the ledger, and its outcome on the card.
 */
export class CallRunner {
  constructor(
    private readonly deps: {
      runs: McpRunLog;
      service: McpService;
      now: () => number;
      update: (batch: Waiting, patch: Partial<McpBatch>) => void;
    },
  ) {}

  async run(batch: Waiting, decisions: McpCallDecision[]): Promise<ToolAnswer[]> {
    this.deps.update(batch, {
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
        const answer = (content: string) => ({
          toolCallId: call.toolCallId,
          name: call.functionName,
          content,
        });
        if (!d || d.action === 'deny') {
          this.record(batch, call, target, this.deps.now(), 'denied', null, null, null);
          return answer(call.decision === 'deny' ? DENIED_BY_POLICY : DENIED_RESULT);
        }
        if (call.decision === 'canned') {
          const text = call.canned ?? '';
          const stored: StoredResult = {
            content: [{ type: 'text', text }],
            structured: null,
            isError: false,
          };
          this.record(batch, call, target, this.deps.now(), 'canned', null, stored, null);
          return answer(text);
        }
        return answer(await this.call(batch, call, target, parseArgs(call.argumentsText) ?? {}));
      }),
    );
    this.deps.update(batch, {
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
    const started = this.deps.now();
    try {
      const connection = await this.deps.service.connection(target.server.id);
      const result = await connection.callTool(target.row.name, args, {
        timeoutMs: target.server.callTimeoutMs,
        signal: batch.controller.signal,
      });
      const json = JSON.stringify(result);
      if (json.length > RESULT_MAX_CHARS) {
        const error = `The result was ${(json.length / 1024 / 1024).toFixed(1)} MB, over the ${RESULT_MAX_CHARS / 1024 / 1024} MB limit; nothing of it was kept.`;
        this.record(batch, call, target, started, 'error', error, null, json.length);
        return `The tool failed: ${error}`;
      }
      this.record(
        batch,
        call,
        target,
        started,
        result.isError ? 'error' : 'ok',
        result.isError ? 'the tool reported an error' : null,
        {
          content: contentOf(result),
          structured:
            result.structuredContent === undefined ? null : JSON.stringify(result.structuredContent, null, 2),
          isError: result.isError === true,
        },
        json.length,
      );
      return modelText(result);
    } catch (error) {
      const raw = error instanceof Error ? error.message : String(error);
      const { words, status } = failureOf(raw, batch.controller.signal.aborted, target.server.callTimeoutMs);
      this.record(batch, call, target, started, status, words, null, null);
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
    result: StoredResult | null,
    serverChars: number | null,
  ): void {
    const run: McpRun = {
      id: randomUUID(),
      serverId: target.server.id,
      serverName: target.server.name,
      tool: target.row.name,
      threadId: batch.view.threadId,
      toolCallId: call.toolCallId,
      startedAt: started,
      // A denied or canned call never reached the server: it took no time, whatever the clock
      // read between the two calls of now() (a loaded machine's millisecond showed as 1 ms).
      durationMs: status === 'denied' || status === 'canned' ? 0 : Math.max(0, this.deps.now() - started),
      status,
      error,
    };
    const resultJson = result ? JSON.stringify(result) : null;
    try {
      this.deps.runs.record(run, {
        messageId: batch.view.messageId,
        resultJson,
        // The server's own result when one came (kept even when too large to store), else what is stored.
        resultChars: serverChars ?? resultJson?.length ?? null,
      });
    } catch {
      // A ledger problem must not cost the user the result.
    }
    this.deps.update(batch, {
      calls: batch.view.calls.map((c) =>
        c.toolCallId === call.toolCallId ? { ...c, outcome: OUTCOME[status] } : c,
      ),
    });
  }
}
