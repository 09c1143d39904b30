import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ModelList } from '../../main/contract';
import type { MockProvider } from '../mock-provider/index';
import { mintJwt, startMockProvider } from '../mock-provider/index';
import type { Harness } from '../providers/fixture';
import { addConfidential, addGaladriel, makeHarness } from '../providers/fixture';
import { openTestKeychain } from '../secrets/keychain';
import type { FaultServer } from './faultServer';
import { startFaultServer } from './faultServer';

const keychain = await openTestKeychain('models');

let mock: MockProvider;
let faults: FaultServer;
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
  faults = await startFaultServer();
});
afterAll(async () => {
  await mock.close();
  await faults.close();
  await keychain?.cleanup();
});

const allowedIds = (list: ModelList) => list.models.filter((m) => m.allowed).map((m) => m.id);
const hidden = (list: ModelList) =>
  Object.fromEntries(list.models.filter((m) => !m.allowed).map((m) => [m.id, m.hiddenReason]));

describe.skipIf(!keychain)('models: listing, scope filtering, cache, overrides', () => {
  let h: Harness;
  beforeEach(() => {
    if (!keychain) throw new Error('unreachable');
    mock.reset();
    faults.replies.length = 0;
    faults.authorizations.length = 0;
    h = makeHarness({ secrets: keychain.store });
  });
  afterEach(() => h.close());

  const confidentialProvider = (scopes: string[]) =>
    addConfidential(h, mock.confidentialBase, mintJwt({ scopes }));
  const galadriel = (key = mock.apiKey) => addGaladriel(h, mock.galadrielBase, key);
  const modelCalls = () => mock.requests.filter((r) => r.path.endsWith('/models')).length;

  it('with llm-confidential shows only confidential models; with llm-all everything; hidden ones keep their reason', async () => {
    const p = await confidentialProvider(['llm-confidential']);
    const first = await h.models.list(p.id);
    expect(first.scopes).toEqual(['llm-confidential']);
    expect(allowedIds(first)).toEqual([
      'phala/gpt-oss-120b',
      'phala/deepseek-r1-70b',
      'phala/qwen-2.5-7b-instruct',
      'bluenexus/glm-4.7-flash-tee',
    ]);
    expect(first.models.every((m) => m.confidential)).toBe(true);

    await h.providers.setSecret(p.id, mintJwt({ scopes: ['llm-all'] }));
    const all = await h.models.list(p.id);
    expect(allowedIds(all)).toHaveLength(7);
    expect(hidden(all)).toEqual({});

    await h.providers.setSecret(p.id, mintJwt({ scopes: ['llm-confidential'] }));
    const again = await h.models.list(p.id);
    expect(allowedIds(again)).toHaveLength(4);
    expect(hidden(again)).toEqual({
      'openai/gpt-4o-mini': 'needs llm-other',
      'meta-llama/llama-3.3-70b-instruct': 'needs llm-other',
      'mistralai/mistral-nemo': 'needs llm-other',
    });
  });

  it('hides everything, with reasons, from a confidential-service token without any llm scope', async () => {
    const p = await confidentialProvider(['llm-all']);
    await h.models.list(p.id);
    await h.providers.setSecret(p.id, mintJwt({ scopes: ['offline_access'] }));
    const list = await h.models.list(p.id);
    expect(allowedIds(list)).toEqual([]);
    expect(hidden(list)['phala/gpt-oss-120b']).toBe('needs llm-confidential');
  });

  it('lists everything for an API key (no scopes), with Galadriel’s 8b marked as unable to call tools', async () => {
    const p = await galadriel();
    const list = await h.models.list(p.id);
    expect(list.scopes).toBeNull();
    expect(allowedIds(list)).toEqual(['llama3.1:8b', 'llama3.1:70b', 'llama3.1:405b', 'mistral-nemo:12b']);
    expect(list.models.find((m) => m.id === 'llama3.1:8b')?.capabilities.tools).toBe(false);
    expect(mock.requests.find((r) => r.path === '/v1/models')?.headers.authorization).toBe(
      `Bearer ${mock.apiKey}`,
    );
  });

  it('serves the cached list until asked to refresh, and says when it was fetched', async () => {
    const p = await galadriel();
    const first = await h.models.list(p.id);
    h.advance(60_000);
    const cached = await h.models.list(p.id);
    expect(modelCalls()).toBe(1);
    expect(cached.fetchedAt).toBe(first.fetchedAt);
    const refreshed = await h.models.list(p.id, true);
    expect(modelCalls()).toBe(2);
    expect(refreshed.fetchedAt).toBeGreaterThanOrEqual((first.fetchedAt ?? 0) + 60_000);
  });

  it('fetches again when the base URL changes', async () => {
    const p = await galadriel();
    await h.models.list(p.id);
    await h.providers.update(p.id, { baseUrl: faults.base });
    const list = await h.models.list(p.id);
    expect(list.models).toEqual([]);
  });

  it('applies per-model overrides, and a flag set back to the provider’s value is no longer an override', async () => {
    const p = await galadriel();
    await h.models.list(p.id);
    const on = await h.models.setOverride(p.id, 'llama3.1:8b', { tools: true });
    expect(on.models.find((m) => m.id === 'llama3.1:8b')).toMatchObject({
      capabilities: { tools: true },
      overridden: ['tools'],
    });
    expect(h.providers.get(p.id).modelOverrides).toEqual({ 'llama3.1:8b': { tools: true } });
    expect((await h.models.describe(p.id, 'llama3.1:8b')).capabilities.tools).toBe(true);
    const off = await h.models.setOverride(p.id, 'llama3.1:8b', { tools: false });
    expect(off.models.find((m) => m.id === 'llama3.1:8b')?.overridden).toEqual([]);
    expect(h.providers.get(p.id).modelOverrides).toEqual({});
  });

  it('puts recently used models first', async () => {
    const p = await galadriel();
    h.models.markUsed(p.id, 'mistral-nemo:12b');
    h.advance(1000);
    h.models.markUsed(p.id, 'llama3.1:405b');
    const list = await h.models.list(p.id);
    expect(list.models.slice(0, 3).map((m) => m.id)).toEqual([
      'llama3.1:405b',
      'mistral-nemo:12b',
      'llama3.1:8b',
    ]);
    expect(list.models[0]?.lastUsedAt).toEqual(expect.any(Number));
    expect(h.models.recent().map((r) => r.model)).toEqual(['llama3.1:405b', 'mistral-nemo:12b']);
  });

  it('describes a model for the chat path: capabilities, confidential flag, and whether the scope allows it', async () => {
    const p = await confidentialProvider(['llm-confidential']);
    expect(await h.models.describe(p.id, 'bluenexus/glm-4.7-flash-tee')).toEqual({
      capabilities: { tools: true, logprobs: false, jsonSchema: true, reasoning: false, vision: false },
      confidential: true,
      allowed: true,
      hiddenReason: null,
    });
    expect(await h.models.describe(p.id, 'openai/gpt-4o-mini')).toMatchObject({
      confidential: false,
      allowed: false,
      hiddenReason: 'needs llm-other',
    });
  });
});
