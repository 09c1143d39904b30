import { spawnSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** The last commit before the results grid drew only the columns in view (issue 17's second pass). */
export const BASELINE_COMMIT = '7f940bf';
const TREE = '/tmp/llmdesk-experiments-base';

/**
 * The renderer of BASELINE_COMMIT, built in a temporary git worktree under /tmp (the main tree is
 * never touched) with this tree's node_modules. Today's services serve it: the contract since
 * then only added fields.
 */
export function baselineRenderer(): { dir: string | null; reason: string } {
  const git = (...args: string[]) => spawnSync('git', args, { encoding: 'utf8' });
  if (!existsSync(join(TREE, '.git'))) {
    const added = git('worktree', 'add', '--detach', TREE, BASELINE_COMMIT);
    if (added.status !== 0) return { dir: null, reason: `git worktree add failed: ${added.stderr.trim()}` };
  }
  const head = spawnSync('git', ['rev-parse', '--short=7', 'HEAD'], { cwd: TREE, encoding: 'utf8' });
  if (head.stdout.trim() !== BASELINE_COMMIT)
    return { dir: null, reason: `${TREE} holds ${head.stdout.trim()}, not ${BASELINE_COMMIT}` };
  if (!existsSync(join(TREE, 'node_modules')))
    symlinkSync(join(process.cwd(), 'node_modules'), join(TREE, 'node_modules'));
  if (!existsSync(join(TREE, 'out/renderer/index.html'))) {
    console.log(`  grid: building the renderer of ${BASELINE_COMMIT} in ${TREE}…`);
    const built = spawnSync(process.execPath, ['scripts/build.mjs', '--renderer'], {
      cwd: TREE,
      stdio: 'inherit',
    });
    if (built.status !== 0) return { dir: null, reason: `its build failed (exit ${built.status})` };
  }
  return { dir: join(TREE, 'out/renderer'), reason: '' };
}
