// The usage feature's public entry: its screen, the inline figures other screens show, money wording.
export { UsageScreen } from './UsageScreen';
export { ThreadUsageTotals } from './ThreadUsageTotals';
export { UsageLine } from './UsageLine';
export { formatCost, formatCredits } from './format';
