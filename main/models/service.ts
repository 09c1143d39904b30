import type { DatabaseSync } from 'node:sqlite';
import type { Capabilities, ModelInfo, ModelList, Provider } from '../contract';
import { AppFailure, Capabilities as CapabilitiesSchema } from '../contract';
import type { FetchLike } from '../providers/http';
import { fetchWithinOrigin, httpFailure, networkFailure, readBoundedText, redact } from '../providers/http';
import type { ProvidersService } from '../providers/service';
import type { CachedModel } from './modelData';
import { applyOverrides, knownDefaults, parseModelList } from './modelData';
import { ModelCache, scopesKey } from './modelCache';
import { governingScopes, SCOPE_ALL, verdict } from './scopeFilter';

/** A model list is a few hundred KB at most; a provider sending more is cut off there. */
const MODEL_LIST_MAX_BYTES = 16 << 20;

export interface ModelsServiceDeps {
  db: DatabaseSync;
  providers: ProvidersService;
  fetch: FetchLike;
  now?: () => number;
}

export interface ModelDescription {
  capabilities: Capabilities;
  confidential: boolean;
  allowed: boolean;
  hiddenReason: string | null;
}

const LLM_SCOPE = /^llm-/;

/**
 * A service that filters `/models` by scope simply omits what the token may not use. Models seen
 * in an earlier listing that the current scopes forbid are kept, so the picker can show them
 * with the reason instead of letting them vanish without a word.
 */
function withRememberedHidden(
  fetched: readonly CachedModel[],
  previous: readonly CachedModel[],
  scopes: readonly string[] | null,
): CachedModel[] {
  const listed = new Set(fetched.map((m) => m.id));
  const remembered = previous.filter((m) => !listed.has(m.id) && !verdict(m, scopes).allowed);
  return [...fetched, ...remembered];
}

/**
 * Model listing per provider: `GET {base}/models`, cached in SQLite, filtered by the token's
 * scopes (every hidden model kept, with its reason), with the user's capability overrides applied.
 */
export class ModelsService {
  private readonly cache: ModelCache;
  private readonly now: () => number;

  constructor(private readonly deps: ModelsServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.cache = new ModelCache(deps.db);
  }

  /**
   * The scopes that govern this provider's models. A token that says nothing in the llm-* vocabulary
   * governs nothing, unless the provider is the confidential service, whose tokens must.
   */
  async scopesOf(providerId: string): Promise<string[] | null> {
    const provider = this.deps.providers.get(providerId);
    return governingScopes(
      await this.deps.providers.scopesOf(providerId),
      provider.preset === 'confidential',
    );
  }

  private present(provider: Provider, models: readonly CachedModel[], scopes: string[] | null): ModelInfo[] {
    const recent = this.cache.recentFor(provider.id);
    const infos = models.map((m): ModelInfo => {
      const { capabilities, overridden } = applyOverrides(m.capabilities, provider.modelOverrides[m.id]);
      return {
        id: m.id,
        providerId: provider.id,
        ownedBy: m.ownedBy,
        confidential: m.confidential,
        contextLength: m.contextLength,
        capabilities,
        overridden,
        ...verdict(m, scopes),
        lastUsedAt: recent.get(m.id) ?? null,
      };
    });
    // Recent first (most recent at the top), then the provider's own order.
    return infos
      .map((info, index) => ({ info, index }))
      .sort((a, b) => (b.info.lastUsedAt ?? -1) - (a.info.lastUsedAt ?? -1) || a.index - b.index)
      .map(({ info }) => info);
  }

  private async fetchModels(provider: Provider): Promise<CachedModel[]> {
    const url = `${provider.baseUrl}/models`;
    const timeoutMs = provider.timeouts.connectMs + provider.timeouts.firstByteMs;
    const attempt = async (): Promise<{ response: Response; text: string; auth: Record<string, string> }> => {
      const auth = await this.deps.providers.requestAuth(provider.id);
      try {
        const response = await fetchWithinOrigin(this.deps.fetch, url, {
          headers: { ...auth, accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        });
        return { response, text: await readBoundedText(response, MODEL_LIST_MAX_BYTES, url), auth };
      } catch (error) {
        throw networkFailure(error, url, timeoutMs);
      }
    };
    let result = await attempt();
    if (result.response.status === 401 && (await this.deps.providers.handleUnauthorized(provider.id))) {
      result = await attempt();
    }
    const secrets = [result.auth.Authorization?.replace(/^Bearer\s+/i, '')];
    if (!result.response.ok) {
      const scope = result.response.status === 403 ? await this.missingScope(provider.id) : undefined;
      throw httpFailure(result.response, result.text, {
        url,
        authKind: provider.authKind,
        doing: 'listing models',
        secrets,
        ...(scope ? { scope } : {}),
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(result.text);
    } catch {
      body = undefined;
    }
    const models = body === undefined ? null : parseModelList(body, provider.preset);
    if (models === null) {
      const host = new URL(url).host;
      throw new AppFailure(
        'protocol_error',
        `${host} did not return a model list from ${redact(url, secrets)}. Check that the base URL points at the API root (for example …/v1).`,
        {
          detail: { host, status: result.response.status },
        },
      );
    }
    return models;
  }

  /** Without an llm-* scope the confidential service refuses everything; name the broadest one. */
  private async missingScope(providerId: string): Promise<string | undefined> {
    const scopes = await this.scopesOf(providerId).catch(() => null);
    return scopes && !scopes.some((s) => LLM_SCOPE.test(s)) ? SCOPE_ALL : undefined;
  }

  /**
   * Cached unless `refresh`, nothing cached yet, or the token's scopes changed since the fetch. A
   * failed fetch never drops what was cached: the cached list comes back with `error` set; with
   * nothing cached the failure is thrown.
   */
  async list(providerId: string, refresh = false): Promise<ModelList> {
    const provider = this.deps.providers.get(providerId);
    const cached = this.cache.read(providerId, provider.baseUrl);
    const scopes = await this.scopesOf(providerId).catch(() => null);
    if (cached && !refresh && cached.scopesKey === scopesKey(scopes)) {
      return {
        providerId,
        models: this.present(provider, cached.models, scopes),
        fetchedAt: cached.fetchedAt,
        scopes,
        error: null,
      };
    }
    let fetched: CachedModel[];
    try {
      fetched = await this.fetchModels(provider);
    } catch (error) {
      if (!cached || !(error instanceof AppFailure)) throw error;
      return {
        providerId,
        models: this.present(provider, cached.models, scopes),
        fetchedAt: cached.fetchedAt,
        scopes,
        error: error.message,
      };
    }
    // Fetching may have refreshed an OAuth token, and with it the scopes.
    const fresh = this.deps.providers.get(providerId);
    const freshScopes = await this.scopesOf(providerId).catch(() => null);
    const models = withRememberedHidden(fetched, cached?.models ?? [], freshScopes);
    const fetchedAt = this.now();
    this.cache.write(providerId, provider.baseUrl, scopesKey(freshScopes), models, fetchedAt);
    return {
      providerId,
      models: this.present(fresh, models, freshScopes),
      fetchedAt,
      scopes: freshScopes,
      error: null,
    };
  }

  /** Merges the user's flags; a flag set back to what the provider says stops being an override. */
  async setOverride(providerId: string, modelId: string, flags: Partial<Capabilities>): Promise<ModelList> {
    const provider = this.deps.providers.get(providerId);
    const cached = this.cache.read(providerId, provider.baseUrl);
    const base =
      cached?.models.find((m) => m.id === modelId)?.capabilities ?? knownDefaults(modelId, provider.preset);
    const merged: Partial<Capabilities> = { ...provider.modelOverrides[modelId], ...flags };
    const kept: Partial<Capabilities> = {};
    for (const key of CapabilitiesSchema.keyof().options) {
      const value = merged[key];
      if (typeof value === 'boolean' && value !== base[key]) kept[key] = value;
    }
    const overrides = { ...provider.modelOverrides };
    if (Object.keys(kept).length === 0) delete overrides[modelId];
    else overrides[modelId] = kept;
    this.deps.providers.setModelOverrides(providerId, overrides);
    return this.list(providerId, false).catch(async (error: unknown) => {
      if (error instanceof AppFailure) {
        return {
          providerId,
          models: [],
          fetchedAt: null,
          scopes: await this.scopesOf(providerId).catch(() => null),
          error: error.message,
        };
      }
      throw error;
    });
  }

  /** What the chat path needs about one model; never hits the network when the list is cached. */
  async describe(providerId: string, model: string): Promise<ModelDescription> {
    const provider = this.deps.providers.get(providerId);
    let models = this.cache.read(providerId, provider.baseUrl)?.models ?? null;
    if (models === null) models = (await this.list(providerId).catch(() => null))?.models ?? null;
    const found = models?.find((m) => m.id === model);
    const scopes = await this.scopesOf(providerId).catch(() => null);
    const confidential = found?.confidential ?? model.startsWith('phala/');
    const { capabilities } = applyOverrides(
      found?.capabilities ?? knownDefaults(model, provider.preset),
      provider.modelOverrides[model],
    );
    return { capabilities, confidential, ...verdict({ confidential }, scopes) };
  }

  /** Records that the user chose this model, for "recent first". */
  markUsed(providerId: string, model: string): void {
    this.cache.markUsed(providerId, model, this.now());
  }

  recent(limit = 10): { providerId: string; model: string; usedAt: number }[] {
    return this.cache.recent(limit);
  }
}
