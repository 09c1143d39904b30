import { describe, expect, it } from 'vitest';
import { buildApi } from '../../main/contract/api';
import { channelNames, channels, eventNames } from '../../main/contract';
import type { HandlersOf } from '../../main/ipc/handlers';

describe('the contract', () => {
  it('names every channel domain:verb and gives each a validator', () => {
    for (const name of channelNames) {
      expect(name).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/);
      expect(typeof channels[name].input.safeParse).toBe('function');
      expect(typeof channels[name].output.safeParse).toBe('function');
    }
  });

  it('builds a frozen window.api with exactly the declared methods and subscribers', async () => {
    const calls: [string, unknown][] = [];
    const api = buildApi(
      async (channel, input) => {
        calls.push([channel, input]);
        return { ok: true, value: null };
      },
      () => () => {},
    );
    expect(Object.isFrozen(api)).toBe(true);
    const methods = Object.entries(api).flatMap(([domain, members]) => {
      expect(Object.isFrozen(members)).toBe(true);
      return Object.keys(members as object).map((m) => `${domain}.${m}`);
    });
    const expected = [
      ...channelNames.map((n) => n.replace(':', '.')),
      ...eventNames.map((n) => {
        const [domain, verb = ''] = n.split(':');
        return `${domain}.on${verb[0]?.toUpperCase()}${verb.slice(1)}`;
      }),
    ];
    expect(methods.sort()).toEqual(expected.sort());
    expect(methods).not.toContain('invoke');
    await api.providers.list({});
    expect(calls).toEqual([['providers:list', {}]]);
  });

  it('does not compile a handler map that misses a channel', () => {
    // @ts-expect-error 'app:openExternal' has no handler
    const partial: HandlersOf<'app'> = {
      'app:info': () => ({ version: '1', platform: 'linux', shell: 'browser', dataDir: '/', notices: [] }),
    };
    expect(Object.keys(partial)).toEqual(['app:info']);
  });
});
