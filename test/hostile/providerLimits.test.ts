import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, streamLimits } from '../../main/chat/transport/limits';
import { runExchange } from '../../main/chat/transport/attempt';
import { ProviderInput } from '../../main/contract';
import { makeHarness } from '../providers/fixture';
import { openTestKeychain } from '../secrets/keychain';
import type { HostileServer } from './server';
import { paddingBlock, sseHeaders, startHostileServer, writeRepeated } from './server';

/** Each provider may lower or raise its own limits; unset ones keep the defaults. */
const keychain = await openTestKeychain('hostile-limits');
let api: HostileServer;
beforeAll(async () => {
  api = await startHostileServer();
});
afterAll(async () => {
  await api.close();
  await keychain?.cleanup();
});

describe('per-provider limits', () => {
  it.skipIf(!keychain)(
    'are saved with the provider, changed by an update, and absent means the defaults',
    async () => {
      if (!keychain) return;
      const h = makeHarness({ secrets: keychain.store });
      try {
        const input = {
          name: 'Tight',
          preset: 'openai-compatible',
          baseUrl: `${api.origin}/v1`,
          authKind: 'none',
        } as const;
        const tight = await h.providers.create({ ...input, headers: {}, limits: { bodyMb: 2, lineKb: 64 } });
        const plain = await h.providers.create({ ...input, name: 'Plain', headers: {} });
        expect(h.providers.get(tight.id).limits).toEqual({ bodyMb: 2, lineKb: 64 });
        expect(h.providers.get(plain.id).limits).toBeUndefined();
        expect(h.providers.get(tight.id).timeouts).toEqual(h.providers.get(plain.id).timeouts);
        await h.providers.update(tight.id, { limits: { messageMb: 1 } });
        expect(h.providers.get(tight.id).limits).toEqual({ messageMb: 1 });
        expect(streamLimits(h.providers.get(plain.id).limits)).toEqual(DEFAULT_LIMITS);
      } finally {
        h.close();
      }
    },
  );

  it('an answer is cut at the provider’s own body limit', async () => {
    api.routes.set('/v1/chat/completions', async (_req: unknown, res: ServerResponse) => {
      res.writeHead(200, sseHeaders);
      await writeRepeated(api, res, paddingBlock(64 << 10), 64 << 20);
    });
    const result = await runExchange({
      fetch: (input, init) => globalThis.fetch(input, init),
      url: `${api.origin}/v1/chat/completions`,
      headers: {},
      bytes: '{}',
      stream: true,
      timeouts: { connectMs: 5000, firstByteMs: 5000, idleMs: 5000 },
      signal: new AbortController().signal,
      expectedChoices: 1,
      context: { host: 'hostile', model: 'm', authKind: 'none', confidential: false },
      limits: streamLimits({ bodyMb: 2 }),
    });
    expect(result.failure?.message).toContain('more than 2 MB');
    expect(result.bytesRead).toBeLessThanOrEqual((2 << 20) + (64 << 10));
  });

  it('refuses limits outside their ranges, naming the field', () => {
    const parsed = ProviderInput.safeParse({
      name: 'x',
      preset: 'openai-compatible',
      baseUrl: 'https://x.test/v1',
      authKind: 'none',
      limits: { bodyMb: 0 },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['limits', 'bodyMb']);
  });
});
