import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildPickerGroups,
  flatEntries,
  initialIndex,
  matchScore,
  pushRecent,
  recentFromThreads,
  stepIndex,
} from '../../../renderer/src/store/providers/pickerModel';
import { list, model, provider } from './fixtures';

const conf = provider('conf', 'Confidential', 0);
const gal = provider('gal', 'Galadriel', 1);
const lists = {
  conf: list('conf', [
    model('openai/gpt-4o', 'conf', { allowed: false, hiddenReason: 'needs llm-other' }),
    model('phala/gpt-oss-120b', 'conf'),
    model('phala/llama-3.3-70b', 'conf'),
  ]),
  gal: list('gal', [model('llama3.1:8b', 'gal'), model('deepseek-r1', 'gal')]),
};

describe('the model picker contents', () => {
  it('groups by provider in the user’s order, pickable models before forbidden ones', () => {
    const groups = buildPickerGroups([gal, conf], lists, [], '');
    expect(groups.map((g) => g.label)).toEqual(['Confidential', 'Galadriel']);
    expect(groups[0]?.entries.map((e) => e.model.id)).toEqual([
      'phala/gpt-oss-120b',
      'phala/llama-3.3-70b',
      'openai/gpt-4o',
    ]);
    const forbidden = groups[0]?.entries[2];
    expect(forbidden?.disabled).toBe(true);
    expect(forbidden?.reason).toBe('needs llm-other');
  });

  it('puts recent models first without listing them twice, and never a forbidden one', () => {
    const recent = [
      { providerId: 'gal', model: 'deepseek-r1' },
      { providerId: 'conf', model: 'openai/gpt-4o' },
      { providerId: 'conf', model: 'gone/model' },
    ];
    const groups = buildPickerGroups([conf, gal], lists, recent, '');
    expect(groups[0]?.label).toBe('Recent');
    expect(groups[0]?.entries.map((e) => e.model.id)).toEqual(['deepseek-r1']);
    const keys = flatEntries(groups).map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('filters by every typed word across model, provider and owner', () => {
    const ids = (q: string) =>
      flatEntries(buildPickerGroups([conf, gal], lists, [], q)).map((e) => e.model.id);
    expect(ids('llama')).toEqual(['phala/llama-3.3-70b', 'llama3.1:8b']);
    expect(ids('galadriel llama')).toEqual(['llama3.1:8b']);
    expect(ids('zzz')).toEqual([]);
  });

  it('ranks a match at the start of a name part above one inside it', () => {
    expect(matchScore(['phala/gpt-oss-120b'], 'gpt')).toBeGreaterThan(matchScore(['chatgpt-4o'], 'gpt') ?? 0);
    expect(matchScore(['phala/gpt-oss-120b'], 'mistral')).toBeNull();
  });

  it('starts on the current model, else the first pickable one', () => {
    const entries = flatEntries(buildPickerGroups([conf, gal], lists, [], ''));
    expect(entries[initialIndex(entries, { providerId: 'gal', model: 'deepseek-r1' })]?.model.id).toBe(
      'deepseek-r1',
    );
    expect(entries[initialIndex(entries, { providerId: 'conf', model: 'openai/gpt-4o' })]?.model.id).toBe(
      'phala/gpt-oss-120b',
    );
  });

  it('never lets the keyboard land on a forbidden model, for any mix of models and moves', () => {
    const arbModels = fc.array(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 8 }), allowed: fc.boolean() }),
      { maxLength: 15 },
    );
    fc.assert(
      fc.property(arbModels, fc.array(fc.constantFrom<1 | -1>(1, -1), { maxLength: 30 }), (raw, moves) => {
        const unique = [...new Map(raw.map((m) => [m.id, m])).values()];
        const l = {
          p: list(
            'p',
            unique.map((m) =>
              model(m.id, 'p', { allowed: m.allowed, hiddenReason: m.allowed ? null : 'needs llm-all' }),
            ),
          ),
        };
        const entries = flatEntries(buildPickerGroups([provider('p', 'P', 0)], l, [], ''));
        let at = initialIndex(entries, null);
        const anyAllowed = unique.some((m) => m.allowed);
        expect(at >= 0).toBe(anyAllowed);
        for (const d of moves) {
          at = stepIndex(entries, at, d);
          if (anyAllowed) expect(entries[at]?.disabled).toBe(false);
          else expect(at).toBe(-1);
        }
      }),
    );
  });
});

describe('recent models', () => {
  it('keeps the latest pick first without duplicates', () => {
    const a = { providerId: 'p', model: 'a' };
    const b = { providerId: 'p', model: 'b' };
    expect(pushRecent(pushRecent(pushRecent([], a), b), a)).toEqual([a, b]);
  });

  it('can be seeded from the threads’ last activity', () => {
    const refs = recentFromThreads([
      { providerId: 'p', model: 'old', lastActivityAt: 1 },
      { providerId: 'p', model: 'new', lastActivityAt: 3 },
      { providerId: null, model: null, lastActivityAt: 5 },
      { providerId: 'p', model: 'new', lastActivityAt: 2 },
    ]);
    expect(refs.map((r) => r.model)).toEqual(['new', 'old']);
  });
});
