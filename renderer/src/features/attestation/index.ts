// Verified confidential inference (issue 14): what other screens place, one line each.
export { AnswerShield } from './AnswerShield';
export { ComposerBadge } from './ComposerBadge';
export { AttestationPanel } from './AttestationPanel';
