import { spawnSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** The last commit before issue 13's work (its first commit, 51387e5, sits right on top of it). */
export const BASELINE_COMMIT = '2471050';
const TREE = `/tmp/llmdesk-base`;

/**
 * A built checkout of BASELINE_COMMIT in a temporary git worktree under /tmp (the main tree is
 * never touched), sharing this tree's node_modules (that commit's dependencies are a subset).
 */
export function baselineTree(): { root: string | null; reason: string } {
  const git = (...args: string[]) => spawnSync('git', args, { encoding: 'utf8' });
  if (!existsSync(join(TREE, '.git'))) {
    const added = git('worktree', 'add', '--detach', TREE, BASELINE_COMMIT);
    if (added.status !== 0) return { root: null, reason: `git worktree add failed: ${added.stderr.trim()}` };
  }
  const head = spawnSync('git', ['rev-parse', '--short=7', 'HEAD'], { cwd: TREE, encoding: 'utf8' });
  if (head.stdout.trim() !== BASELINE_COMMIT)
    return { root: null, reason: `${TREE} holds ${head.stdout.trim()}, not ${BASELINE_COMMIT}` };
  if (!existsSync(join(TREE, 'node_modules')))
    symlinkSync(join(process.cwd(), 'node_modules'), join(TREE, 'node_modules'));
  if (!existsSync(join(TREE, 'out/renderer/index.html'))) {
    console.log(`  startup: building ${BASELINE_COMMIT} in ${TREE}…`);
    const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: TREE, stdio: 'inherit' });
    if (built.status !== 0) return { root: null, reason: `its build failed (exit ${built.status})` };
  }
  return { root: TREE, reason: '' };
}
