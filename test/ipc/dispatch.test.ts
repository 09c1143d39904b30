import { describe, expect, it } from 'vitest';
import { AppFailure, channelNames } from '../../main/contract';
import { dispatch } from '../../main/ipc/dispatch';
import type { Handlers } from '../../main/ipc/handlers';

/** Every channel answers with a marker so we can see which handler ran and with what. */
function recordingHandlers(behaviour: (name: string, input: unknown) => unknown): Handlers {
  const map: Record<string, (input: unknown) => unknown> = {};
  for (const name of channelNames) map[name] = (input) => behaviour(name, input);
  return map as unknown as Handlers;
}

describe('dispatch: the one entry point for renderer calls', () => {
  const handlers = recordingHandlers((name, input) => ({ name, input }));

  it('parses the payload and hands the handler the validated value (defaults applied)', async () => {
    const result = await dispatch(handlers, 'models:list', { providerId: 'p1' }, { senderId: 1 });
    expect(result).toEqual({
      ok: true,
      value: { name: 'models:list', input: { providerId: 'p1', refresh: false } },
    });
  });

  it('answers a malformed payload with invalid_request naming the field, without calling the handler', async () => {
    let called = false;
    const guarded = recordingHandlers(() => {
      called = true;
      return null;
    });
    const result = await dispatch(guarded, 'providers:create', { name: 42, baseUrl: 'x' }, { senderId: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_request');
      expect(result.error.detail?.issues?.map((i) => i.path)).toContain('name');
    }
    expect(called).toBe(false);
  });

  it('names a huge refused key by its start and length, so the message stays small', async () => {
    const key = 'k'.repeat(300_000);
    const result = await dispatch(
      handlers,
      'threads:update',
      { id: 't1', settings: { params: { logit_bias: { [key]: 1 } } } },
      { senderId: 1 },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_request');
      expect(result.error.message.length).toBeLessThan(1_000);
      expect(result.error.message).toContain('logit_bias.kkkk');
      expect(result.error.message).toContain('(300000 chars)');
      expect(JSON.stringify(result.error).length).toBeLessThan(2_000);
    }
  });

  it('refuses channels the contract does not declare', async () => {
    const result = await dispatch(handlers, 'secrets:read', {}, { senderId: 1 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: 'unknown channel secrets:read' },
    });
  });

  it('refuses prototype names that are not channels', async () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const result = await dispatch(handlers, name, {}, { senderId: 1 });
      expect(result.ok).toBe(false);
    }
  });

  it('returns a service failure as data with its code', async () => {
    const failing = recordingHandlers(() => {
      throw new AppFailure('scope_denied', 'needs llm-confidential', {
        detail: { scope: 'llm-confidential' },
      });
    });
    const result = await dispatch(failing, 'providers:list', {}, { senderId: 1 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'scope_denied',
        message: 'needs llm-confidential',
        detail: { scope: 'llm-confidential' },
      },
    });
  });

  it('turns an unexpected crash into a generic internal error that leaks no detail', async () => {
    const logged: string[] = [];
    const crashing = recordingHandlers(() => {
      throw new Error('secret-token-123 exploded');
    });
    const result = await dispatch(crashing, 'providers:list', {}, { senderId: 1 }, (m) => logged.push(m));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(JSON.stringify(result)).not.toContain('secret-token-123');
    }
    expect(logged).toEqual(['channel providers:list failed']);
  });
});
