import { builtWorktree } from '../baselineTree';

/** The last commit before issue 13's work (its first commit, 51387e5, sits right on top of it). */
export const BASELINE_COMMIT = '2471050';

/** A built checkout of BASELINE_COMMIT (that commit's dependencies are a subset of this tree's). */
export const baselineTree = (): { root: string | null; reason: string } =>
  builtWorktree(BASELINE_COMMIT, '/tmp/llmdesk-base', 'startup');
