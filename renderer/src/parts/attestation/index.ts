import { lazy } from 'react';
// Verified confidential inference (issue 14): what other screens place, one line each.
export { AnswerShield } from './AnswerShield';
export { ComposerBadge } from './ComposerBadge';
export const AttestationPanel = lazy(() =>
  import('./AttestationPanel').then((m) => ({ default: m.AttestationPanel })),
);
