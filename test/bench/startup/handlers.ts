// What main spends on each request of the first screen, on the startup bench's database, without a
// browser: the services start on a copy of the corpus as the test bridge starts them (demo provider
// included), then each first-screen call is timed through dispatch and JSON as the bridge sends it.
//   npx tsx test/bench/startup/handlers.ts [--db <corpus.sqlite>] [--runs 5] [--huge]
// --huge first adds a 5 MB answer at the end of the newest thread (issue 12's hostile message).
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ChannelName } from '../../../main/contract';
import { dispatch } from '../../../main/ipc/dispatch';
import { startHost } from '../../bridge/host';
import { ensureKeyring } from '../../bridge/keyring';
import { answerable } from './firstUsable';

const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
};
const corpus = arg('db') ?? join(tmpdir(), 'llm-desk-bench/startup-2471050-1000000.sqlite');
const runs = Number(arg('runs') ?? 5);
if (!existsSync(corpus)) throw new Error(`no corpus at ${corpus}: run the startup bench once, or pass --db`);

/** Adds a 5 MB answer under the newest thread's active leaf and makes it the leaf. */
function addHugeAnswer(file: string): void {
  const db = new DatabaseSync(file);
  try {
    const thread = db
      .prepare('SELECT id, active_leaf_id AS leaf FROM threads ORDER BY last_activity_at DESC LIMIT 1')
      .get() as { id: string; leaf: string };
    const id = randomUUID();
    const at = Date.now();
    db.prepare(
      `INSERT INTO messages (id, thread_id, parent_id, role, content, status, created_at, updated_at)
       VALUES (?, ?, ?, 'assistant', ?, 'complete', ?, ?)`,
    ).run(id, thread.id, thread.leaf, 'x'.repeat(5_000_000), at, at);
    db.prepare('UPDATE threads SET active_leaf_id = ? WHERE id = ?').run(id, thread.id);
  } finally {
    db.close();
  }
}

ensureKeyring();
const dataDir = mkdtempSync(join(tmpdir(), 'llm-desk-handlers-'));
const file = join(dataDir, 'llm-desk.sqlite');
copyFileSync(corpus, file);
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
let started = performance.now();
const host = await startHost({ demo: true, dataDir, port: 0 });
console.log(`services and bridge up in ${(performance.now() - started).toFixed(0)} ms`);
answerable(file);
if (process.argv.includes('--huge')) addHugeAnswer(file);

const handlers = host.services.handlers;
const timed = async (channel: ChannelName, input: unknown) => {
  const at = performance.now();
  const result = await dispatch(handlers, channel, input, { senderId: 0 });
  const body = JSON.stringify(result);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return { ms: performance.now() - at, bytes: body.length, value: result.value };
};

try {
  // In the page's order: the list, the newest thread (which opens the first-screen gate: the
  // integrity check and the tokenizer start after it), then what the thread view asks for.
  const list = await timed('threads:list', { archived: false });
  const newest = (list.value as { id: string }[])[0];
  if (!newest) throw new Error('the corpus has no threads');
  const providers = (await timed('providers:list', {})).value as { id: string }[];
  const calls: [ChannelName, unknown][] = [
    ['projects:list', {}],
    ['app:databaseStatus', {}],
    ['chat:active', {}],
    ['threads:list', { archived: false }],
    ['threads:list', { archived: true }],
    ['app:info', {}],
    ['providers:list', {}],
    ['threads:get', { id: newest.id, limit: 200 }],
    ['budgets:list', {}],
    ['budgets:threadCost', { threadId: newest.id }],
    ['attestation:provider', { providerId: providers[0]?.id ?? '', model: 'demo' }],
  ];
  const first = new Map<number, number>();
  for (const [i, [channel, input]] of calls.entries()) first.set(i, (await timed(channel, input)).ms);
  console.log(
    `event loop from start to the first screen's calls: max ${(loop.max / 1e6).toFixed(0)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms`,
  );
  // Then once the start-up work let go (integrity check done, tokenizer loaded): the settled times.
  started = performance.now();
  await host.integrityChecked;
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  console.log(
    `integrity check finished ${(performance.now() - started).toFixed(0)} ms after the first calls`,
  );
  console.log(
    `\n${'channel'.padEnd(40)} ${'cold'.padStart(8)} ${'median'.padStart(8)} ${'max'.padStart(8)}  bytes`,
  );
  for (const [i, [channel, input]] of calls.entries()) {
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < runs; run++) {
      const t = await timed(channel, input);
      times.push(t.ms);
      bytes = t.bytes;
    }
    const sorted = [...times].sort((x, y) => x - y);
    const label = `${channel} ${JSON.stringify(input).slice(0, 30)}`;
    console.log(
      `${label.padEnd(40)} ${first.get(i)?.toFixed(1).padStart(8)} ${sorted[Math.floor(runs / 2)]?.toFixed(1).padStart(8)} ${sorted.at(-1)?.toFixed(1).padStart(8)}  ${bytes.toLocaleString('en')}`,
    );
  }
} finally {
  loop.disable();
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
}
