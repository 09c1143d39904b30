import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isAppFailure } from '../../main/contract';
import { refreshGrant } from '../../main/oauth/tokenClient';
import { makeHarness } from '../providers/fixture';
import { openTestKeychain } from '../secrets/keychain';
import type { HostileServer } from './server';
import { startHostileServer, writeRepeated } from './server';

/** Short JSON answers (a token, a model list) are read only up to a limit, whatever the server sends. */
const keychain = await openTestKeychain('hostile-bodies');
let api: HostileServer;
beforeAll(async () => {
  api = await startHostileServer();
});
afterAll(async () => {
  await api.close();
  await keychain?.cleanup();
});
beforeEach(() => {
  api.routes.clear();
  api.written = 0;
});

const MB = 1 << 20;
const endlessJson = (total: number) => async (_req: unknown, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"access_token":"');
  await writeRepeated(api, res, Buffer.alloc(64 << 10, 'a'), total);
};

describe('short answers stay short', () => {
  it('a token endpoint answering 200 MB is cut at 1 MB and says so', async () => {
    api.routes.set('/token', endlessJson(200 * MB));
    const failure = await refreshGrant(globalThis.fetch, `${api.origin}/token`, 'refresh', 'client', 0).catch(
      (e: unknown) => e,
    );
    expect(isAppFailure(failure) && failure.error.code).toBe('protocol_error');
    expect(isAppFailure(failure) && failure.error.message).toContain('more than 1 MB');
    expect(api.written).toBeLessThan(64 * MB);
  });

  it.skipIf(!keychain)('a model list of 200 MB is cut at 16 MB', async () => {
    if (!keychain) return;
    const h = makeHarness({ secrets: keychain.store });
    try {
      api.routes.set('/v1/models', endlessJson(200 * MB));
      const provider = await h.providers.create({
        name: 'Hostile',
        preset: 'openai-compatible',
        baseUrl: `${api.origin}/v1`,
        authKind: 'none',
        headers: {},
      });
      const failure = await h.models.list(provider.id).catch((e: unknown) => e);
      expect(isAppFailure(failure) && failure.error.message).toContain('more than 16 MB');
      expect(api.written).toBeLessThan(80 * MB);
    } finally {
      h.close();
    }
  });
});
