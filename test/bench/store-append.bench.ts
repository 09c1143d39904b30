// store.append_1k: 1,000 answers persisted while they stream, the way the chat engine writes
// them: the user message, the answer row, a throttled rewrite of its text with the raw events
// received since the last write, and a final write with status, usage and metadata. Between
// answers (the user reading) the full-text index is merged in slices, as the app does when
// writes pause; those slices are reported apart, since they are not writes. WAL checkpoints
// run in the search worker, as in the app.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResponseMeta, Usage } from '../../main/contract';
import { openDatabase } from '../../main/db/database';
import { migrations } from '../../main/db/migrations';
import { FtsMaintenance } from '../../main/threads/ftsMaintenance';
import { ThreadsRepo } from '../../main/threads/repo';
import { SearchService } from '../../main/threads/search';
import { createCorpus } from '../threads/benchCorpus';
import { sourceWorker, tempDir } from '../threads/support';
import type { BenchResult } from './types';

const ANSWERS = 1_000;
const THREADS = 10;
/** Throttled writes per answer: about 2.5 s of streaming at one write per 100 ms. */
const WRITES_PER_ANSWER = 24;
const EVENTS_PER_WRITE = 20;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

function meta(body: string): ResponseMeta {
  return {
    requestId: 'req_1',
    url: 'http://127.0.0.1:1/v1/chat/completions',
    requestBody: body,
    requestHeaders: { authorization: 'Bearer $API_KEY', 'content-type': 'application/json' },
    status: 200,
    responseHeaders: { 'content-type': 'text/event-stream', 'x-credits-consumed': '0.002' },
    responseSha256: 'a'.repeat(64),
    completionId: 'chatcmpl-1',
    model: 'model-a',
    systemFingerprint: 'fp_1',
    serviceTier: null,
    timings: { requestSentAt: 1, firstByteAt: 2, firstTokenAt: 3, endedAt: 4 },
    droppedFields: [],
    attempts: 1,
  };
}

export async function run(): Promise<BenchResult[]> {
  const dir = tempDir();
  const file = join(dir.dir, 'desk.sqlite');
  const { db } = openDatabase(file, migrations);
  const search = new SearchService({ db, file, worker: sourceWorker, walCheckpointEveryMs: 250 });
  search.start();
  const repo = new ThreadsRepo(db);
  const maintenance = new FtsMaintenance(db);
  const corpus = createCorpus(7);
  const writes: number[] = [];
  const finals: number[] = [];
  const slices: number[] = [];
  const timed = <T>(into: number[], write: () => T): T => {
    const t = performance.now();
    const result = write();
    into.push(performance.now() - t);
    return result;
  };

  const threads = Array.from({ length: THREADS }, () =>
    repo.createThread({ providerId: 'p', model: 'model-a' }),
  );
  const leaves = new Map<string, string | null>(threads.map((t) => [t.id, null]));
  let seq = 0;
  for (let i = 0; i < ANSWERS; i++) {
    const thread = threads[i % THREADS]!;
    const question = corpus.message('user');
    const user = timed(writes, () =>
      repo.insertMessage({
        threadId: thread.id,
        parentId: leaves.get(thread.id) ?? null,
        role: 'user',
        content: question,
      }),
    );
    const answer = timed(writes, () =>
      repo.insertMessage({
        threadId: thread.id,
        parentId: user.id,
        role: 'assistant',
        status: 'streaming',
        model: 'model-a',
      }),
    );
    timed(writes, () => repo.setActiveLeaf(thread.id, answer.id));
    const text = corpus.message('assistant');
    for (let w = 1; w <= WRITES_PER_ANSWER; w++) {
      const content = text.slice(0, Math.ceil((text.length * w) / (WRITES_PER_ANSWER + 1)));
      timed(writes, () => repo.updateMessage(answer.id, { content }));
      const events = Array.from({ length: EVENTS_PER_WRITE }, () => ({
        seq: seq++,
        at: Date.now(),
        data: `{"choices":[{"index":0,"delta":{"content":"${corpus.word()} "}}]}`,
      }));
      timed(writes, () => repo.appendEvents(answer.id, events));
    }
    const usage: Usage = {
      promptTokens: 200,
      completionTokens: text.length >> 2,
      reasoningTokens: null,
      totalTokens: 200 + (text.length >> 2),
      reported: true,
      creditsConsumed: 0.002,
      creditsRemaining: 10,
      cost: null,
    };
    timed(finals, () =>
      repo.updateMessage(answer.id, {
        content: text,
        status: 'complete',
        finishReason: 'stop',
        usage,
        meta: meta(question),
      }),
    );
    timed(writes, () => repo.touch(thread.id));
    leaves.set(thread.id, answer.id);
    while (timed(slices, () => maintenance.mergeSlice()));
  }
  await search.close();
  db.close();
  dir.remove();

  const all = [...writes, ...finals];
  const p99 = percentile(all, 99);
  const finalP99 = percentile(finals, 99);
  const sliceP99 = percentile(slices, 99);
  return [
    { name: 'store.append_1k.write_p99', value: p99, unit: 'ms', target: '≤ 1', pass: p99 <= 1 },
    { name: 'store.append_1k.write_p50', value: percentile(all, 50), unit: 'ms', target: 'info', pass: true },
    { name: 'store.append_1k.final_write_p99', value: finalP99, unit: 'ms', target: 'info', pass: true },
    { name: 'store.append_1k.writes', value: all.length, unit: 'writes', target: 'info', pass: true },
    {
      name: 'store.append_1k.idle_merge_slice_p99',
      value: sliceP99,
      unit: 'ms',
      target: '≤ 16 (a frame)',
      pass: sliceP99 <= 16,
    },
    {
      name: 'store.append_1k.idle_merge_slice_max',
      value: Math.max(...slices),
      unit: 'ms',
      target: 'info',
      pass: true,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await run())
    console.log(
      `${r.pass ? 'pass' : 'FAIL'}  ${r.name}: ${r.value.toFixed(3)} ${r.unit} (target ${r.target})`,
    );
}
