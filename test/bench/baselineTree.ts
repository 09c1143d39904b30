import { spawnSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A built checkout of `commit` in a git worktree at `tree` under /tmp (the main tree is never
 * touched), sharing this tree's node_modules; built once with `scripts/build.mjs ...buildArgs`.
 * The benches that compare with an earlier commit (startup, the experiments grid) start here.
 */
export function builtWorktree(
  commit: string,
  tree: string,
  label: string,
  buildArgs: string[] = [],
): { root: string | null; reason: string } {
  if (!existsSync(join(tree, '.git'))) {
    const added = spawnSync('git', ['worktree', 'add', '--detach', tree, commit], { encoding: 'utf8' });
    if (added.status !== 0) return { root: null, reason: `git worktree add failed: ${added.stderr.trim()}` };
  }
  const head = spawnSync('git', ['rev-parse', '--short=7', 'HEAD'], { cwd: tree, encoding: 'utf8' });
  if (head.stdout.trim() !== commit)
    return { root: null, reason: `${tree} holds ${head.stdout.trim()}, not ${commit}` };
  if (!existsSync(join(tree, 'node_modules')))
    symlinkSync(join(process.cwd(), 'node_modules'), join(tree, 'node_modules'));
  if (!existsSync(join(tree, 'out/renderer/index.html'))) {
    console.log(`  ${label}: building ${commit} in ${tree}…`);
    const built = spawnSync(process.execPath, ['scripts/build.mjs', ...buildArgs], {
      cwd: tree,
      stdio: 'inherit',
    });
    if (built.status !== 0) return { root: null, reason: `its build failed (exit ${built.status})` };
  }
  return { root: tree, reason: '' };
}
