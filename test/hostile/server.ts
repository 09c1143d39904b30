import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';

/** What a hostile server saw: enough to prove a secret or a prompt did (not) reach it. */
export interface Seen {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export type Route = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

export interface HostileServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Every request received, in order. */
  seen: Seen[];
  /** Path (without query) → what to answer; anything else is a 404. */
  routes: Map<string, Route>;
  /** Body bytes handed to the socket by the streaming routes, summed. */
  written: number;
  close(): Promise<void>;
}

/** A provider that means harm, on 127.0.0.1 only; every endless route is bounded and stops when the client goes. */
export async function startHostileServer(): Promise<HostileServer> {
  const routes = new Map<string, Route>();
  const state: HostileServer = {
    origin: '',
    seen: [],
    routes,
    written: 0,
    close: async () => undefined,
  };
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      state.seen.push({ method: req.method ?? '', path, headers: req.headers, body });
      const route = routes.get(path);
      if (!route) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error":{"message":"no such route"}}');
        return;
      }
      void Promise.resolve(route(req, res, body)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  state.origin = `http://127.0.0.1:${port}`;
  state.close = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  };
  return state;
}

/** Resolves when the socket can take more, or when the client has gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Writes `block` until `total` bytes went out or the client hung up; respects backpressure. */
export async function writeRepeated(
  server: HostileServer,
  res: ServerResponse,
  block: Uint8Array,
  total: number,
): Promise<void> {
  let sent = 0;
  while (sent < total && !res.destroyed && !res.writableEnded) {
    const ok = res.write(block);
    sent += block.byteLength;
    server.written += block.byteLength;
    if (!ok) await drained(res);
  }
  if (!res.destroyed) res.end();
}

export const sseHeaders = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };

export const frame = (content: string, finish: string | null = null): string =>
  `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;

/**
 * A well-formed event that adds nothing to the answer (a 4 KB field the assembler ignores), so
 * a stream of them reaches the body limit before any other; repeated to exactly `size` bytes.
 */
export function paddingBlock(size: number): Buffer {
  const event = `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', model: 'm', pad: 'x'.repeat(4000), choices: [] })}\n\n`;
  return Buffer.from(event.repeat(Math.max(1, Math.floor(size / event.length))));
}

/** `total` bytes of padding events, gzipped: a few hundred KB that expand to all of it. */
export async function gzipBomb(total: number): Promise<Buffer> {
  const block = paddingBlock(1 << 20);
  const gzip = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on('data', (part: Buffer) => out.push(part));
  const finished = new Promise<void>((resolve, reject) => {
    gzip.on('end', resolve);
    gzip.on('error', reject);
  });
  for (let sent = 0; sent < total; sent += block.length) {
    if (!gzip.write(block)) await new Promise<void>((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await finished;
  return Buffer.concat(out);
}
