import { describe, expect, it } from 'vitest';
import { startLoopback } from '../../main/oauth/loopback';
import { failureOf } from '../providers/fixture';

const MINUTE = 60_000;

describe('the loopback redirect listener (RFC 8252)', () => {
  it('listens on 127.0.0.1 at a random port and accepts the redirect with the right state', async () => {
    const listener = await startLoopback({ state: 'good-state', timeoutMs: MINUTE });
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const page = await fetch(`${listener.redirectUri}?code=abc&state=good-state&iss=https%3A%2F%2Fissuer`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('You can close this tab');
    expect(await listener.result).toEqual({ code: 'abc', iss: 'https://issuer' });
  });

  it('accepts exactly one redirect, then stops listening', async () => {
    const listener = await startLoopback({ state: 's', timeoutMs: MINUTE });
    await (await fetch(`${listener.redirectUri}?code=one&state=s`)).text();
    await listener.result;
    await listener.close();
    await expect(fetch(`${listener.redirectUri}?code=two&state=s`)).rejects.toThrow();
  });

  it('refuses a wrong or missing state with an error page and keeps waiting for the real redirect', async () => {
    const listener = await startLoopback({ state: 'expected', timeoutMs: MINUTE });
    const forged = await fetch(`${listener.redirectUri}?code=evil&state=forged`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('not the one LLM Desk started');
    const missing = await fetch(`${listener.redirectUri}?code=evil`);
    expect(missing.status).toBe(400);
    await missing.text();
    await (await fetch(`${listener.redirectUri}?code=real&state=expected`)).text();
    expect((await listener.result).code).toBe('real');
  });

  it('answers other paths with 404 and keeps waiting', async () => {
    const listener = await startLoopback({ state: 's', timeoutMs: MINUTE });
    const origin = new URL(listener.redirectUri).origin;
    const other = await fetch(`${origin}/favicon.ico`);
    expect(other.status).toBe(404);
    await other.text();
    await (await fetch(`${listener.redirectUri}?code=c&state=s`)).text();
    expect((await listener.result).code).toBe('c');
  });

  it('turns a declined consent into a clear failure', async () => {
    const listener = await startLoopback({ state: 's', timeoutMs: MINUTE });
    const page = await fetch(
      `${listener.redirectUri}?error=access_denied&error_description=user+said+no&state=s`,
    );
    expect(await page.text()).toContain('Sign-in not completed');
    const error = await failureOf(listener.result);
    expect(error.code).toBe('auth_missing');
    expect(error.message).toMatch(/declined.*nothing was saved.*user said no/);
  });

  it('gives up after its timeout, and when aborted', async () => {
    const timed = await startLoopback({ state: 's', timeoutMs: 50 });
    expect(await failureOf(timed.result)).toMatchObject({
      code: 'timeout',
      message: expect.stringMatching(/wasn't finished/),
    });
    const abort = new AbortController();
    const aborted = await startLoopback({ state: 's', timeoutMs: MINUTE, signal: abort.signal });
    abort.abort();
    expect((await failureOf(aborted.result)).code).toBe('aborted');
  });
});
