// The budgets feature's public entry: what other features may embed (lint: no deep imports).
export { BudgetsPanel } from './BudgetsPanel';
