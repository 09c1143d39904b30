import { RawEventLog } from '../../main/chat/transport/rawLog';
import type { ExchangeResult } from '../../main/chat/transport/attempt';
import { runExchange } from '../../main/chat/transport/attempt';
import type { HostileServer } from './server';
import { frame, gzipBomb, paddingBlock, sseHeaders, writeRepeated } from './server';

const MB = 1 << 20;
const CHUNK = 64 << 10;

/** The three answers that used to grow main to gigabytes; each route is bounded on the server side. */
export const HOSTILE_PATHS = { bomb: '/bomb', big: '/big', line: '/line' } as const;

export async function installHostileRoutes(api: HostileServer): Promise<void> {
  const bomb = await gzipBomb(256 * MB);
  api.routes.set(HOSTILE_PATHS.bomb, (_req, res) => {
    res.writeHead(200, { ...sseHeaders, 'content-encoding': 'gzip' });
    res.end(bomb);
  });
  api.routes.set(HOSTILE_PATHS.big, async (_req, res) => {
    res.writeHead(200, sseHeaders);
    res.write(frame('kept '));
    await writeRepeated(api, res, paddingBlock(CHUNK), 500 * MB);
  });
  api.routes.set(HOSTILE_PATHS.line, async (_req, res) => {
    res.writeHead(200, sseHeaders);
    res.write(frame('kept '));
    res.write('data: ');
    await writeRepeated(api, res, Buffer.alloc(CHUNK, 'a'), 512 * MB);
  });
}

/** One streaming exchange with the default limits and a raw event log, as the chat service runs it. */
export function readHostile(origin: string, path: string): Promise<ExchangeResult> {
  return runExchange({
    fetch: (input, init) => globalThis.fetch(input, init),
    url: `${origin}${path}`,
    headers: { 'content-type': 'application/json' },
    bytes: '{"model":"m","stream":true,"messages":[]}',
    stream: true,
    timeouts: { connectMs: 10_000, firstByteMs: 10_000, idleMs: 10_000 },
    signal: new AbortController().signal,
    expectedChoices: 1,
    context: { host: 'hostile', model: 'm', authKind: 'none', confidential: false },
    rawEvents: new RawEventLog(),
  });
}
