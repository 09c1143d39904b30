// The usage part's public entry: the inline figures other screens show (a thread's totals, an
// answer's usage line) and the wording of money, tokens and dates. The Usage screen is features/usage.
export { ThreadUsageTotals } from './ThreadUsageTotals';
export { UsageLine } from './UsageLine';
export {
  formatCompact,
  formatCost,
  formatCostTick,
  formatCredits,
  formatDateTime,
  formatDay,
  formatDuration,
  formatInteger,
  formatPercent,
  formatRate,
} from '../../platform/format';
