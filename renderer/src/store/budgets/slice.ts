import type {
  AppError,
  Budget,
  BudgetInput,
  BudgetStatus,
  CatalogueInfo,
  CostSettings,
  ExchangeRate,
  ExchangeRateInput,
  Reconciliation,
  ThreadCost,
} from '../../../../main/contract';
import type { Result } from '../../../../main/contract/errors';
import { api } from '../../bridge/api';
import type { SliceCreator } from '../types';
import { describeBudget, formatAmount } from './format';

export interface BudgetsSlice {
  budgets: BudgetStatus[];
  budgetsError: AppError | null;
  /** Subscribes once to alerts and ledger changes; safe to call from many components. */
  ensureBudgetsSync(): void;
  loadBudgets(): Promise<void>;
  saveBudget(input: BudgetInput): Promise<Result<Budget>>;
  deleteBudget(id: string): Promise<void>;
  /** "Send anyway once": the next send past this budget goes through, and is recorded. */
  allowBudgetOnce(id: string): Promise<void>;

  /** Per thread: its cost and the shown branch's, kept fresh as answers finish. */
  threadCosts: Record<string, ThreadCost>;
  /** Reads a thread's cost for the branch ending at `leafId`; again on every ledger change. */
  watchThreadCost(threadId: string, leafId: string | null): void;
  exchangeRates: ExchangeRate[];
  costSettings: CostSettings | null;
  catalogue: CatalogueInfo | null;
  reconciliations: Reconciliation[];
  /** Rates, cost settings, the catalogue's age and the balance check (the Budgets panel). */
  loadCostDetails(): Promise<void>;
  /** The catalogue's date and age alone (where a figure priced by it is shown). */
  loadCatalogue(): Promise<void>;
  saveExchangeRate(input: ExchangeRateInput): Promise<Result<ExchangeRate>>;
  deleteExchangeRate(id: string): Promise<void>;
  saveCostSettings(patch: {
    convertTo?: string | null;
    staleAfterDays?: number;
  }): Promise<Result<CostSettings>>;
}

/** The balance check looks back this far. */
const RECONCILE_DAYS = 30;
let watched: { threadId: string; leafId: string | null } | null = null;

let syncing = false;

export const createBudgetsSlice: SliceCreator<BudgetsSlice> = (set, get) => ({
  budgets: [],
  budgetsError: null,

  ensureBudgetsSync: () => {
    if (syncing) return;
    syncing = true;
    api.budgets.onAlert(({ status, threshold }) => {
      const { budget } = status;
      const message = `${describeBudget(budget)} is at ${threshold} %: ${formatAmount(status.spent, budget.unit)} of ${formatAmount(budget.limit, budget.unit)}.${threshold >= 100 && budget.action === 'block' ? ' Sending is blocked until it resets.' : ''}`;
      get().toast(threshold >= 100 ? 'error' : 'info', message, {
        label: 'Budgets',
        run: () => get().setScreen('usage'),
      });
      // A notice from the OS too, where the window is out of sight.
      if (typeof Notification !== 'undefined' && document.hidden && Notification.permission === 'granted')
        new Notification('LLM Desk budget', { body: message });
      void get().loadBudgets();
    });
    api.usage.onChanged(() => {
      if (get().budgets.length > 0) void get().loadBudgets();
      // An answer finished (or a request failed): the open thread's cost moves with it.
      if (watched) get().watchThreadCost(watched.threadId, watched.leafId);
      if (get().reconciliations.length > 0) void get().loadCostDetails();
    });
    void get().loadBudgets();
  },

  loadBudgets: async () => {
    const result = await api.budgets.list({});
    if (result.ok) set({ budgets: result.value, budgetsError: null });
    else set({ budgetsError: result.error });
  },

  saveBudget: async (input) => {
    const result = await api.budgets.save(input);
    if (result.ok) await get().loadBudgets();
    return result;
  },

  deleteBudget: async (id) => {
    const result = await api.budgets.delete({ id });
    if (!result.ok) set({ budgetsError: result.error });
    await get().loadBudgets();
  },

  threadCosts: {},
  watchThreadCost: (threadId, leafId) => {
    get().ensureBudgetsSync();
    watched = { threadId, leafId };
    void api.budgets.threadCost({ threadId, leafId }).then((result) => {
      // A reply for a branch or thread no longer shown is dropped.
      if (!result.ok || watched?.threadId !== threadId || watched.leafId !== leafId) return;
      set({ threadCosts: { ...get().threadCosts, [threadId]: result.value } });
    });
  },
  exchangeRates: [],
  costSettings: null,
  catalogue: null,
  reconciliations: [],
  loadCostDetails: async () => {
    const to = Date.now() + 1;
    const [rates, settings, catalogue, balances] = await Promise.all([
      api.budgets.rates({}),
      api.budgets.settings({}),
      api.budgets.catalogue({}),
      api.budgets.reconcile({ from: to - RECONCILE_DAYS * 86_400_000, to }),
    ]);
    set({
      ...(rates.ok ? { exchangeRates: rates.value } : {}),
      ...(settings.ok ? { costSettings: settings.value } : {}),
      ...(catalogue.ok ? { catalogue: catalogue.value } : {}),
      ...(balances.ok ? { reconciliations: balances.value } : {}),
    });
  },
  loadCatalogue: async () => {
    const result = await api.budgets.catalogue({});
    if (result.ok) set({ catalogue: result.value });
  },
  saveExchangeRate: async (input) => {
    const result = await api.budgets.saveRate(input);
    if (result.ok) await Promise.all([get().loadCostDetails(), get().loadBudgets()]);
    return result;
  },
  deleteExchangeRate: async (id) => {
    const result = await api.budgets.deleteRate({ id });
    if (!result.ok) set({ budgetsError: result.error });
    await Promise.all([get().loadCostDetails(), get().loadBudgets()]);
  },
  saveCostSettings: async (patch) => {
    const result = await api.budgets.settings(patch);
    if (result.ok) {
      set({ costSettings: result.value });
      await get().loadCostDetails();
      if (watched) get().watchThreadCost(watched.threadId, watched.leafId);
    }
    return result;
  },

  allowBudgetOnce: async (id) => {
    const result = await api.budgets.allowOnce({ budgetId: id });
    if (!result.ok) set({ budgetsError: result.error });
    else
      get().toast(
        'success',
        'Send again: the next send past this budget goes through, once, and is recorded.',
      );
    await get().loadBudgets();
  },
});
