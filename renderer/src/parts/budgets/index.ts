// The budgets part's public entry: what screens may embed (lint: no deep imports).
export { BudgetsPanel } from './BudgetsPanel';
