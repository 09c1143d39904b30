export interface Capabilities {
  tools: boolean;
  logprobs: boolean;
  json_schema: boolean;
  reasoning: boolean;
}

export interface MockModel {
  id: string;
  ownedBy: string;
  confidential: boolean;
  contextLength: number;
  capabilities: Capabilities;
}

const CREATED = 1_735_689_600; // fixed so listings are byte-stable between runs

function caps(tools: boolean, logprobs: boolean, jsonSchema: boolean, reasoning: boolean): Capabilities {
  return { tools, logprobs, json_schema: jsonSchema, reasoning };
}

/**
 * `bluenexus/glm-4.7-flash-tee` is confidential by flag only, so clients that
 * trust the `phala/` prefix alone get it wrong.
 */
export const CONFIDENTIAL_CATALOG: readonly MockModel[] = [
  {
    id: 'phala/gpt-oss-120b',
    ownedBy: 'phala',
    confidential: true,
    contextLength: 131_072,
    capabilities: caps(true, false, true, true),
  },
  {
    id: 'phala/deepseek-r1-70b',
    ownedBy: 'phala',
    confidential: true,
    contextLength: 65_536,
    capabilities: caps(false, false, false, true),
  },
  {
    id: 'phala/qwen-2.5-7b-instruct',
    ownedBy: 'phala',
    confidential: true,
    contextLength: 32_768,
    capabilities: caps(true, true, true, false),
  },
  {
    id: 'bluenexus/glm-4.7-flash-tee',
    ownedBy: 'bluenexus',
    confidential: true,
    contextLength: 131_072,
    capabilities: caps(true, false, true, false),
  },
  {
    id: 'openai/gpt-4o-mini',
    ownedBy: 'openai',
    confidential: false,
    contextLength: 128_000,
    capabilities: caps(true, true, true, false),
  },
  {
    id: 'meta-llama/llama-3.3-70b-instruct',
    ownedBy: 'meta-llama',
    confidential: false,
    contextLength: 131_072,
    capabilities: caps(true, true, true, false),
  },
  {
    id: 'mistralai/mistral-nemo',
    ownedBy: 'mistralai',
    confidential: false,
    contextLength: 131_072,
    capabilities: caps(true, false, false, false),
  },
];

export const GALADRIEL_CATALOG: readonly MockModel[] = [
  {
    id: 'llama3.1:8b',
    ownedBy: 'galadriel',
    confidential: false,
    contextLength: 131_072,
    capabilities: caps(false, true, true, false),
  },
  {
    id: 'llama3.1:70b',
    ownedBy: 'galadriel',
    confidential: false,
    contextLength: 131_072,
    capabilities: caps(true, true, true, false),
  },
  {
    id: 'llama3.1:405b',
    ownedBy: 'galadriel',
    confidential: false,
    contextLength: 131_072,
    capabilities: caps(true, true, true, false),
  },
  {
    id: 'mistral-nemo:12b',
    ownedBy: 'galadriel',
    confidential: false,
    contextLength: 131_072,
    capabilities: caps(true, true, true, false),
  },
];

export function findModel(catalog: readonly MockModel[], id: string): MockModel | undefined {
  return catalog.find((m) => m.id === id);
}

/** The scopes that would each allow this model, in the order the error message names them. */
export function scopesAllowing(model: MockModel): string[] {
  return model.confidential ? ['llm-confidential', 'llm-all'] : ['llm-other', 'llm-all'];
}

export function scopePermits(scopes: readonly string[], model: MockModel): boolean {
  return scopesAllowing(model).some((s) => scopes.includes(s));
}

/** The confidential service adds its own fields; Galadriel answers in the plain OpenAI shape. */
export function confidentialListEntry(model: MockModel): Record<string, unknown> {
  return {
    id: model.id,
    object: 'model',
    created: CREATED,
    owned_by: model.ownedBy,
    confidential: model.confidential,
    context_length: model.contextLength,
    capabilities: { ...model.capabilities },
  };
}

export function galadrielListEntry(model: MockModel): Record<string, unknown> {
  return { id: model.id, object: 'model', created: CREATED, owned_by: model.ownedBy };
}
