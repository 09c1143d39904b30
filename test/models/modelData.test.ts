import { describe, expect, it } from 'vitest';
import { applyOverrides, knownDefaults, normalizeModel, parseModelList } from '../../main/models/modelData';
import {
  CONFIDENTIAL_CATALOG,
  confidentialListEntry,
  GALADRIEL_CATALOG,
  galadrielListEntry,
} from '../mock-provider/catalog';

describe('reading a /models listing', () => {
  it('takes the confidential flag from the data, not only the phala/ prefix', () => {
    const models = parseModelList({ data: CONFIDENTIAL_CATALOG.map(confidentialListEntry) }, 'confidential');
    const glm = models?.find((m) => m.id === 'bluenexus/glm-4.7-flash-tee');
    expect(glm?.confidential).toBe(true);
    expect(models?.find((m) => m.id === 'openai/gpt-4o-mini')?.confidential).toBe(false);
  });

  it('falls back to the phala/ prefix when the provider sends no flag', () => {
    expect(normalizeModel({ id: 'phala/llama-3' }, 'openai-compatible')?.confidential).toBe(true);
    expect(normalizeModel({ id: 'llama-3' }, 'openai-compatible')?.confidential).toBe(false);
  });

  it('reads capability flags and context length from the provider’s data', () => {
    const models = parseModelList({ data: CONFIDENTIAL_CATALOG.map(confidentialListEntry) }, 'confidential');
    expect(models?.find((m) => m.id === 'phala/deepseek-r1-70b')).toMatchObject({
      contextLength: 65_536,
      capabilities: { tools: false, logprobs: false, jsonSchema: false, reasoning: true },
    });
    expect(models?.find((m) => m.id === 'phala/qwen-2.5-7b-instruct')?.capabilities).toMatchObject({
      tools: true,
      logprobs: true,
    });
  });

  it('knows Galadriel’s 8b model cannot call tools, when the listing says nothing', () => {
    const models = parseModelList(
      { object: 'list', data: GALADRIEL_CATALOG.map(galadrielListEntry) },
      'galadriel',
    );
    expect(models?.find((m) => m.id === 'llama3.1:8b')?.capabilities.tools).toBe(false);
    expect(models?.find((m) => m.id === 'llama3.1:70b')?.capabilities.tools).toBe(true);
    expect(models?.find((m) => m.id === 'llama3.1:70b')?.capabilities.logprobs).toBe(true);
  });

  it('reads OpenRouter-style supported_parameters and input modalities', () => {
    const model = normalizeModel(
      {
        id: 'vendor/model',
        supported_parameters: ['tools', 'response_format', 'include_reasoning'],
        architecture: { input_modalities: ['text', 'image'] },
        top_provider: { context_length: 200_000 },
      },
      'openai-compatible',
    );
    expect(model).toMatchObject({
      contextLength: 200_000,
      capabilities: { tools: true, logprobs: false, jsonSchema: true, reasoning: true, vision: true },
    });
  });

  it('guesses reasoning models by name when nothing else is known', () => {
    expect(knownDefaults('phala/gpt-oss-120b', 'confidential').reasoning).toBe(true);
    expect(knownDefaults('deepseek-r1-distill', 'openai-compatible').reasoning).toBe(true);
    expect(knownDefaults('llama-3.3-70b', 'openai-compatible').reasoning).toBe(false);
  });

  it('accepts a bare array, skips entries without an id, and drops duplicates', () => {
    const models = parseModelList(
      [{ id: 'a' }, { name: 'no id' }, { id: 'a' }, { id: 'b' }],
      'openai-compatible',
    );
    expect(models?.map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('refuses a body that is not a model list', () => {
    expect(parseModelList({ error: 'nope' }, 'openai-compatible')).toBeNull();
    expect(parseModelList('<html>', 'openai-compatible')).toBeNull();
  });
});

describe('user overrides', () => {
  it('win over the data and are reported as overridden', () => {
    const base = knownDefaults('llama3.1:8b', 'galadriel');
    const result = applyOverrides(base, { tools: true });
    expect(result.capabilities.tools).toBe(true);
    expect(result.overridden).toEqual(['tools']);
    expect(applyOverrides(base, undefined)).toEqual({ capabilities: base, overridden: [] });
  });
});
