import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { openApp, type AppUnderTest } from './harness';

let browser: Browser;
let app: AppUnderTest;

beforeAll(async () => {
  browser = await launchChromium();
  app = await openApp(browser, { demo: true });
});
afterAll(async () => {
  await app?.close();
  await browser?.close();
});

describe('the renderer is sandboxed', () => {
  it('has no require, no process, and a frozen window.api with only the declared methods', async () => {
    const probe = await app.page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      module: typeof (globalThis as { module?: unknown }).module,
      frozen: Object.isFrozen(window.api) && Object.values(window.api).every((d) => Object.isFrozen(d)),
      invoke: 'invoke' in window.api,
      reassign: (() => {
        try {
          (window as unknown as { api: unknown }).api = {};
        } catch {
          // strict-mode assignment to a read-only property throws; either way it must not change
        }
        return typeof window.api.providers.list;
      })(),
    }));
    expect(probe).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      frozen: true,
      invoke: false,
      reassign: 'function',
    });
  });

  it('cannot fetch any host directly, not even the provider on loopback', async () => {
    const targets = [
      'https://example.com/',
      app.host.mock?.confidentialBase + '/models',
      'http://127.0.0.1:1/',
    ];
    const outcomes = await app.page.evaluate(async (urls) => {
      const results: string[] = [];
      for (const url of urls) {
        try {
          await fetch(url);
          results.push(`reached ${url}`);
        } catch {
          results.push('blocked');
        }
      }
      return results;
    }, targets);
    expect(outcomes).toEqual(['blocked', 'blocked', 'blocked']);
  });

  it('answers a malformed IPC payload with invalid_request instead of crashing', async () => {
    const result = await app.page.evaluate(async () => {
      const create = window.api.providers.create as unknown as (input: unknown) => Promise<unknown>;
      return create({ name: 42, preset: 'nope' });
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    // …and the app still answers afterwards.
    const list = await app.page.evaluate(() => window.api.providers.list({}));
    expect(list.ok).toBe(true);
  });

  it('never hands a secret to the renderer', async () => {
    const providers = await app.page.evaluate(() => window.api.providers.list({}));
    expect(providers.ok).toBe(true);
    const text = JSON.stringify(providers);
    expect(text).not.toContain(app.host.mock?.apiKey ?? 'no-key');
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
  });
});

describe('links in answers', () => {
  it('never navigate the window; https links go to main, which checks them, anything else is refused', async () => {
    const { page } = app;
    const { threads, conversation } = app.pages;
    await threads.openFirst();
    const mock = app.host.mock;
    if (!mock) throw new Error('demo host has a mock');
    await page.evaluate(
      (id) => window.api.threads.update({ id, settings: { toolIds: [] } }),
      app.host.demoThreadId ?? '',
    );
    mock.script({
      reply: { content: 'See [the docs](https://example.com/docs) or [this](javascript:alert(1)).' },
    });
    await conversation.send('Where are the docs?');
    const before = page.url();
    await conversation.link(conversation.lastAnswer, 'the docs').click();
    expect(page.url()).toBe(before);
    // The javascript: link is not rendered as a link at all.
    expect(await conversation.link(conversation.lastAnswer, 'this').count()).toBe(0);
    const refused = await page.evaluate(() => window.api.app.openExternal({ url: 'file:///etc/passwd' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

describe('the test bridge', () => {
  it('refuses requests without the per-run token', async () => {
    const { origin } = app.host.bridge;
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(403);
    const call = await fetch(`${origin}/__bridge/invoke/providers:list`, { method: 'POST', body: '{}' });
    expect(call.status).toBe(403);
    const wrong = await fetch(`${origin}/?token=not-the-token`);
    expect(wrong.status).toBe(403);
  });

  it('refuses calls from another origin even with the token', async () => {
    const { origin, token } = app.host.bridge;
    const response = await fetch(`${origin}/__bridge/invoke/providers:list`, {
      method: 'POST',
      headers: { 'x-bridge-token': token, origin: 'https://evil.example' },
      body: '{}',
    });
    expect(response.status).toBe(403);
  });

  it('listens on loopback only', () => {
    expect(new URL(app.host.bridge.origin).hostname).toBe('127.0.0.1');
  });

  it('serves the page with a CSP that confines connections to itself', async () => {
    const response = await fetch(app.host.bridge.url);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`script-src 'self'`);
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
    expect(await response.text()).not.toContain(`connect-src 'none'`);
  });
});
