import { join } from 'node:path';
import { builtWorktree } from '../baselineTree';

/** The last commit before the results grid drew only the columns in view (issue 17's second pass). */
export const BASELINE_COMMIT = '7f940bf';

/**
 * The renderer of BASELINE_COMMIT, built in its own worktree. Today's services serve it: the
 * contract since then only added fields.
 */
export function baselineRenderer(): { dir: string | null; reason: string } {
  const built = builtWorktree(BASELINE_COMMIT, '/tmp/llmdesk-experiments-base', 'grid', ['--renderer']);
  return { dir: built.root === null ? null : join(built.root, 'out/renderer'), reason: built.reason };
}
