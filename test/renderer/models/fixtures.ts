import type { ModelInfo, ModelList, Provider } from '../../../main/contract';
import { providerFixture } from '../../fixtures/provider';

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
  return providerFixture({
    id,
    name,
    position,
    timeouts: { connectMs: 1000, firstByteMs: 1000, idleMs: 1000 },
  });
}

export function list(providerId: string, models: ModelInfo[]): ModelList {
  return { providerId, models, fetchedAt: 0, scopes: null, error: null };
}
