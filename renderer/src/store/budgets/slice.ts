import type { AppError, Budget, BudgetInput, BudgetStatus } from '../../../../main/contract';
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
}

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
