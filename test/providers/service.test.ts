import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mintJwt } from '../mock-provider/index';
import { openTestKeychain } from '../secrets/keychain';
import type { Harness } from './fixture';
import { failureOf, makeHarness, UnreachableSecretStore } from './fixture';

const keychain = await openTestKeychain('providers');
afterAll(async () => {
  await keychain?.cleanup();
});

const confidential = {
  name: 'Work LLM',
  preset: 'confidential',
  baseUrl: 'https://llm.example/api/v1/',
  authKind: 'jwt',
  headers: {},
} as const;

describe('presets', () => {
  it('offers the confidential service, NEAR AI Cloud, Galadriel and a blank OpenAI-compatible one', () => {
    const h = makeHarness({ secrets: new UnreachableSecretStore() });
    try {
      const presets = h.providers.presets();
      expect(presets.map((p) => p.id)).toEqual(['confidential', 'near-ai', 'galadriel', 'openai-compatible']);
      expect(presets[0]).toMatchObject({
        baseUrl: expect.stringMatching(/^https:\/\/.*\/api\/v1$/),
        authKinds: ['jwt', 'oauth'],
      });
      expect(presets[1]).toMatchObject({
        id: 'near-ai',
        baseUrl: 'https://cloud-api.near.ai/v1',
        authKinds: ['api-key'],
      });
      expect(presets[2]).toMatchObject({ baseUrl: 'https://api.galadriel.com/v1', authKinds: ['api-key'] });
      expect(presets[3]?.baseUrl).toBe('');
    } finally {
      h.close();
    }
  });
});

describe.skipIf(!keychain)('provider profiles with a real keychain', () => {
  let h: Harness;
  beforeEach(() => {
    if (!keychain) throw new Error('unreachable');
    h = makeHarness({ secrets: keychain.store });
  });
  afterEach(() => h.close());

  it('creates a profile with default timeouts and a normalised base URL', async () => {
    const p = await h.providers.create(confidential);
    expect(p).toMatchObject({
      name: 'Work LLM',
      baseUrl: 'https://llm.example/api/v1',
      timeouts: { connectMs: 10_000, firstByteMs: 60_000, idleMs: 60_000 },
      baseUrlWarning: null,
      credential: { configured: false, kind: 'jwt', keychainAvailable: true },
    });
    expect((await h.providers.list()).map((x) => x.id)).toEqual([p.id]);
  });

  it('warns about plain http on loopback and refuses it elsewhere', async () => {
    const local = await h.providers.create({ ...confidential, baseUrl: 'http://127.0.0.1:8000/api/v1' });
    expect(local.baseUrlWarning).toMatch(/not encrypted/);
    const error = await failureOf(
      h.providers.create({ ...confidential, baseUrl: 'http://llm.example/api/v1' }),
    );
    expect(error).toMatchObject({ code: 'invalid_request', detail: { field: 'baseUrl' } });
  });

  it('refuses a custom Authorization header instead of silently overriding the credential', async () => {
    const error = await failureOf(
      h.providers.create({ ...confidential, headers: { Authorization: 'Bearer x' } }),
    );
    expect(error.message).toMatch(/Authorization is set from the saved key/);
  });

  it('stores a pasted JWT in the keychain, one entry under the provider id, and shows its claims', async () => {
    const p = await h.providers.create(confidential);
    const jwt = mintJwt({ scopes: ['llm-confidential'], sub: 'alice', expiresInSec: 3600 });
    const status = await h.providers.setSecret(p.id, `  ${jwt}\n`);
    expect(status).toMatchObject({
      configured: true,
      scopes: ['llm-confidential'],
      subject: 'alice',
      hint: `…${jwt.slice(-4)}`,
    });
    expect(await keychain?.store.get(p.id)).toBe(jwt);
    expect(h.providers.get(p.id).credential.configured).toBe(true);
  });

  it('builds request headers: custom ones plus the bearer token', async () => {
    const p = await h.providers.create({ ...confidential, headers: { 'X-Team': 'blue' } });
    const jwt = mintJwt({ scopes: ['llm-all'] });
    await h.providers.setSecret(p.id, jwt);
    expect(await h.providers.requestAuth(p.id)).toEqual({ 'X-Team': 'blue', Authorization: `Bearer ${jwt}` });
  });

  it('refuses to send an expired JWT, offering a new token or a sign-in', async () => {
    const p = await h.providers.create(confidential);
    await h.providers.setSecret(p.id, mintJwt({ scopes: ['llm-all'], expiresInSec: -180 }));
    const error = await failureOf(h.providers.requestAuth(p.id));
    expect(error.code).toBe('auth_expired');
    expect(error.message).toMatch(/expired 3 min ago\. Paste a new token or sign in again/);
    expect((await h.providers.credentialStatus(p.id)).problem).toBe('expired 3 min ago: paste a new token');
  });

  it('says what is missing when no credential is saved', async () => {
    const p = await h.providers.create({
      ...confidential,
      preset: 'galadriel',
      baseUrl: 'https://api.galadriel.com/v1',
      authKind: 'api-key',
    });
    const error = await failureOf(h.providers.requestAuth(p.id));
    expect(error).toMatchObject({
      code: 'auth_missing',
      message: expect.stringMatching(/No API key is saved for Work LLM/),
    });
  });

  it('duplicates the profile and its custom headers but not the secret', async () => {
    const p = await h.providers.create({ ...confidential, headers: { 'X-Team': 'blue' } });
    await h.providers.setSecret(p.id, mintJwt({ scopes: ['llm-all'] }));
    const copy = await h.providers.duplicate(p.id);
    expect(copy).toMatchObject({
      name: 'Work LLM (copy)',
      headers: { 'X-Team': '' },
      credential: { configured: false },
    });
    expect(copy.id).not.toBe(p.id);
    expect(await keychain?.store.get(copy.id)).toBeNull();
    expect(h.providers.get(p.id).credential.configured).toBe(true);
    const jwt = mintJwt({ scopes: ['llm-all'] });
    await h.providers.setSecret(copy.id, jwt);
    expect(await h.providers.requestAuth(copy.id)).toEqual({
      'X-Team': 'blue',
      Authorization: `Bearer ${jwt}`,
    });
  });

  it('keeps custom header values in the keychain: never in the database or the profile the window sees', async () => {
    const orgKey = 'org-header-secret-value-5555';
    const p = await h.providers.create({
      ...confidential,
      headers: { 'X-Team': 'blue', 'X-Org-Key': orgKey },
    });
    expect(p.headers).toEqual({ 'X-Team': '', 'X-Org-Key': '' });
    expect((await h.providers.list())[0]?.headers).toEqual({ 'X-Team': '', 'X-Org-Key': '' });
    expect(JSON.parse((await keychain?.store.get(`${p.id}#headers`)) ?? '{}')).toEqual({
      'X-Team': 'blue',
      'X-Org-Key': orgKey,
    });
    const jwt = mintJwt({ scopes: ['llm-all'] });
    await h.providers.setSecret(p.id, jwt);
    expect(await h.providers.requestAuth(p.id)).toEqual({
      'X-Team': 'blue',
      'X-Org-Key': orgKey,
      Authorization: `Bearer ${jwt}`,
    });
    h.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(readFileSync(h.dbFile).includes(Buffer.from(orgKey))).toBe(false);
  });

  it('on update keeps a saved header value given null, replaces a typed one and forgets a removed one', async () => {
    const p = await h.providers.create({ ...confidential, headers: { 'X-Team': 'blue', 'X-Org': 'acme' } });
    await h.providers.setSecret(p.id, mintJwt({ scopes: ['llm-all'] }));
    await h.providers.update(p.id, { headers: { 'X-Team': null, 'X-Org': 'globex', 'X-New': 'yes' } });
    const { Authorization: _auth, ...custom } = await h.providers.requestAuth(p.id);
    expect(custom).toEqual({ 'X-Team': 'blue', 'X-Org': 'globex', 'X-New': 'yes' });
    await h.providers.update(p.id, { headers: { 'X-New': null } });
    const { Authorization: _again, ...left } = await h.providers.requestAuth(p.id);
    expect(left).toEqual({ 'X-New': 'yes' });
    const error = await failureOf(h.providers.update(p.id, { headers: { 'X-Never-Saved': null } }));
    expect(error).toMatchObject({ code: 'invalid_request', detail: { field: 'headers.X-Never-Saved' } });
    await h.providers.update(p.id, { headers: {} });
    expect(await keychain?.store.get(`${p.id}#headers`)).toBeNull();
  });

  it('moves header values an older version kept in the database into the keychain', async () => {
    const p = await h.providers.create({ ...confidential, headers: { 'X-Team': 'blue' } });
    await keychain?.store.delete(`${p.id}#headers`);
    h.db.prepare('UPDATE providers SET headers_json = ? WHERE id = ?').run('{"X-Team":"legacy-blue"}', p.id);
    expect((await h.providers.list())[0]?.headers).toEqual({ 'X-Team': '' });
    const row = h.db.prepare('SELECT headers_json FROM providers WHERE id = ?').get(p.id) as {
      headers_json: string;
    };
    expect(JSON.parse(row.headers_json)).toEqual({ 'X-Team': '' });
    expect(JSON.parse((await keychain?.store.get(`${p.id}#headers`)) ?? '{}')).toEqual({
      'X-Team': 'legacy-blue',
    });
  });

  it('deletes the keychain entries with the provider', async () => {
    const p = await h.providers.create({ ...confidential, headers: { 'X-Team': 'blue' } });
    await h.providers.setSecret(p.id, mintJwt({ scopes: ['llm-all'] }));
    expect(await h.providers.delete(p.id)).toEqual({ deleted: true });
    expect(await keychain?.store.get(p.id)).toBeNull();
    expect(await keychain?.store.get(`${p.id}#headers`)).toBeNull();
    expect(await h.providers.list()).toEqual([]);
    expect(await h.providers.delete(p.id)).toEqual({ deleted: false });
  });

  it('clears a secret on request', async () => {
    const p = await h.providers.create(confidential);
    await h.providers.setSecret(p.id, mintJwt({ scopes: ['llm-all'] }));
    expect(await h.providers.clearSecret(p.id)).toMatchObject({
      configured: false,
      hint: null,
      scopes: null,
    });
    expect(await keychain?.store.get(p.id)).toBeNull();
  });

  it('reorders, keeping unlisted providers after the listed ones', async () => {
    const a = await h.providers.create({ ...confidential, name: 'A' });
    await h.providers.create({ ...confidential, name: 'B' });
    const c = await h.providers.create({ ...confidential, name: 'C' });
    expect(h.providers.reorder([c.id, a.id]).map((p) => p.name)).toEqual(['C', 'A', 'B']);
    expect((await h.providers.list()).map((p) => p.name)).toEqual(['C', 'A', 'B']);
    expect((await failureOf(Promise.resolve().then(() => h.providers.reorder(['nope'])))).code).toBe(
      'not_found',
    );
  });

  it('keeps a JWT when switching between token kinds, and starts clean when switching to OAuth', async () => {
    const p = await h.providers.create(confidential);
    await h.providers.setSecret(p.id, mintJwt({ scopes: ['llm-all'] }));
    expect((await h.providers.update(p.id, { authKind: 'api-key' })).credential).toMatchObject({
      configured: true,
      scopes: null,
    });
    expect((await h.providers.update(p.id, { authKind: 'oauth' })).credential.configured).toBe(false);
    expect(await keychain?.store.get(p.id)).toBeNull();
  });

  it('announces every change', async () => {
    const seen: (string | null)[] = [];
    h.providers.onChanged((id) => seen.push(id));
    const p = await h.providers.create(confidential);
    await h.providers.update(p.id, { name: 'Renamed' });
    await h.providers.setSecret(p.id, mintJwt({ scopes: ['llm-all'] }));
    await h.providers.delete(p.id);
    expect(seen).toEqual([p.id, p.id, p.id, p.id]);
  });

  it('never writes the secret to the database file', async () => {
    const p = await h.providers.create(confidential);
    const jwt = mintJwt({ scopes: ['llm-all'], sub: 'db-check' });
    await h.providers.setSecret(p.id, jwt);
    await h.providers.list();
    h.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(readFileSync(h.dbFile).includes(Buffer.from(jwt))).toBe(false);
  });
});

describe('without a keychain', () => {
  it('refuses to store a secret, says so plainly, and keeps the profile', async () => {
    const h = makeHarness({ secrets: new UnreachableSecretStore() });
    try {
      const p = await h.providers.create(confidential);
      const error = await failureOf(h.providers.setSecret(p.id, mintJwt({ scopes: ['llm-all'] })));
      expect(error).toMatchObject({
        code: 'keychain_unavailable',
        message: expect.stringMatching(/nothing was stored/),
      });
      const [listed] = await h.providers.list();
      expect(listed?.credential).toMatchObject({
        configured: false,
        keychainAvailable: false,
        problem: expect.stringMatching(/keychain is unavailable/),
      });
      expect(await h.providers.delete(p.id)).toEqual({ deleted: true });
    } finally {
      h.close();
    }
  });

  it('refuses custom header values too, and stores no profile with them', async () => {
    const h = makeHarness({ secrets: new UnreachableSecretStore() });
    try {
      const error = await failureOf(
        h.providers.create({ ...confidential, headers: { 'X-Org-Key': 'org-secret' } }),
      );
      expect(error.code).toBe('keychain_unavailable');
      expect(await h.providers.list()).toEqual([]);
    } finally {
      h.close();
    }
  });
});
