import type {
  AppError,
  Capabilities,
  CredentialStatus,
  ModelList,
  Preset,
  Provider,
  ProviderInput,
} from '../../../../main/contract';
import type { Result } from '../../../../main/contract/errors';
import { api } from '../../bridge/api';
import type { ModelRef } from './pickerModel';
import { pushRecent } from './pickerModel';
import type { SliceCreator } from '../types';

export interface ProvidersSlice {
  providers: Provider[];
  providersLoaded: boolean;
  providersError: AppError | null;
  presets: Preset[];
  models: Record<string, ModelList>;
  modelsLoading: Record<string, boolean>;
  modelsError: Record<string, AppError | undefined>;
  /** Models picked in this session, most recent first. */
  recentModels: ModelRef[];
  /** Sign-ins waiting for the user to open their address (no browser could be opened), by provider. */
  signInUrls: Record<string, string>;
  loadProviders(): Promise<void>;
  loadPresets(): Promise<void>;
  /** Subscribes once to `providers:changed` and loads the list; safe to call from many components. */
  ensureProvidersSync(): void;
  createProvider(input: ProviderInput): Promise<Result<Provider>>;
  updateProvider(id: string, patch: Partial<ProviderInput>): Promise<Result<Provider>>;
  duplicateProvider(id: string): Promise<Result<Provider>>;
  deleteProvider(id: string): Promise<Result<{ deleted: boolean }>>;
  reorderProviders(ids: string[]): Promise<Result<Provider[]>>;
  setSecret(id: string, secret: string): Promise<Result<CredentialStatus>>;
  clearSecret(id: string): Promise<Result<CredentialStatus>>;
  signIn(id: string): Promise<Result<CredentialStatus>>;
  signOut(id: string): Promise<Result<CredentialStatus>>;
  /** Stops a sign-in waiting for the browser (its `signIn` then ends with `aborted`). */
  cancelSignIn(id: string): Promise<void>;
  loadModels(providerId: string, refresh?: boolean): Promise<void>;
  setModelOverride(
    providerId: string,
    modelId: string,
    capabilities: Partial<Capabilities>,
  ): Promise<Result<ModelList>>;
  noteModelUsed(ref: ModelRef): void;
}

let syncing = false;
const queuedModelLoads = new Map<string, boolean>();

export const createProvidersSlice: SliceCreator<ProvidersSlice> = (set, get) => {
  const replaceProvider = (provider: Provider) =>
    set((s) => ({
      providers: s.providers.some((p) => p.id === provider.id)
        ? s.providers.map((p) => (p.id === provider.id ? provider : p))
        : [...s.providers, provider].sort((a, b) => a.position - b.position),
    }));

  const withCredential = async (id: string, call: Promise<Result<CredentialStatus>>) => {
    const result = await call;
    if (result.ok) {
      set((s) => ({
        providers: s.providers.map((p) => (p.id === id ? { ...p, credential: result.value } : p)),
      }));
      // A new credential can change which models the scope allows.
      void get().loadModels(id, true);
    }
    return result;
  };

  return {
    providers: [],
    providersLoaded: false,
    providersError: null,
    presets: [],
    models: {},
    modelsLoading: {},
    modelsError: {},
    recentModels: [],
    signInUrls: {},

    loadProviders: async () => {
      const result = await api.providers.list({});
      if (result.ok) set({ providers: result.value, providersLoaded: true, providersError: null });
      else set({ providersLoaded: true, providersError: result.error });
    },

    loadPresets: async () => {
      if (get().presets.length > 0) return;
      const result = await api.providers.presets({});
      if (result.ok) set({ presets: result.value });
    },

    ensureProvidersSync: () => {
      if (syncing) return;
      syncing = true;
      api.providers.onChanged(({ providerId }) => {
        void get().loadProviders();
        if (providerId !== null && get().models[providerId]) void get().loadModels(providerId);
      });
      api.providers.onSignInUrl(({ providerId, url }) =>
        set((s) => ({ signInUrls: { ...s.signInUrls, [providerId]: url } })),
      );
      void get().loadProviders();
    },

    createProvider: async (input) => {
      const result = await api.providers.create(input);
      if (result.ok) replaceProvider(result.value);
      return result;
    },

    updateProvider: async (id, patch) => {
      const result = await api.providers.update({ id, patch });
      if (result.ok) replaceProvider(result.value);
      return result;
    },

    duplicateProvider: async (id) => {
      const result = await api.providers.duplicate({ id });
      if (result.ok) replaceProvider(result.value);
      return result;
    },

    deleteProvider: async (id) => {
      const result = await api.providers.delete({ id });
      if (result.ok) {
        set((s) => {
          const models = { ...s.models };
          delete models[id];
          return { providers: s.providers.filter((p) => p.id !== id), models };
        });
      }
      return result;
    },

    reorderProviders: async (ids) => {
      const before = get().providers;
      // Move at once so keyboard reordering feels instant; main's answer is the truth.
      const position = new Map(ids.map((id, i) => [id, i]));
      set({
        providers: [...before]
          .map((p) => ({ ...p, position: position.get(p.id) ?? p.position }))
          .sort((a, b) => a.position - b.position),
      });
      const result = await api.providers.reorder({ ids });
      set({ providers: result.ok ? result.value : before });
      return result;
    },

    setSecret: (id, secret) => withCredential(id, api.providers.setSecret({ id, secret })),
    clearSecret: (id) => withCredential(id, api.providers.clearSecret({ id })),
    signIn: async (id) => {
      const result = await withCredential(id, api.providers.signIn({ id }));
      // Finished, failed or cancelled: the address is spent either way.
      set((s) => {
        const signInUrls = { ...s.signInUrls };
        delete signInUrls[id];
        return { signInUrls };
      });
      return result;
    },
    signOut: (id) => withCredential(id, api.providers.signOut({ id })),
    cancelSignIn: async (id) => {
      await api.providers.cancelSignIn({ id });
    },

    loadModels: async (providerId, refresh = false) => {
      if (get().modelsLoading[providerId]) {
        // A credential change mid-fetch must not be lost: run once more when this one ends.
        queuedModelLoads.set(providerId, (queuedModelLoads.get(providerId) ?? false) || refresh);
        return;
      }
      set((s) => ({ modelsLoading: { ...s.modelsLoading, [providerId]: true } }));
      const result = await api.models.list({ providerId, refresh });
      set((s) => ({
        modelsLoading: { ...s.modelsLoading, [providerId]: false },
        models: result.ok ? { ...s.models, [providerId]: result.value } : s.models,
        modelsError: { ...s.modelsError, [providerId]: result.ok ? undefined : result.error },
      }));
      const queued = queuedModelLoads.get(providerId);
      if (queued !== undefined) {
        queuedModelLoads.delete(providerId);
        await get().loadModels(providerId, queued);
      }
    },

    setModelOverride: async (providerId, modelId, capabilities) => {
      const result = await api.models.setOverride({ providerId, modelId, capabilities });
      if (result.ok) {
        set((s) => ({ models: { ...s.models, [providerId]: result.value } }));
        // Main merged the flags into the profile's overrides; its copy is the one to show.
        void get().loadProviders();
      }
      return result;
    },

    noteModelUsed: (ref) => set((s) => ({ recentModels: pushRecent(s.recentModels, ref) })),
  };
};
