import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MockProvider } from '../mock-provider/index';
import { mintJwt, startMockProvider } from '../mock-provider/index';
import type { Harness } from '../providers/fixture';
import { addConfidential, addGaladriel, failureOf, makeHarness } from '../providers/fixture';
import { openTestKeychain } from '../secrets/keychain';
import type { FaultServer } from './faultServer';
import { closedPort, startFaultServer } from './faultServer';

const keychain = await openTestKeychain('model-errors');

let mock: MockProvider;
let faults: FaultServer;
let h: Harness;
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
  faults = await startFaultServer();
});
afterAll(async () => {
  await mock.close();
  await faults.close();
  await keychain?.cleanup();
});
beforeEach(() => {
  if (!keychain) return;
  mock.reset();
  faults.replies.length = 0;
  h = makeHarness({ secrets: keychain.store });
});
afterEach(() => h?.close());

const galadriel = (key: string) => addGaladriel(h, mock.galadrielBase, key);
const modelCalls = () => mock.requests.filter((r) => r.path.endsWith('/models')).length;

describe.skipIf(!keychain)(
  'model listing errors name the problem and the next step, and lose no settings',
  () => {
    it('401 with an API key: "rejected the API key", paste a valid one', async () => {
      const p = await galadriel('gal-wrong-key-000000000000');
      const error = await failureOf(h.models.list(p.id));
      expect(error).toMatchObject({
        code: 'auth_missing',
        detail: { status: 401, host: new URL(mock.url).host },
      });
      expect(error.message).toMatch(/rejected the API key \(401\).*Paste a valid key/);
      expect(error.message).not.toContain('gal-wrong-key');
      expect(h.providers.get(p.id).credential.configured).toBe(true);
    });

    it('401 with a token: "rejected the token", paste a new token or sign in again', async () => {
      // Well-formed, but not signed by this server.
      const forged = `${mintJwt({ scopes: ['llm-all'] })
        .split('.')
        .slice(0, 2)
        .join('.')}.c2lnbmF0dXJl`;
      const p = await addConfidential(h, mock.confidentialBase, forged);
      const error = await failureOf(h.models.list(p.id));
      expect(error.code).toBe('auth_expired');
      expect(error.message).toMatch(/rejected the token \(401\).*Paste a new token or sign in again/);
    });

    it('an expired token is refused before anything is sent', async () => {
      const p = await addConfidential(
        h,
        mock.confidentialBase,
        mintJwt({ scopes: ['llm-all'], expiresInSec: -60 }),
      );
      expect((await failureOf(h.models.list(p.id))).code).toBe('auth_expired');
      expect(modelCalls()).toBe(0);
    });

    const faultProvider = async () => {
      const p = await h.providers.create({
        name: 'Faulty',
        preset: 'openai-compatible',
        baseUrl: faults.base,
        authKind: 'api-key',
        headers: {},
        timeouts: { connectMs: 100, firstByteMs: 150, idleMs: 1000 },
      });
      await h.providers.setSecret(p.id, 'sk-fault-server-key-123456');
      return p;
    };

    it('403 names the missing scope', async () => {
      const p = await faultProvider();
      faults.replies.push({
        status: 403,
        body: JSON.stringify({
          error: { message: 'model listing requires scope llm-other', code: 'insufficient_scope' },
        }),
      });
      const error = await failureOf(h.models.list(p.id));
      expect(error).toMatchObject({ code: 'scope_denied', detail: { scope: 'llm-other' } });
      expect(error.message).toMatch(/lacks the llm-other scope/);
    });

    it('402 says the credits are used up', async () => {
      const p = await faultProvider();
      faults.replies.push({ status: 402, body: JSON.stringify({ error: 'CreditsExhaustedError' }) });
      expect(await failureOf(h.models.list(p.id))).toMatchObject({
        code: 'credits_exhausted',
        message: expect.stringMatching(/credits .* are used up/),
      });
    });

    it('never repeats a secret the server echoes back', async () => {
      const p = await faultProvider();
      faults.replies.push({
        status: 500,
        body: JSON.stringify({ error: { message: 'bad header Bearer sk-fault-server-key-123456' } }),
      });
      const error = await failureOf(h.models.list(p.id));
      expect(error.code).toBe('provider_error');
      expect(JSON.stringify(error)).not.toContain('sk-fault-server-key-123456');
    });

    it('a server that never answers is a timeout naming the host', async () => {
      const p = await faultProvider();
      faults.replies.push('hang');
      const error = await failureOf(h.models.list(p.id));
      expect(error).toMatchObject({ code: 'timeout', detail: { host: new URL(faults.base).host } });
      expect(error.message).toContain(new URL(faults.base).host);
    });

    it('nothing listening is a network error naming the host', async () => {
      const port = await closedPort();
      const p = await h.providers.create({
        name: 'Down',
        preset: 'openai-compatible',
        baseUrl: `http://127.0.0.1:${port}/v1`,
        authKind: 'none',
        headers: {},
      });
      const error = await failureOf(h.models.list(p.id));
      expect(error.code).toBe('network');
      expect(error.message).toMatch(new RegExp(`127\\.0\\.0\\.1:${port} refused the connection`));
    });

    it('a TLS failure says so and names the host', async () => {
      const host = new URL(faults.base).host;
      const p = await h.providers.create({
        name: 'TLS',
        preset: 'openai-compatible',
        baseUrl: `https://${host}/v1`,
        authKind: 'none',
        headers: {},
      });
      const error = await failureOf(h.models.list(p.id));
      expect(error.code).toBe('network');
      expect(error.message).toMatch(new RegExp(`secure connection to ${host.replace(/\./g, '\\.')}`));
    });

    it('keeps the cached list (with the error) when a refresh fails, and the profile unchanged', async () => {
      const p = await faultProvider();
      faults.replies.push({ status: 200, body: JSON.stringify({ data: [{ id: 'kept-model' }] }) });
      await h.models.list(p.id);
      const before = h.providers.get(p.id);
      faults.replies.push({ status: 503, body: 'upstream down' });
      const list = await h.models.list(p.id, true);
      expect(list.models.map((m) => m.id)).toEqual(['kept-model']);
      expect(list.error).toMatch(/answered 503/);
      expect(h.providers.get(p.id)).toEqual(before);
    });
  },
);
