import type { ModelInfo, ModelList, Provider } from '../../../main/contract';

export function model(id: string, providerId: string, extra: Partial<ModelInfo> = {}): ModelInfo {
  return {
    id,
    providerId,
    ownedBy: null,
    confidential: id.startsWith('phala/'),
    contextLength: null,
    capabilities: { tools: true, logprobs: false, jsonSchema: false, reasoning: false, vision: false },
    overridden: [],
    allowed: true,
    hiddenReason: null,
    ...extra,
  };
}

export function provider(id: string, name: string, position: number): Provider {
  return {
    id,
    name,
    preset: 'openai-compatible',
    baseUrl: 'https://x.test/v1',
    authKind: 'api-key',
    headers: {},
    timeouts: { connectMs: 1000, firstByteMs: 1000, idleMs: 1000 },
    oauth: null,
    modelOverrides: {},
    position,
    baseUrlWarning: null,
    credential: {
      configured: true,
      kind: 'api-key',
      hint: '…abcd',
      scopes: null,
      expiresAt: null,
      subject: null,
      problem: null,
      keychainAvailable: true,
    },
    createdAt: 0,
    updatedAt: 0,
  };
}

export function list(providerId: string, models: ModelInfo[]): ModelList {
  return { providerId, models, fetchedAt: 0, scopes: null, error: null };
}
