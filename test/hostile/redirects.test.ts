import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeOptions } from '../../main/chat/transport/attempt';
import { runExchange } from '../../main/chat/transport/attempt';
import { isAppFailure } from '../../main/contract';
import { resolveEndpoints } from '../../main/oauth/discovery';
import { refreshGrant } from '../../main/oauth/tokenClient';
import { fetchWithinOrigin, MAX_REDIRECTS } from '../../main/providers/http';
import { makeHarness } from '../providers/fixture';
import { openTestKeychain } from '../secrets/keychain';
import type { HostileServer } from './server';
import { frame, sseHeaders, startHostileServer } from './server';

const keychain = await openTestKeychain('hostile-redirects');
let api: HostileServer;
let elsewhere: HostileServer;
beforeAll(async () => {
  api = await startHostileServer();
  elsewhere = await startHostileServer();
});
afterAll(async () => {
  await api.close();
  await elsewhere.close();
  await keychain?.cleanup();
});
beforeEach(() => {
  for (const s of [api, elsewhere]) {
    s.seen.length = 0;
    s.routes.clear();
  }
});

const PROMPT = 'my confidential prompt';
const SECRET = 'org-secret-value-123';

function exchange(path: string): ExchangeOptions {
  return {
    fetch: (input, init) => globalThis.fetch(input, init),
    url: `${api.origin}${path}`,
    headers: { authorization: 'Bearer sk-live-key', 'x-org-key': SECRET, 'content-type': 'application/json' },
    bytes: JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: PROMPT }] }),
    stream: true,
    timeouts: { connectMs: 5000, firstByteMs: 5000, idleMs: 5000 },
    signal: new AbortController().signal,
    expectedChoices: 1,
    context: { host: new URL(api.origin).host, model: 'm', authKind: 'api-key', confidential: false },
  };
}

const redirectTo =
  (status: number, location: () => string) =>
  (_req: unknown, res: ServerResponse): void => {
    res.writeHead(status, { location: location() });
    res.end();
  };

describe('requests stay where they were sent', () => {
  it('a chat request is not followed to another origin: the prompt and headers never get there, and the error names it', async () => {
    api.routes.set(
      '/v1/chat/completions',
      redirectTo(307, () => `${elsewhere.origin}/v1/chat/completions`),
    );
    elsewhere.routes.set('/v1/chat/completions', (_req, res) => {
      res.writeHead(200, sseHeaders);
      res.end(frame('stolen', 'stop') + 'data: [DONE]\n\n');
    });
    const result = await runExchange(exchange('/v1/chat/completions'));
    expect(elsewhere.seen).toEqual([]);
    expect(result.outcome).toBe('error');
    expect(result.retryable).toBe(false);
    expect(result.failure?.message).toContain(elsewhere.origin);
    expect(result.failure?.message).toContain('307');
  });

  it('a same-origin redirect is followed with the same body and headers', async () => {
    api.routes.set(
      '/v1/chat/completions',
      redirectTo(308, () => '/v2/chat/completions'),
    );
    api.routes.set('/v2/chat/completions', (_req, res) => {
      res.writeHead(200, sseHeaders);
      res.end(frame('moved', 'stop') + 'data: [DONE]\n\n');
    });
    const result = await runExchange(exchange('/v1/chat/completions'));
    expect(result.outcome).toBe('complete');
    expect(result.assembled.choices[0]?.content).toBe('moved');
    const followed = api.seen[1];
    expect(followed?.path).toBe('/v2/chat/completions');
    expect(followed?.method).toBe('POST');
    expect(followed?.body).toContain(PROMPT);
    expect(followed?.headers['x-org-key']).toBe(SECRET);
  });

  it(`a redirect loop on the same origin stops after ${MAX_REDIRECTS} hops`, async () => {
    api.routes.set(
      '/loop',
      redirectTo(307, () => '/loop'),
    );
    const result = await runExchange(exchange('/loop'));
    expect(result.outcome).toBe('error');
    expect(result.failure?.message).toContain(`more than ${MAX_REDIRECTS} times`);
    expect(api.seen).toHaveLength(MAX_REDIRECTS + 1);
  });

  it('https is never downgraded to http, even on the same host', async () => {
    const calls: string[] = [];
    const fake = async (url: string): Promise<Response> => {
      calls.push(url);
      return new Response(null, { status: 302, headers: { location: 'http://api.example.com/v1/models' } });
    };
    const refused = await fetchWithinOrigin(fake, 'https://api.example.com/v1/models').catch(
      (e: unknown) => e,
    );
    expect(calls).toEqual(['https://api.example.com/v1/models']);
    expect(isAppFailure(refused) && refused.error.message).toContain('http://api.example.com');
    expect(isAppFailure(refused) && refused.error.message).toContain('https → http');
  });

  it('OAuth discovery and token refresh do not follow a redirect to another origin', async () => {
    api.routes.set(
      '/.well-known/oauth-authorization-server',
      redirectTo(302, () => `${elsewhere.origin}/.well-known/oauth-authorization-server`),
    );
    api.routes.set(
      '/token',
      redirectTo(307, () => `${elsewhere.origin}/token`),
    );
    const discovery = await resolveEndpoints(globalThis.fetch, null, `${api.origin}/v1`).catch(
      (e: unknown) => e,
    );
    expect(isAppFailure(discovery) && discovery.error.message).toContain(elsewhere.origin);
    const refresh = await refreshGrant(
      globalThis.fetch,
      `${api.origin}/token`,
      'refresh-secret',
      'client',
      0,
    ).catch((e: unknown) => e);
    expect(isAppFailure(refresh) && refresh.error.message).toContain(elsewhere.origin);
    expect(elsewhere.seen).toEqual([]);
  });

  it.skipIf(!keychain)(
    'the model list is not followed to another origin with the key and custom headers',
    async () => {
      if (!keychain) return;
      const h = makeHarness({ secrets: keychain.store });
      try {
        api.routes.set(
          '/v1/models',
          redirectTo(301, () => `${elsewhere.origin}/v1/models`),
        );
        const provider = await h.providers.create({
          name: 'Hostile',
          preset: 'openai-compatible',
          baseUrl: `${api.origin}/v1`,
          authKind: 'api-key',
          headers: { 'X-Org-Key': SECRET },
        });
        await h.providers.setSecret(provider.id, 'sk-live-key');
        const failure = await h.models.list(provider.id).catch((e: unknown) => e);
        expect(elsewhere.seen).toEqual([]);
        const message = isAppFailure(failure) ? failure.error.message : JSON.stringify(failure);
        expect(message).toContain(elsewhere.origin);
      } finally {
        h.close();
      }
    },
  );
});
