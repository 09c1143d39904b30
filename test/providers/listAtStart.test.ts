import { describe, expect, it } from 'vitest';
import { ProvidersService } from '../../main/providers/service';
import type { SecretStore } from '../../main/secrets/secretStore';
import { makeHarness } from './fixture';

/** A keychain whose reads take a round trip each; it counts how many are in flight at once. */
class SlowKeychain implements SecretStore {
  inFlight = 0;
  most = 0;
  async available(): Promise<boolean> {
    return true;
  }
  async get(): Promise<string | null> {
    this.inFlight++;
    this.most = Math.max(this.most, this.inFlight);
    await new Promise((resolve) => setImmediate(resolve));
    this.inFlight--;
    return null;
  }
  async set(): Promise<void> {}
  async delete(): Promise<boolean> {
    return true;
  }
}

describe('the providers list at start', () => {
  it('reads every provider’s keychain entry at once, not one round trip after another', async () => {
    // providers:list is one of the first screen's requests: with each read waiting for the one
    // before, its answer took a keychain round trip per provider.
    const h = makeHarness({ secrets: new SlowKeychain() });
    try {
      for (const name of ['One', 'Two', 'Three'])
        await h.providers.create({
          name,
          preset: 'openai-compatible',
          baseUrl: 'https://llm.example/v1',
          authKind: 'api-key',
          headers: {},
        });
      const keychain = new SlowKeychain();
      const atStart = new ProvidersService({
        db: h.db,
        secrets: keychain,
        fetch: () => Promise.reject(new Error('no network in this test')),
        openExternal: async () => {},
      });
      const listed = await atStart.list();
      expect(listed.map((p) => p.name)).toEqual(['One', 'Two', 'Three']);
      expect(keychain.most).toBe(3);
    } finally {
      h.close();
    }
  });
});
