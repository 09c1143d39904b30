import { z } from 'zod';
import type { PresetId } from '../contract';
import { Capabilities } from '../contract';

/** A model as the provider described it, before scope and user overrides: what the cache keeps. */
export const CachedModel = z.object({
  id: z.string(),
  ownedBy: z.string().nullable(),
  confidential: z.boolean(),
  contextLength: z.number().nullable(),
  capabilities: Capabilities,
});
export type CachedModel = z.infer<typeof CachedModel>;

type Flags = Partial<Capabilities>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const REASONING_ID = /(^|[/:._-])(r1|o1|o3|o4)([/:._-]|$)|gpt-oss|reason|think|qwq/i;
const VISION_ID = /vision|(^|[/:._-])vl([/:._-]|$)|llava|pixtral|gpt-4o|gpt-4\.1|gemma-3/i;

/**
 * What the app assumes when the provider says nothing. The confidential service's documented
 * request body has no logprobs or response_format; Galadriel's is exactly OpenAI's, except that
 * its 8b model cannot call tools.
 */
export function knownDefaults(id: string, preset: PresetId): Capabilities {
  const base: Capabilities = {
    tools: true,
    logprobs: preset !== 'confidential',
    jsonSchema: preset !== 'confidential',
    reasoning: REASONING_ID.test(id),
    vision: VISION_ID.test(id),
  };
  if (preset === 'galadriel' && /(^|[^0-9.])8b\b/i.test(id)) base.tools = false;
  if (/llama-?3\.1[:-]8b/i.test(id)) base.tools = false;
  return base;
}

const FLAG_KEYS: Record<string, keyof Capabilities> = {
  tools: 'tools',
  tool_calls: 'tools',
  function_calling: 'tools',
  functions: 'tools',
  logprobs: 'logprobs',
  json_schema: 'jsonSchema',
  jsonSchema: 'jsonSchema',
  structured_outputs: 'jsonSchema',
  response_format: 'jsonSchema',
  reasoning: 'reasoning',
  vision: 'vision',
  image_input: 'vision',
};

/** `capabilities` as an object of booleans, or as a list of names. */
function fromCapabilities(value: unknown): Flags {
  const out: Flags = {};
  if (isRecord(value)) {
    for (const [key, flag] of Object.entries(value)) {
      const name = FLAG_KEYS[key];
      if (name && typeof flag === 'boolean') out[name] = flag;
    }
  } else if (Array.isArray(value)) {
    for (const key of Object.values(FLAG_KEYS)) out[key] = false;
    for (const entry of value) {
      const name = typeof entry === 'string' ? FLAG_KEYS[entry] : undefined;
      if (name) out[name] = true;
    }
  }
  return out;
}

/** OpenRouter-style `supported_parameters`: a listed parameter is supported, an unlisted one is not. */
function fromSupportedParameters(value: unknown): Flags {
  if (!Array.isArray(value)) return {};
  const has = (name: string) => value.includes(name);
  return {
    tools: has('tools') || has('tool_choice'),
    logprobs: has('logprobs') || has('top_logprobs'),
    jsonSchema: has('response_format') || has('structured_outputs'),
    reasoning: has('reasoning') || has('include_reasoning'),
  };
}

function fromModalities(entry: Record<string, unknown>): Flags {
  const architecture = isRecord(entry.architecture) ? entry.architecture : {};
  const modalities = isRecord(entry.modalities) ? entry.modalities : {};
  const inputs = architecture.input_modalities ?? modalities.input;
  return Array.isArray(inputs) ? { vision: inputs.includes('image') } : {};
}

function firstNumber(...values: unknown[]): number | null {
  for (const value of values)
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  return null;
}

function confidentialOf(id: string, entry: Record<string, unknown>): boolean {
  for (const key of ['confidential', 'is_confidential', 'tee', 'confidential_computing']) {
    if (typeof entry[key] === 'boolean') return entry[key];
  }
  return id.startsWith('phala/');
}

/** Reads one `/models` entry; fields the provider sends win over the app's assumptions. */
export function normalizeModel(raw: unknown, preset: PresetId): CachedModel | null {
  if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id.trim() === '') return null;
  const id = raw.id;
  const topProvider = isRecord(raw.top_provider) ? raw.top_provider : {};
  return {
    id,
    ownedBy: typeof raw.owned_by === 'string' ? raw.owned_by : null,
    confidential: confidentialOf(id, raw),
    contextLength: firstNumber(
      raw.context_length,
      raw.context_window,
      raw.max_context_length,
      raw.max_model_len,
      raw.max_input_tokens,
      topProvider.context_length,
    ),
    capabilities: {
      ...knownDefaults(id, preset),
      ...fromSupportedParameters(raw.supported_parameters),
      ...fromModalities(raw),
      ...fromCapabilities(raw.capabilities),
    },
  };
}

/** Parses a `/models` body: the OpenAI `{ data: [...] }` shape or a bare array. */
export function parseModelList(body: unknown, preset: PresetId): CachedModel[] | null {
  const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.data) ? body.data : null;
  if (list === null) return null;
  const seen = new Set<string>();
  const models: CachedModel[] = [];
  for (const entry of list) {
    const model = normalizeModel(entry, preset);
    if (model && !seen.has(model.id)) {
      seen.add(model.id);
      models.push(model);
    }
  }
  return models;
}

/** Applies the user's per-model overrides, reporting which flags they changed. */
export function applyOverrides(
  capabilities: Capabilities,
  overrides: Partial<Capabilities> | undefined,
): { capabilities: Capabilities; overridden: (keyof Capabilities)[] } {
  if (!overrides) return { capabilities, overridden: [] };
  const out = { ...capabilities };
  const overridden: (keyof Capabilities)[] = [];
  for (const key of Capabilities.keyof().options) {
    const value = overrides[key];
    if (typeof value === 'boolean') {
      out[key] = value;
      overridden.push(key);
    }
  }
  return { capabilities: out, overridden };
}
