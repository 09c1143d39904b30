// The soak's main side: the real services behind the test bridge in a process of their own, so
// its memory is theirs alone (not the bench's, Playwright's or the mock provider's), started with
// --expose-gc so memory can be read after a full collection. Driven by soak/mainProcess.ts over
// the fork IPC channel.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { call } from '../../bridge/call';
import { startHost } from '../../bridge/host';
import type { ChildMessage, MainMemory, ParentMessage } from './mainProcess';

const collect = globalThis.gc;
if (!collect) throw new Error('the soak host needs --expose-gc');

const reply = (message: ChildMessage) => process.send?.(message);

/** Heap after full collections; a few turns between them let finalizers and weak callbacks run. */
async function memoryAfterGc(): Promise<MainMemory> {
  for (let i = 0; i < 3; i++) {
    collect?.();
    await nextTurn();
  }
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, external: m.external, rss: m.rss };
}

async function start(providerBase: string, jwt: string): Promise<void> {
  const host = await startHost({});
  const { handlers } = host.services;
  const provider = await call(handlers, 'providers:create', {
    name: 'Soak mock',
    preset: 'confidential',
    baseUrl: providerBase,
    authKind: 'jwt',
  });
  await call(handlers, 'providers:setSecret', { id: provider.id, secret: jwt });
  process.on('message', (raw: ParentMessage) => {
    if (raw.type === 'memory') void memoryAfterGc().then((memory) => reply({ type: 'memory', memory }));
    if (raw.type === 'close') void host.close().then(() => process.exit(0));
  });
  reply({ type: 'ready', url: host.bridge.url, providerId: provider.id });
}

// The bench owns this process: if it goes, so does the host.
process.on('disconnect', () => process.exit(0));
process.once('message', (raw: ParentMessage) => {
  if (raw.type !== 'start') return;
  start(raw.providerBase, raw.jwt).catch((error: unknown) => {
    reply({ type: 'failed', message: String(error instanceof Error ? (error.stack ?? error) : error) });
    process.exit(1);
  });
});
