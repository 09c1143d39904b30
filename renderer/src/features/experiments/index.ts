import { lazy } from 'react';
// The experiments feature's public entry: its screen.
// The screen loads when first opened (code splitting keeps the first screen small).
export const ExperimentsScreen = lazy(() =>
  import('./ExperimentsScreen').then((m) => ({ default: m.ExperimentsScreen })),
);
