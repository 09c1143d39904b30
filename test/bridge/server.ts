import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName, EventPayload } from '../../main/contract';
import type { EventSink, Handlers } from '../../main/ipc/handlers';
import { contentSecurityPolicy } from '../../main/csp';
import { createCalls, MAX_CALL_BYTES, type CallHooks } from './calls';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/**
 * Cookies ignore ports: two bridges on 127.0.0.1 would overwrite each other's token under one
 * name, so each bridge names its cookie after its port.
 */
const cookieName = (port: number) => `bridge_token_${port}`;

export interface BridgeOptions {
  rendererDir: string;
  shimFile: string;
  port?: number;
  token?: string;
  /** Called when a page's event socket closes: its streams must stop, as when a window closes. */
  onSenderGone?: (senderId: number) => void;
}

export interface Bridge {
  /** Open this in a browser: it carries the per-run token. */
  url: string;
  origin: string;
  token: string;
  sink: EventSink;
  /** For tests: watch the page's calls, or slow one channel down. */
  calls: CallHooks;
  setHandlers(handlers: Handlers): void;
  close(): Promise<void>;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

/** Inside `root` or `root` itself: `/out/renderer` must not admit `/out/renderer-secret`. */
function within(root: string, file: string): boolean {
  const base = normalize(root).replace(/[\\/]+$/, '');
  return file === base || file.startsWith(base + sep);
}

async function readBody(req: IncomingMessage, limit = MAX_CALL_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Hosts the app's services for a browser on 127.0.0.1 only. Every request must carry the per-run
 * token (in the URL once, then as a SameSite=Strict cookie) and come from the bridge's own origin.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let handlers: Handlers | null = null;
  const calls = createCalls(() => handlers);
  const sockets = new Map<number, WebSocket>();
  // A page names its window by a secret it got on its own event socket, never by a number it
  // picks: a guessed id must not receive (or abort) another page's streams.
  const senderKeys = new Map<string, number>();
  let nextSender = 1;
  let origin = '';
  let cookie = cookieName(0);

  const authorized = (req: IncomingMessage, url: URL): boolean => {
    const given =
      url.searchParams.get('token') ?? req.headers['x-bridge-token']?.toString() ?? cookieToken(req, cookie);
    return given !== null && sameSecret(given, token);
  };
  const fromOwnOrigin = (req: IncomingMessage): boolean =>
    !req.headers.origin || req.headers.origin === origin;

  const send = (res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') => {
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  };

  const serveIndex = async (res: ServerResponse, url: URL) => {
    const html = await readFile(join(options.rendererDir, 'index.html'), 'utf8');
    // The shipped page pins connect-src 'none' in a meta tag; here the bridge's header takes its
    // place so the shim may reach this origin (a meta CSP would intersect with the header).
    const withShim = html
      .replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, '')
      // The shim stands in for the preload, which runs before any of the page's scripts: it ends
      // <head>, ahead of first-paint.js and the app's modules that script starts.
      .replace('</head>', '  <script src="./__bridge/shim.js"></script>\n  </head>');
    const headers: Record<string, string> = {
      'content-type': TYPES['.html'] ?? 'text/html',
      'cache-control': 'no-store',
      'content-security-policy': contentSecurityPolicy({ connect: [`'self'`, `ws://${url.host}`] }),
    };
    if (url.searchParams.has('token'))
      headers['set-cookie'] = `${cookie}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, headers);
    res.end(withShim);
  };

  // Built assets are named by their content hash: read once, then served from memory, as the app
  // reads them from its own files without a network in between. Other files (index.html) are read
  // each time, so a rebuild while the bridge runs is served; a missing file is never remembered.
  const assets = new Map<string, Buffer>();
  const read = async (file: string): Promise<Buffer> => {
    const kept = assets.get(file);
    if (kept) return kept;
    const body = await readFile(file);
    if (within(join(options.rendererDir, 'assets'), file)) assets.set(file, body);
    return body;
  };

  const serveFile = async (res: ServerResponse, path: string) => {
    const file = normalize(join(options.rendererDir, path));
    if (!within(options.rendererDir, file)) return send(res, 404, 'not found');
    try {
      const body = await read(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(body);
    } catch {
      send(res, 404, 'not found');
    }
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin || 'http://127.0.0.1');
    if (!authorized(req, url))
      return send(res, 403, 'This test bridge needs its per-run token: open the URL it printed.');
    if (!fromOwnOrigin(req)) return send(res, 403, 'cross-origin request refused');
    void (async () => {
      if (req.method === 'POST' && url.pathname.startsWith('/__bridge/invoke/')) {
        if (!handlers) return send(res, 503, 'services are starting');
        const channel = decodeURIComponent(url.pathname.slice('/__bridge/invoke/'.length));
        const senderId = senderKeys.get(req.headers['x-bridge-sender']?.toString() ?? '') ?? 0;
        let payload: unknown;
        try {
          payload = JSON.parse(await readBody(req));
        } catch {
          return send(
            res,
            200,
            JSON.stringify({ ok: false, error: { code: 'invalid_request', message: 'payload is not JSON' } }),
            'application/json',
          );
        }
        return send(res, 200, await calls.answer(handlers, channel, payload, senderId), 'application/json');
      }
      if (req.method !== 'GET') return send(res, 405, 'method not allowed');
      if (url.pathname === '/' || url.pathname === '/index.html') return serveIndex(res, url);
      if (url.pathname === '/__bridge/shim.js') {
        const body = await readFile(options.shimFile);
        res.writeHead(200, {
          'content-type': TYPES['.js'] ?? 'text/javascript',
          'cache-control': 'no-store',
        });
        return res.end(body);
      }
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        return send(res, 400, 'malformed %-escape in the path');
      }
      return serveFile(res, path);
    })().catch((error: unknown) => send(res, 500, error instanceof Error ? error.message : 'bridge failure'));
  });

  // A frame over the limit closes that page's socket (ws answers 1009), as a body over it fails
  // the HTTP call: the page's later calls open a new one.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CALL_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== '/__bridge/events' || !authorized(req, url) || !fromOwnOrigin(req)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const senderId = nextSender++;
      const senderKey = randomBytes(18).toString('base64url');
      sockets.set(senderId, ws);
      senderKeys.set(senderKey, senderId);
      ws.send(JSON.stringify({ type: 'hello', senderKey }));
      // The page's calls come on this socket too (HTTP/1.1 would queue them six at a time behind
      // the page's scripts), answered under this socket's own sender id.
      ws.on('message', (data, isBinary) => void calls.frame(ws, senderId, data, isBinary));
      ws.on('close', () => {
        sockets.delete(senderId);
        senderKeys.delete(senderKey);
        options.onSenderGone?.(senderId);
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  cookie = cookieName(port);

  const emit = (ws: WebSocket | undefined, event: EventName, payload: unknown) => {
    if (ws && ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'event', event, payload }));
  };
  const sink: EventSink = {
    toSender<E extends EventName>(senderId: number, event: E, payload: EventPayload<E>) {
      emit(sockets.get(senderId), event, payload);
    },
    broadcast<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const ws of sockets.values()) emit(ws, event, payload);
    },
  };

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    sink,
    calls: calls.hooks,
    setHandlers: (next) => {
      handlers = next;
    },
    close: async () => {
      for (const ws of sockets.values()) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
