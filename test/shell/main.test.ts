// The Electron shell without the Electron binary: main's built bundle (out/main/index.cjs) runs
// under Node against a typed stand-in for `electron`, with its real database, keychain and
// services, and the test checks what the shell decides: handlers, window options, app://, guards.
import { existsSync, mkdtempSync, rmSync, watch } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../main/contract';
import { contentSecurityPolicy } from '../../main/csp';
import {
  createElectronStub,
  type FakeBrowserWindow,
  FakeWebContents,
  type ElectronStub,
} from './electronStub';

const BUNDLE = join(process.cwd(), 'out/main/index.cjs');
const built = existsSync(BUNDLE) && existsSync(join(process.cwd(), 'out/renderer/index.html'));
if (!built)
  console.log('shell: SKIPPED: run `node scripts/build.mjs` first (npm test builds before testing)');

const navigation = (url: string) => {
  let prevented = false;
  return { event: { url, preventDefault: () => void (prevented = true) }, prevented: () => prevented };
};

describe.skipIf(!built)('the Electron shell, loaded under Node with a stand-in electron module', () => {
  const userData = mkdtempSync(join(tmpdir(), 'llm-desk-shell-'));
  let stub: ElectronStub;
  let window: FakeBrowserWindow;

  beforeAll(async () => {
    stub = createElectronStub(userData);
    const load = createRequire(BUNDLE);
    const electronId = load.resolve('electron');
    const injected = new Module(electronId);
    injected.filename = electronId;
    injected.loaded = true;
    injected.exports = stub.module;
    load.cache[electronId] = injected;

    // Main's start must neither throw nor reject: the window appears once services are up.
    let failed: (error: unknown) => void = () => {};
    const failure = new Promise<never>((_, reject) => (failed = reject));
    process.once('unhandledRejection', failed);
    load(BUNDLE);
    expect(stub.app.sandboxed).toBe(true);
    stub.app.becomeReady();
    window = await Promise.race([stub.firstWindow, failure]);
    process.off('unhandledRejection', failed);
  }, 30_000);

  afterAll(async () => {
    // A clean quit closes the database, which removes its open marker.
    const marker = join(userData, 'llm-desk.sqlite.open');
    const closed = new Promise<void>((resolve) => {
      const watcher = watch(userData, () => {
        if (!existsSync(marker)) {
          watcher.close();
          resolve();
        }
      });
    });
    stub.app.quit();
    if (existsSync(marker)) await closed;
    delete createRequire(BUNDLE).cache[BUNDLE];
    rmSync(userData, { recursive: true, force: true });
  });

  it('registers exactly one handler for every contract channel', () => {
    expect([...stub.ipcHandlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('answers calls from its own page and refuses a frame that is not it', async () => {
    const handler = stub.ipcHandlers.get('app:info');
    const sender = window.webContents;
    const own = await handler?.({ sender, senderFrame: sender.mainFrame } as never, {});
    expect(own).toMatchObject({ ok: true, value: { shell: 'electron' } });
    const iframe = { url: 'app://llm-desk/index.html' };
    const foreign = await handler?.({ sender, senderFrame: iframe } as never, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('checks the whole database in the background once the window is ready to show', async () => {
    const handler = stub.ipcHandlers.get('app:databaseStatus');
    const sender = window.webContents;
    const status = () => handler?.({ sender, senderFrame: sender.mainFrame } as never, {});
    // Not on the start's critical path: nothing has been checked before the first paint.
    expect(await status()).toMatchObject({ ok: true, value: { state: 'unchecked' } });
    window.emit('ready-to-show');
    await vi.waitFor(async () => expect(await status()).toMatchObject({ ok: true, value: { state: 'ok' } }), {
      timeout: 20_000,
    });
  });

  it("sends provider requests through Electron's net.request, where a same-origin redirect is followed", async () => {
    const sender = window.webContents;
    const call = (channel: string, payload: unknown) =>
      stub.ipcHandlers.get(channel)?.({ sender, senderFrame: sender.mainFrame } as never, payload);
    const created = (await call('providers:create', {
      name: 'Stub',
      preset: 'openai-compatible',
      baseUrl: 'https://llm.example.test/v1',
      authKind: 'none',
      headers: {},
    })) as { ok: true; value: { id: string } };
    // As Electron does in manual mode: a redirect neither followed nor aborted becomes an error.
    stub.network.answer = (request) => {
      const url = String(request.options.url);
      if (url.endsWith('/models')) {
        request.emit('redirect', 308, 'GET', `${url}/`, { location: [`${url}/`] });
        if (!request.aborted) request.emit('error', new Error('Redirect was cancelled'));
        return;
      }
      const headers = { 'content-type': 'application/json' };
      const response = Object.assign(new PassThrough(), { statusCode: 200, statusMessage: 'OK', headers });
      request.emit('response', response);
      response.end(JSON.stringify({ object: 'list', data: [{ id: 'stub-model', object: 'model' }] }));
    };
    const list = await call('models:list', { providerId: created.value.id, refresh: true });
    expect(list).toMatchObject({ ok: true, value: { error: null, models: [{ id: 'stub-model' }] } });
    expect(stub.requests.map((r) => [r.options.url, r.options.redirect, r.options.credentials])).toEqual([
      ['https://llm.example.test/v1/models', 'manual', 'omit'],
      ['https://llm.example.test/v1/models/', 'manual', 'omit'],
    ]);
  });

  it('creates the window with the hardened options and loads only app://', () => {
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(existsSync(String(window.options.webPreferences?.preload))).toBe(true);
    expect(window.loaded).toBe('app://llm-desk/index.html');
    expect(stub.privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        // codeCache: V8 keeps the renderer's compiled scripts between starts.
        privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }),
      }),
    ]);
  });

  it('serves app:// with the CSP header and refuses traversal and malformed escapes', async () => {
    const serve = stub.protocolHandlers.get('app');
    if (!serve) throw new Error('no app:// handler');
    const get = (url: string) => Promise.resolve(serve(new Request(url)));
    const index = await get('app://llm-desk/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(index.headers.get('content-security-policy')).toContain(`connect-src 'none'`);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    for (const url of [
      'app://x/../../etc/passwd',
      'app://llm-desk/../../etc/passwd',
      'app://llm-desk/%2e%2e/%2e%2e/etc/passwd',
      'app://llm-desk/..%2f..%2f..%2fetc%2fpasswd',
      'app://llm-desk/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ]) {
      const response = await get(url);
      expect({ url, status: response.status }).toEqual({ url, status: 404 });
      expect(await response.text()).not.toContain('root:');
    }
    expect((await get('app://llm-desk/%E0%A4%A')).status).toBe(400);
  });

  it('denies navigation away, window.open, webviews and permissions, in any web contents', async () => {
    // The main window's contents, and one a future feature might create.
    const later = new FakeWebContents();
    stub.app.emit('web-contents-created', {}, later);
    for (const contents of [window.webContents, later]) {
      const away = navigation('https://example.com/');
      contents.emit('will-navigate', away.event, away.event.url);
      expect(away.prevented()).toBe(true);
      const frame = navigation('https://example.com/');
      contents.emit('will-frame-navigate', frame.event);
      expect(frame.prevented()).toBe(true);
      const redirect = navigation('https://example.com/');
      contents.emit('will-redirect', redirect.event, redirect.event.url);
      expect(redirect.prevented()).toBe(true);
      const home = navigation('app://llm-desk/index.html');
      contents.emit('will-navigate', home.event, home.event.url);
      expect(home.prevented()).toBe(false);
      const webview = navigation('');
      contents.emit('will-attach-webview', webview.event, {}, {});
      expect(webview.prevented()).toBe(true);

      expect(contents.openHandler?.({ url: 'https://example.com/' } as never)).toEqual({ action: 'deny' });
      expect(contents.openHandler?.({ url: 'file:///etc/passwd' } as never)).toEqual({ action: 'deny' });
      const granted = await new Promise<boolean>((resolve) =>
        contents.session.requestHandler?.(contents as never, 'media', resolve, {} as never),
      );
      expect(granted).toBe(false);
      const check = (permission: string, origin: string) =>
        contents.session.checkHandler?.(null, permission as never, origin, {} as never);
      expect(check('geolocation', 'https://example.com')).toBe(false);
      expect(check('media', 'app://llm-desk')).toBe(false);
      // The one thing allowed: our own page writing sanitized text to the clipboard (Copy buttons).
      expect(check('clipboard-sanitized-write', 'app://llm-desk')).toBe(true);
      expect(check('clipboard-sanitized-write', 'https://example.com')).toBe(false);
    }
    // Only the safe https: link went to the system browser; the file: one never did.
    expect(stub.opened.filter((url) => url.startsWith('file:'))).toEqual([]);
  });
});
