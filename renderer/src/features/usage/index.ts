import { lazy } from 'react';
// The usage feature's public entry: its screen, which only the shell mounts (nav routing). The
// inline figures other screens show and the money wording are in parts/usage.
// The screen loads when first opened (code splitting keeps the first screen small).
export const UsageScreen = lazy(() => import('./UsageScreen').then((m) => ({ default: m.UsageScreen })));
