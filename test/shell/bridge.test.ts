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
      return { version: 't', platform: 't', shell: 'browser', dataDir: '', notices: [] };
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
