import { lazy } from 'react';
// The usage feature's public entry: its screen, the inline figures other screens show, money wording.
// The screen loads when first opened (code splitting keeps the first screen small).
export const UsageScreen = lazy(() => import('./UsageScreen').then((m) => ({ default: m.UsageScreen })));
export { ThreadUsageTotals } from './ThreadUsageTotals';
export { UsageLine } from './UsageLine';
export { formatCost, formatCredits } from './format';
