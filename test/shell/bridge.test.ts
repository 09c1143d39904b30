import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ChannelName } from '../../main/contract';
import type { CallContext, Handlers } from '../../main/ipc/handlers';
import { startBridge, type Bridge } from '../bridge/server';

/** A raw GET: fetch() would normalise the path before it reaches the bridge. */
function get(bridge: Bridge, path: string): Promise<{ status: number; body: string; cookie: string[] }> {
  return new Promise((resolve, reject) => {
    const url = new URL(bridge.origin);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'GET',
        headers: { 'x-bridge-token': bridge.token },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, cookie: res.headers['set-cookie'] ?? [] }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the test bridge', () => {
  const root = mkdtempSync(join(tmpdir(), 'bridge-'));
  const rendererDir = join(root, 'renderer');
  const seen: number[] = [];
  let a: Bridge;
  let b: Bridge;

  beforeAll(async () => {
    mkdirSync(rendererDir);
    // A sibling whose name starts with the renderer folder's: it must stay out of reach.
    mkdirSync(join(root, 'renderer-secret'));
    writeFileSync(join(root, 'renderer-secret', 'key.txt'), 'secret');
    writeFileSync(join(rendererDir, 'index.html'), '<script type="module" src="./x.js"></script>');
    writeFileSync(join(rendererDir, 'app.js'), 'ok');
    writeFileSync(join(root, 'shim.js'), '');
    const options = { rendererDir, shimFile: join(root, 'shim.js') };
    a = await startBridge(options);
    b = await startBridge(options);
    const record = (_input: unknown, ctx: CallContext) => {
      seen.push(ctx.senderId);
      // As a stream does: events for the window that asked, while its call runs.
      a.sink.toSender(ctx.senderId, 'threads:changed', { threadId: `for ${ctx.senderId}` });
      return { version: String(ctx.senderId), platform: 't', shell: 'browser', dataDir: '', notices: [] };
    };
    // Only the one channel this test calls; the rest are never reached.
    a.setHandlers({ 'app:info': record } as Partial<Record<ChannelName, unknown>> as Handlers);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves its renderer folder and nothing beside it, even when the name shares a prefix', async () => {
    expect(await get(a, '/app.js')).toMatchObject({ status: 200, body: 'ok' });
    const sibling = await get(a, '/..%2Frenderer-secret%2Fkey.txt');
    expect(sibling.status).toBe(404);
    expect(sibling.body).not.toContain('secret');
    expect((await get(a, '/%E0%A4%A')).status).toBe(400);
  });

  it('names its cookie per bridge, so two bridges on one host do not overwrite each other', async () => {
    const cookieOf = async (bridge: Bridge) => (await get(bridge, `/?token=${bridge.token}`)).cookie[0] ?? '';
    const [first, second] = [await cookieOf(a), await cookieOf(b)];
    const name = (cookie: string) => cookie.slice(0, cookie.indexOf('='));
    expect(name(first)).not.toBe('');
    expect(name(first)).not.toBe(name(second));
  });

  it('never takes a sender id the page picked: calls name their window by the socket secret', async () => {
    const socket = new WebSocket(`${a.origin.replace('http', 'ws')}/__bridge/events`, {
      headers: { 'x-bridge-token': a.token },
    });
    const hello = await new Promise<Record<string, unknown>>((resolve) =>
      socket.once('message', (data: Buffer) =>
        resolve(JSON.parse(data.toString()) as Record<string, unknown>),
      ),
    );
    const invoke = (sender: string) =>
      fetch(`${a.origin}/__bridge/invoke/app:info`, {
        method: 'POST',
        headers: { 'x-bridge-token': a.token, 'x-bridge-sender': sender },
        body: '{}',
      });
    // Guessing another page's number (1, 2, …) reaches no window.
    await invoke('1');
    expect(seen.at(-1)).toBe(0);
    const key = hello.senderKey;
    expect(typeof key).toBe('string');
    await invoke(String(key));
    expect(seen.at(-1)).toBeGreaterThan(0);
    socket.close();
  });
});

/** A page's socket, as the shim opens it, with every frame it got kept in order. */
async function pageSocket(
  bridge: Bridge,
  headers: Record<string, string> = { 'x-bridge-token': bridge.token },
) {
  const socket = new WebSocket(`${bridge.origin.replace('http', 'ws')}/__bridge/events`, { headers });
  const frames: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data: Buffer) => {
    frames.push(JSON.parse(data.toString()) as Record<string, unknown>);
    for (const wake of waiters) wake();
  });
  /** The first frame (seen or to come) that matches, or a failure after 10 s. */
  const next = (match: (frame: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const look = () => {
        const found = frames.find(match);
        if (!found) return;
        waiters.delete(look);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(look);
        reject(new Error(`no such frame; got ${JSON.stringify(frames)}`));
      }, 10_000);
      waiters.add(look);
      look();
    });
  await next((frame) => frame.type === 'hello');
  const invoke = (id: number, channel: string, payload: unknown = {}) =>
    socket.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
  const result = (id: number | null) => next((frame) => frame.type === 'result' && frame.id === id);
  return { socket, frames, next, invoke, result };
}

describe('calls over the page socket', () => {
  const root = mkdtempSync(join(tmpdir(), 'bridge-ws-'));
  let bridge: Bridge;
  let starting: Bridge;

  beforeAll(async () => {
    writeFileSync(join(root, 'shim.js'), '');
    const options = { rendererDir: root, shimFile: join(root, 'shim.js') };
    bridge = await startBridge(options);
    starting = await startBridge(options);
    const info = (_input: unknown, ctx: CallContext) => {
      bridge.sink.toSender(ctx.senderId, 'threads:changed', { threadId: `for ${ctx.senderId}` });
      return { version: String(ctx.senderId), platform: 't', shell: 'browser', dataDir: '', notices: [] };
    };
    bridge.setHandlers({ 'app:info': info } as Partial<Record<ChannelName, unknown>> as Handlers);
  });
  afterAll(async () => {
    await bridge.close();
    await starting.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("answers each page on its own socket, under its own sender, and its stream's events reach it alone", async () => {
    const one = await pageSocket(bridge);
    const two = await pageSocket(bridge);
    one.invoke(7, 'app:info');
    two.invoke(7, 'app:info');
    const [first, second] = [await one.result(7), await two.result(7)];
    const senderOf = (frame: Record<string, unknown>) =>
      (frame.result as { value: { version: string } }).value.version;
    expect(first.result).toMatchObject({ ok: true });
    expect(senderOf(first)).not.toBe(senderOf(second));
    expect(Number(senderOf(first))).toBeGreaterThan(0);
    // The event sent to the caller's window during the call came on the caller's socket only.
    const changed = (frames: Record<string, unknown>[]) =>
      frames.filter((frame) => frame.type === 'event').map((frame) => frame.payload);
    expect(changed(one.frames)).toEqual([{ threadId: `for ${senderOf(first)}` }]);
    expect(changed(two.frames)).toEqual([{ threadId: `for ${senderOf(second)}` }]);
    one.socket.close();
    two.socket.close();
  });

  it('answers a malformed frame with an error and goes on with the calls beside it', async () => {
    const page = await pageSocket(bridge);
    page.invoke(1, 'app:info');
    page.socket.send('{not json');
    page.socket.send(JSON.stringify({ type: 'invoke', id: 2 }));
    page.socket.send(Buffer.from([1, 2, 3]));
    page.invoke(3, 'no:such', {});
    page.invoke(4, 'app:info', { unexpected: 'x'.repeat(10) });
    expect((await page.result(1)).result).toMatchObject({ ok: true });
    expect((await page.result(2)).result).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('type:"invoke"') as unknown },
    });
    expect((await page.result(3)).result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect((await page.result(4)).result).toMatchObject({ ok: true });
    const unnamed = page.frames.filter((frame) => frame.type === 'result' && frame.id === null);
    expect(unnamed.map((frame) => (frame.result as { error: { message: string } }).error.message)).toEqual([
      'a call frame is not JSON',
      'a call frame is JSON text, not binary',
    ]);
    expect(page.socket.readyState).toBe(WebSocket.OPEN);
    page.socket.close();
  });

  it('says the services are starting to a call that comes before them', async () => {
    const page = await pageSocket(starting);
    page.invoke(1, 'app:info');
    expect((await page.result(1)).result).toMatchObject({
      ok: false,
      error: { code: 'network', message: expect.stringContaining('services are starting') as unknown },
    });
    page.socket.close();
  });

  it('refuses a socket without the token or from another origin', async () => {
    const refused = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${bridge.origin.replace('http', 'ws')}/__bridge/events`, { headers });
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('error', () => resolve(-1));
        socket.on('open', () => resolve(101));
      });
    expect(await refused({})).toBe(403);
    expect(await refused({ 'x-bridge-token': 'guessed' })).toBe(403);
    expect(await refused({ 'x-bridge-token': bridge.token, origin: 'http://evil.test' })).toBe(403);
  });

  it('lets a test watch calls and slow one channel down', async () => {
    const page = await pageSocket(bridge);
    const seen: string[] = [];
    const stop = bridge.calls.watch((call) =>
      seen.push(call.phase === 'asked' ? `ask ${call.channel}` : `answer ${call.channel} ${call.bytes > 0}`),
    );
    const undo = bridge.calls.delay('app:info', 200);
    const started = performance.now();
    page.invoke(1, 'app:info');
    await page.result(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    undo();
    stop();
    page.invoke(2, 'app:info');
    await page.result(2);
    expect(seen).toEqual(['ask app:info', 'answer app:info true']);
    page.socket.close();
  });
});
