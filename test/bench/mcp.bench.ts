// mcp.call_overhead_ms: a no-op tool call through stdio, from the model's finished call (the
// answer's tool calls handed to MCP) to its result leaving main (the tool message's content ready
// for the next request), minus the server's own time, which the test server reports. The tool is
// allowed and pinned (no approval wait); the run ledger row and the batch events are included.
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { createMcp } from '../../main/mcp';
import { ThreadsRepo } from '../../main/threads/repo';
import { MemorySecrets, WaitingSink, addAndStart, stdioServer } from '../mcp/support';
import type { BenchResult } from './types';

const WARMUP = 50;
const CALLS = 500;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

export async function run(): Promise<BenchResult[]> {
  const { db } = openDatabase(':memory:', migrations);
  const events = new WaitingSink();
  const mcp = createMcp({ db, secrets: new MemorySecrets(), events, libraryNames: () => [], now: Date.now });
  try {
    const server = await addAndStart(mcp, stdioServer());
    const threads = new ThreadsRepo(db);
    const thread = threads.createThread({});
    mcp.handlers['mcp:attach'](
      { threadId: thread.id, serverId: server.id, toolName: 'noop', attached: true },
      { senderId: 1 },
    );
    const message = (i: number) =>
      threads.insertMessage({
        threadId: thread.id,
        parentId: null,
        role: 'assistant',
        toolCalls: [{ id: `call_${i}`, type: 'function', function: { name: 'test__noop', arguments: '{}' } }],
      });
    // The first call is approved with "Always allow": later ones run without asking.
    const first = mcp.approvals.runCalls({ threadId: thread.id, message: message(-1) });
    const batch = await events.waiting(new Set());
    mcp.approvals.decide(batch.id, [{ toolCallId: 'call_-1', action: 'always' }]);
    await first;
    const overhead: number[] = [];
    // The same call straight through the SDK client, interleaved so both see the same machine load:
    // what the transport and the OS cost, beside what the app adds.
    const bare: number[] = [];
    const connection = await mcp.service.connection(server.id);
    const signal = new AbortController().signal;
    for (let i = 0; i < WARMUP + CALLS; i += 1) {
      const t0 = performance.now();
      const raw = await connection.callTool('noop', {}, { timeoutMs: 10_000, signal });
      const rawServerMs = Number((raw.structuredContent as { serverMs?: number } | undefined)?.serverMs ?? 0);
      if (i >= WARMUP) bare.push(performance.now() - t0 - rawServerMs);
      const m = message(i);
      const started = performance.now();
      const answers = await mcp.approvals.runCalls({ threadId: thread.id, message: m });
      const total = performance.now() - started;
      if (answers?.[0]?.content !== 'ok')
        throw new Error(`unexpected result: ${answers?.[0]?.content ?? 'none'}`);
      const result = await mcp.handlers['mcp:result'](
        { toolCallId: `call_${i}`, full: true },
        { senderId: 1 },
      );
      const serverMs = Number(
        (JSON.parse(result?.structured ?? '{}') as { serverMs?: number }).serverMs ?? 0,
      );
      if (i >= WARMUP) overhead.push(total - serverMs);
    }
    const p99 = percentile(overhead, 99);
    const p50 = percentile(overhead, 50);
    const bareP99 = percentile(bare, 99);
    console.log(
      `  mcp overhead p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms over ${CALLS} calls; ` +
        `bare SDK round trip p50 ${percentile(bare, 50).toFixed(2)} ms, p99 ${bareP99.toFixed(2)} ms`,
    );
    return [
      {
        name: 'mcp.call_overhead_ms',
        value: p99,
        unit: 'ms (p99)',
        target: '≤ 10 ms',
        pass: p99 <= 10,
        baseline: { label: 'the bare SDK round trip', value: bareP99 },
      },
      { name: 'mcp.call_overhead_p50_ms', value: p50, unit: 'ms (p50)', target: 'reported', pass: true },
    ];
  } finally {
    await mcp.shutdown();
    db.close();
  }
}
