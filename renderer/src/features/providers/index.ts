import { lazy } from 'react';
// The providers feature's public entry: its screen.
// The screen loads when first opened (code splitting keeps the first screen small).
export const ProvidersScreen = lazy(() =>
  import('./ProvidersScreen').then((m) => ({ default: m.ProvidersScreen })),
);
