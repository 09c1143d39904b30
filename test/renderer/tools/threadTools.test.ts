import { describe, expect, it } from 'vitest';
import type { ModelList } from '../../../main/contract/providers';
import {
  clampRounds,
  danglingChoice,
  toolChoiceFromKey,
  toolChoiceKey,
  toolsSupport,
  withToolChoice,
} from '../../../renderer/src/parts/tools/threadTools';

const list = (tools: boolean, overridden: ('tools' | 'logprobs')[] = []): ModelList => ({
  providerId: 'p',
  fetchedAt: 1,
  scopes: null,
  error: null,
  models: [
    {
      id: 'm',
      providerId: 'p',
      ownedBy: null,
      confidential: false,
      contextLength: null,
      capabilities: { tools, logprobs: true, jsonSchema: true, reasoning: false, vision: false },
      overridden,
      allowed: true,
      hiddenReason: null,
    },
  ],
});

describe('tool_choice', () => {
  it('round-trips every choice through the picker', () => {
    for (const choice of [
      undefined,
      'none',
      'auto',
      'required',
      { type: 'function', function: { name: 'get_weather' } },
    ] as const) {
      expect(toolChoiceFromKey(toolChoiceKey(choice))).toEqual(choice);
    }
  });

  it('removes the field entirely when left to the provider', () => {
    const params = withToolChoice({ temperature: 1, tool_choice: 'auto' }, undefined);
    expect(params).toEqual({ temperature: 1 });
    expect('tool_choice' in params).toBe(false);
  });

  it('notices a named function that is no longer attached', () => {
    const named = { type: 'function' as const, function: { name: 'search' } };
    expect(danglingChoice(named, ['search'])).toBeNull();
    expect(danglingChoice(named, ['get_weather'])).toBe('search');
    expect(danglingChoice('required', [])).toBeNull();
  });
});

describe('whether the model takes tools', () => {
  it('follows the capability flags, with the reason when it does not', () => {
    expect(toolsSupport(list(true), 'p', 'm')).toEqual({ state: 'supported', overridden: false });
    expect(toolsSupport(list(true, ['tools']), 'p', 'm')).toEqual({ state: 'supported', overridden: true });
    expect(toolsSupport(list(false), 'p', 'm')).toEqual({
      state: 'unsupported',
      reason: 'm does not list support for tools: they would be left out of the request.',
    });
  });

  it('is unknown without a model or a model list', () => {
    expect(toolsSupport(undefined, 'p', 'm').state).toBe('unknown');
    expect(toolsSupport(list(true), null, null).state).toBe('unknown');
    expect(toolsSupport(list(true), 'p', 'other').state).toBe('unknown');
  });

  it('keeps the round cap within 1–20', () => {
    expect([clampRounds(0), clampRounds(7.4), clampRounds(99), clampRounds(Number.NaN)]).toEqual([
      1, 7, 20, 1,
    ]);
  });
});
