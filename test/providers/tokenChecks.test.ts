import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mintJwt } from '../mock-provider/index';
import { openTestKeychain } from '../secrets/keychain';
import type { Harness } from './fixture';
import { failureOf, makeHarness } from './fixture';

const keychain = await openTestKeychain('token-checks');
afterAll(async () => {
  await keychain?.cleanup();
});

const profile = (preset: 'confidential' | 'openai-compatible') =>
  ({
    name: 'Work LLM',
    preset,
    baseUrl: 'https://llm.example/api/v1',
    authKind: 'jwt',
    headers: {},
  }) as const;

describe.skipIf(!keychain)('a pasted token is checked before it replaces the saved one', () => {
  let h: Harness;
  beforeEach(() => {
    if (!keychain) throw new Error('unreachable');
    h = makeHarness({ secrets: keychain.store });
  });
  afterEach(() => h.close());

  it('refuses a malformed JWT, says what is wrong with it, and keeps the working token', async () => {
    const p = await h.providers.create(profile('confidential'));
    const working = mintJwt({ scopes: ['llm-all'], sub: 'alice' });
    await h.providers.setSecret(p.id, working);

    const error = await failureOf(h.providers.setSecret(p.id, 'eyJhbGciOiJIUzI1NiJ9.not-json!.sig'));
    expect(error).toMatchObject({ code: 'invalid_request', detail: { field: 'secret' } });
    expect(error.message).toBe(
      "That access token can't be used: payload isn't base64url. The saved token was kept.",
    );
    expect(await h.providers.requestAuth(p.id)).toEqual({ Authorization: `Bearer ${working}` });
    expect(await h.providers.credentialStatus(p.id)).toMatchObject({ subject: 'alice', problem: null });
  });

  it('says which scope is missing when a token allows none of the models, instead of "ready"', async () => {
    const p = await h.providers.create(profile('confidential'));
    const status = await h.providers.setSecret(p.id, mintJwt({ scopes: ['offline_access', 'openid'] }));
    expect(status.problem).toBe(
      'no model can be used: the token lacks llm-all (or llm-confidential for confidential models, llm-other for the others)',
    );
    // One llm-* scope that is not a model scope is just as useless on any service.
    const other = await h.providers.create(profile('openai-compatible'));
    expect((await h.providers.setSecret(other.id, mintJwt({ scopes: ['llm-admin'] }))).problem).toMatch(
      /^no model can be used: the token lacks llm-all/,
    );
  });

  it('stays ready when the scopes allow some models, or say nothing about models at all', async () => {
    const p = await h.providers.create(profile('confidential'));
    expect((await h.providers.setSecret(p.id, mintJwt({ scopes: ['llm-other'] }))).problem).toBeNull();
    const plain = await h.providers.create(profile('openai-compatible'));
    expect((await h.providers.setSecret(plain.id, mintJwt({ scopes: ['read'] }))).problem).toBeNull();
  });
});
