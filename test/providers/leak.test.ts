import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChannelName, EventName, EventPayload } from '../../main/contract';
import { dispatch } from '../../main/ipc/dispatch';
import type { EventSink, Handlers } from '../../main/ipc/handlers';
import { parseOAuthTokens } from '../../main/providers/credentials';
import { providerHandlers } from '../../main/providers/handlers';
import type { MockProvider } from '../mock-provider/index';
import { mintJwt, startMockProvider } from '../mock-provider/index';
import { fakeBrowser } from '../oauth/browser';
import { openTestKeychain } from '../secrets/keychain';
import type { Harness } from './fixture';
import { makeHarness } from './fixture';

const keychain = await openTestKeychain('leak');

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
  await keychain?.cleanup();
});

describe.skipIf(!keychain)('a secret set through the app never leaves the keychain', () => {
  const seen: string[] = [];
  const events: { event: string; payload: unknown }[] = [];
  const logLines: string[] = [];
  let h: Harness;

  afterEach(() => {
    vi.restoreAllMocks();
    h.close();
  });

  const sink: EventSink = {
    toSender: <E extends EventName>(_sender: number, event: E, payload: EventPayload<E>) =>
      void events.push({ event, payload }),
    broadcast: <E extends EventName>(event: E, payload: EventPayload<E>) =>
      void events.push({ event, payload }),
  };

  it('is absent from every IPC response, push event, log line and the SQLite files', async () => {
    if (!keychain) throw new Error('unreachable');
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation(
        (...args: unknown[]) => void logLines.push(args.map(String).join(' ')),
      );
    }
    const browser = fakeBrowser();
    h = makeHarness({ secrets: keychain.store, openExternal: browser.openExternal });
    // Only the providers and models channels are wired here; dispatch looks up the one it is asked for.
    const handlers = providerHandlers({
      providers: h.providers,
      models: h.models,
      events: sink,
    }) as unknown as Handlers;
    const call = async (name: ChannelName, input: unknown) => {
      const result = await dispatch(handlers, name, input, { senderId: 1 }, (message, error) =>
        logLines.push(`${message} ${String(error)}`),
      );
      seen.push(JSON.stringify(result));
      return result;
    };
    const value = (result: Awaited<ReturnType<typeof call>>): Record<string, unknown> => {
      if (!result.ok) throw new Error(result.error.message);
      return result.value as Record<string, unknown>;
    };

    const jwt = mintJwt({ scopes: ['llm-confidential'], sub: 'leak-test' });
    const apiKey = mock.apiKey;
    const wrongKey = 'gal-not-the-right-key-but-still-secret-9876';
    const orgKey = 'org-header-secret-value-5555';

    const conf = value(
      await call('providers:create', {
        name: 'Conf',
        preset: 'confidential',
        baseUrl: mock.confidentialBase,
        authKind: 'jwt',
        headers: { 'X-Trace': 'on', 'X-Org-Key': orgKey },
      }),
    );
    const gal = value(
      await call('providers:create', {
        name: 'Gal',
        preset: 'galadriel',
        baseUrl: mock.galadrielBase,
        authKind: 'api-key',
      }),
    );
    const oauth = value(
      await call('providers:create', {
        name: 'OAuth',
        preset: 'confidential',
        baseUrl: mock.confidentialBase,
        authKind: 'oauth',
        oauth: { scopes: 'llm-all' },
      }),
    );

    await call('providers:setSecret', { id: conf.id, secret: jwt });
    await call('providers:setSecret', { id: gal.id, secret: wrongKey });
    await call('models:list', { providerId: gal.id });
    await call('providers:setSecret', { id: gal.id, secret: apiKey });
    await call('providers:signIn', { id: oauth.id });
    const tokens = parseOAuthTokens((await keychain.store.get(String(oauth.id))) ?? '');
    if (!tokens?.refresh) throw new Error('sign-in stored no tokens');

    for (const id of [conf.id, gal.id, oauth.id])
      await call('models:list', { providerId: id, refresh: true });
    await call('models:setOverride', {
      providerId: gal.id,
      modelId: 'llama3.1:8b',
      capabilities: { tools: true },
    });
    await call('providers:list', {});
    await call('providers:update', { id: conf.id, patch: { name: 'Conf 2' } });
    await call('providers:duplicate', { id: gal.id });
    await call('providers:update', { id: conf.id, patch: { headers: { Authorization: `Bearer ${jwt}` } } });
    await call('providers:reorder', { ids: [gal.id, conf.id] });

    const secrets = { jwt, apiKey, wrongKey, orgKey, access: tokens.access, refresh: tokens.refresh };
    expect(events.length).toBeGreaterThan(5);
    expect(events.every((e) => e.event === 'providers:changed')).toBe(true);

    h.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const dir = dirname(h.dbFile);
    const dbBytes = readdirSync(dir).map((name) => readFileSync(join(dir, name)));

    const haystacks = {
      responses: seen.join('\n'),
      events: JSON.stringify(events),
      logs: logLines.join('\n'),
    };
    for (const [name, secret] of Object.entries(secrets)) {
      for (const [where, text] of Object.entries(haystacks)) {
        expect(text.includes(secret), `${name} found in ${where}`).toBe(false);
      }
      for (const bytes of dbBytes)
        expect(bytes.includes(Buffer.from(secret)), `${name} found in the database files`).toBe(false);
    }
    // The calls really did something: the API key's hint is shown, the refused header was refused.
    expect(haystacks.responses).toContain(`…${apiKey.slice(-4)}`);
    expect(haystacks.responses).toContain('Authorization is set from the saved key');
  });
});
