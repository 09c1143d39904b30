import type { AppError, Price, UsageSummary, UsageTotals } from '../../../../main/contract';
import type { Result } from '../../../../main/contract/errors';
import { api } from '../../bridge/api';
import type { UsageFilters } from './filters';
import type { KnownOptions } from './filters';
import type { PriceInput } from './prices';
import { mergeKnownOptions, NO_FILTERS, toUsageFilter } from './filters';
import type { CustomRange, RangePreset, TimeRange } from './range';
import { dayKey, rangeFor, zoneSpec } from './range';
import type { SliceCreator } from '../types';

export interface UsageSlice {
  usagePreset: RangePreset;
  usageCustom: CustomRange;
  usageFilters: UsageFilters;
  usageSummary: UsageSummary | null;
  /** The range the summary was computed for (presets move with the clock). */
  usageRange: TimeRange | null;
  usageLoading: boolean;
  usageError: AppError | null;
  /** Bumped on every `usage:changed` so open drill-down tables refetch. */
  usageVersion: number;
  /** Models and providers seen in any summary this session, so narrowing a filter keeps the others listed. */
  usageKnownModels: string[];
  usageKnownProviders: Record<string, string>;
  lowBalanceCredits: number | null;
  prices: Price[];
  threadTotals: Record<string, UsageTotals | undefined>;
  setUsageRange(preset: RangePreset, custom?: CustomRange): void;
  setUsageFilters(patch: Partial<UsageFilters>): void;
  /** The Usage screen with everything one thread cost: all time, only its rows, no other filter. */
  showThreadUsage(threadId: string): void;
  /** The filter for the current range and filters, computed now. */
  currentUsageFilter(): ReturnType<typeof toUsageFilter>;
  loadUsageSummary(): Promise<void>;
  ensureUsageSync(): void;
  loadUsageSettings(): Promise<void>;
  saveLowBalance(credits: number): Promise<Result<{ lowBalanceCredits: number }>>;
  loadPrices(): Promise<void>;
  savePrice(price: PriceInput): Promise<Result<Price>>;
  deletePrice(id: string): Promise<Result<{ deleted: boolean }>>;
  loadThreadTotals(threadId: string): Promise<void>;
}

let usageSyncing = false;
let summarySeq = 0;
let summaryInFlight = false;
let summaryQueued = false;

const today = () => dayKey(Date.now());
const known = (k: KnownOptions) => ({ usageKnownModels: k.models, usageKnownProviders: k.providers });

export const createUsageSlice: SliceCreator<UsageSlice> = (set, get) => ({
  usagePreset: '30d',
  usageCustom: { from: today(), to: today() },
  usageFilters: NO_FILTERS,
  usageSummary: null,
  usageRange: null,
  usageLoading: false,
  usageError: null,
  usageVersion: 0,
  usageKnownModels: [],
  usageKnownProviders: {},
  lowBalanceCredits: null,
  prices: [],
  threadTotals: {},

  setUsageRange: (preset, custom) => {
    set((s) => ({ usagePreset: preset, usageCustom: custom ?? s.usageCustom }));
    void get().loadUsageSummary();
  },

  setUsageFilters: (patch) => {
    set((s) => ({ usageFilters: { ...s.usageFilters, ...patch } }));
    void get().loadUsageSummary();
  },

  showThreadUsage: (threadId) => {
    set({ usagePreset: 'all', usageFilters: { ...NO_FILTERS, threadId } });
    void get().loadUsageSummary();
    get().setScreen('usage');
  },

  currentUsageFilter: () => {
    const s = get();
    return toUsageFilter(rangeFor(s.usagePreset, Date.now(), s.usageCustom), s.usageFilters);
  },

  loadUsageSummary: async () => {
    if (summaryInFlight) {
      // Several changes in a burst (typing a date, a stream finishing) collapse into one reload.
      summaryQueued = true;
      return;
    }
    summaryInFlight = true;
    const seq = ++summarySeq;
    const filter = get().currentUsageFilter();
    set({ usageLoading: true });
    const result = await api.usage.summary({ ...filter, ...zoneSpec(filter.from, filter.to) });
    summaryInFlight = false;
    if (seq === summarySeq) {
      if (result.ok) {
        const summary = result.value;
        set((s) => ({
          usageSummary: summary,
          usageRange: { from: filter.from, to: filter.to },
          usageLoading: false,
          usageError: null,
          ...known(
            mergeKnownOptions(
              { models: s.usageKnownModels, providers: s.usageKnownProviders },
              summary.breakdown,
            ),
          ),
        }));
      } else {
        set({ usageLoading: false, usageError: result.error });
      }
    }
    if (summaryQueued) {
      summaryQueued = false;
      await get().loadUsageSummary();
    }
  },

  ensureUsageSync: () => {
    if (usageSyncing) return;
    usageSyncing = true;
    api.usage.onChanged(() => {
      set((s) => ({ usageVersion: s.usageVersion + 1, threadTotals: {} }));
      // Off screen, the next visit reloads anyway; no need to recompute per finished request.
      if (get().usageSummary !== null && get().screen === 'usage') void get().loadUsageSummary();
    });
  },

  loadUsageSettings: async () => {
    const result = await api.usage.settings({});
    if (result.ok) set({ lowBalanceCredits: result.value.lowBalanceCredits });
  },

  saveLowBalance: async (credits) => {
    const result = await api.usage.settings({ lowBalanceCredits: credits });
    if (result.ok) set({ lowBalanceCredits: result.value.lowBalanceCredits });
    return result;
  },

  loadPrices: async () => {
    const result = await api.prices.list({});
    if (result.ok) set({ prices: result.value });
  },

  savePrice: async (price) => {
    const result = await api.prices.save(price);
    if (result.ok) {
      const saved = result.value;
      set((s) => ({ prices: [...s.prices.filter((p) => p.id !== saved.id), saved] }));
      // Cost is computed from prices, so the figures on screen may have changed.
      void get().loadUsageSummary();
    }
    return result;
  },

  deletePrice: async (id) => {
    const result = await api.prices.delete({ id });
    if (result.ok) {
      set((s) => ({ prices: s.prices.filter((p) => p.id !== id) }));
      void get().loadUsageSummary();
    }
    return result;
  },

  loadThreadTotals: async (threadId) => {
    get().ensureUsageSync();
    const result = await api.usage.summary({
      from: 0,
      to: Date.now() + 86_400_000,
      threadId,
      tzOffsetMinutes: 0,
    });
    if (result.ok) set((s) => ({ threadTotals: { ...s.threadTotals, [threadId]: result.value.totals } }));
  },
});
