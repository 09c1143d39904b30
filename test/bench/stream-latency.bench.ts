// First-token overhead: from the moment the first content frame is written to a loopback socket
// until the chat service hands its delta to the window's event sink, through the real service
// (fetch, hashing, parsing, assembling, pacing, SQLite) in one process.
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventName, EventPayload } from '../../main/contract';
import { ChatService } from '../../main/chat/service';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import type { EventSink } from '../../main/ipc/handlers';
import { ThreadsRepo } from '../../main/threads/repo';
import { UsageLedger } from '../../main/usage/ledger';
import { estimateTokens } from '../../main/usage/tokens';
import { makeProvider } from '../chat/support/provider';
import type { BenchResult } from './types';

const WARMUP = 30;
const RUNS = 300;

const head =
  '"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1750000000,"model":"bench-model"';
const frame = (delta: string, finish: string | null = null) =>
  `data: {${head},"choices":[{"index":0,"delta":${delta},"logprobs":null,"finish_reason":${finish === null ? 'null' : `"${finish}"`}}]}\n\n`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))] ?? Number.NaN;
}

export async function run(): Promise<BenchResult[]> {
  let writtenAt = 0;
  const server = createServer((req, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(frame('{"role":"assistant","content":""}'));
      // The client has settled after the role frame before the first token goes out.
      setTimeout(() => {
        writtenAt = performance.now();
        res.write(frame('{"content":"Hello"}'));
        setTimeout(() => res.end(`${frame('{}', 'stop')}data: [DONE]\n\n`), 1);
      }, 5);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  let arrived: ((at: number) => void) | null = null;
  const sink: EventSink = {
    toSender<E extends EventName>(_sender: number, _event: E, payload: EventPayload<E>): void {
      const event = payload as EventPayload<'chat:stream'>;
      if (event.type === 'delta' && arrived && event.choices.some((c) => c.content)) {
        arrived(performance.now());
        arrived = null;
      }
    },
    broadcast: () => undefined,
  };
  const { db } = openDatabase(':memory:', migrations);
  const threads = new ThreadsRepo(db);
  const provider = makeProvider(`http://127.0.0.1:${port}/v1`, 'openai-compatible', 'api-key');
  const service = new ChatService({
    threads,
    providers: {
      get: () => provider,
      requestAuth: async () => ({ authorization: 'Bearer bench' }),
      handleUnauthorized: async () => false,
    },
    models: {
      describe: async () => ({
        capabilities: { tools: true, logprobs: true, jsonSchema: true, reasoning: false, vision: false },
        confidential: false,
        allowed: true,
        hiddenReason: null,
      }),
    },
    usage: new UsageLedger(db),
    tools: { getMany: () => [] },
    events: sink,
    fetch,
    estimateTokens,
  });
  const thread = threads.createThread({ providerId: provider.id, model: 'bench-model' });

  const overheads: number[] = [];
  try {
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      const promise = new Promise<number>((resolve) => {
        arrived = resolve;
      });
      const sent = await service.send({ threadId: thread.id, content: `question ${i}` }, 1);
      const at = await promise;
      if (i >= WARMUP) overheads.push(at - writtenAt);
      await service.whenSettled(sent.streamId);
    }
  } finally {
    await service.shutdown();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    db.close();
  }
  overheads.sort((a, b) => a - b);
  const p99 = percentile(overheads, 0.99);
  const p50 = percentile(overheads, 0.5);
  console.log(
    `  ${RUNS} streams: p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, max ${overheads.at(-1)?.toFixed(3)} ms`,
  );
  return [
    {
      name: 'stream.overhead_first_token_ms',
      value: Math.round(p99 * 1000) / 1000,
      unit: 'ms p99',
      target: '< 2',
      pass: p99 < 2,
    },
    {
      name: 'stream.overhead_first_token_ms.p50',
      value: Math.round(p50 * 1000) / 1000,
      unit: 'ms p50',
      target: 'info',
      pass: true,
    },
  ];
}
