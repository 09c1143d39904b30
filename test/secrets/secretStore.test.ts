import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isAppFailure } from '../../main/contract';
import { KeytarSecretStore } from '../../main/secrets/secretStore';
import { openTestKeychain } from './keychain';

const keychain = await openTestKeychain('secret-store');

afterAll(async () => {
  await keychain?.cleanup();
});

describe.skipIf(!keychain)('the OS keychain through keytar (real gnome-keyring)', () => {
  const store = () => {
    if (!keychain) throw new Error('unreachable: the suite is skipped without a keychain');
    return keychain.store;
  };

  it('reports itself available', async () => {
    expect(await store().available()).toBe(true);
  });

  it('stores, reads back, replaces and deletes a secret', async () => {
    const secret = `sk-${'x'.repeat(20)}-round-trip`;
    await store().set('provider-a', secret);
    expect(await store().get('provider-a')).toBe(secret);
    await store().set('provider-a', `${secret}-2`);
    expect(await store().get('provider-a')).toBe(`${secret}-2`);
    expect(await store().delete('provider-a')).toBe(true);
    expect(await store().get('provider-a')).toBeNull();
    expect(await store().delete('provider-a')).toBe(false);
  });

  it('keeps one entry per account, under its own service name only', async () => {
    await store().set('p1', 'first-secret-value');
    await store().set('p2', 'second-secret-value');
    const accounts = (await keychain?.entries())?.map((e) => e.account).sort();
    expect(accounts).toEqual(['p1', 'p2']);
    const other = new KeytarSecretStore({ service: `${keychain?.service}-other` });
    expect(await other.get('p1')).toBeNull();
  });

  it('round-trips an OAuth token blob and unicode intact', async () => {
    const blob = JSON.stringify({ access: 'a.b.c', refresh: 'rt_ü∑', expiresAt: 1_900_000_000_000 });
    await store().set('oauth', blob);
    expect(await store().get('oauth')).toBe(blob);
  });

  it('refuses an empty secret', async () => {
    await expect(store().set('empty', '')).rejects.toSatisfy(
      (e: unknown) => isAppFailure(e) && e.error.code === 'invalid_request',
    );
  });
});

const ChildReport = z.object({
  available: z.boolean(),
  setError: z.object({ code: z.string(), message: z.string() }).nullable(),
});

function runWithoutDbus(service: string, secret: string, home: string): Promise<z.infer<typeof ChildReport>> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_RUNTIME_DIR: home,
  };
  const script = fileURLToPath(new URL('./noKeychainChild.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, service, secret], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`child exited ${code}: ${err}`));
      resolve(ChildReport.parse(JSON.parse(out.trim())));
    });
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('when no keychain is reachable', () => {
  it('says so plainly, refuses to store, and writes the secret nowhere', async () => {
    const home = mkdtempSync(join(tmpdir(), 'llm-desk-nokeychain-'));
    const service = `llm-desk-test-nodbus-${Date.now()}`;
    const secret = `sk-never-stored-${Math.random().toString(36).slice(2)}`;
    try {
      const report = await runWithoutDbus(service, secret, home);
      expect(report.available).toBe(false);
      expect(report.setError?.code).toBe('keychain_unavailable');
      expect(report.setError?.message).toMatch(/OS keychain is unavailable/);
      expect(report.setError?.message).toMatch(/nothing was stored/);
      expect(report.setError?.message).not.toContain(secret);
      for (const file of filesUnder(home)) expect(readFileSync(file, 'utf8')).not.toContain(secret);
      if (keychain) expect(await keytar.findCredentials(service)).toEqual([]);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
