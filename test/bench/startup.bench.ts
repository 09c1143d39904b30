// `startup.*`: what the app costs before its first screen is shown and can be used.
import { join } from 'node:path';
import { launchChromium } from '../e2e/browser';
import { ensureBuilt } from './render/app';
import { figure, median } from './render/stats';
import { baselineTree, BASELINE_COMMIT } from './startup/baseline';
import {
  corpusFile,
  firstUsable,
  profileAfterStart,
  serveBuild,
  type ServedBuild,
} from './startup/firstUsable';
import { initialJs } from './startupAssets';
import type { BenchResult } from './types';

/** STARTUP_MESSAGES shortens the corpus for a quick run on a busy machine (the figure needs 1M). */
const MESSAGES = Number(process.env.STARTUP_MESSAGES ?? 1_000_000);
const ROUNDS = Number(process.env.STARTUP_ROUNDS ?? 7);

/**
 * `startup.first_usable_ms`: cold starts (a fresh browser context each, with the renderer storage
 * one earlier start left, as at any start but the first: see profileAfterStart) of the built app over the
 * test bridge on a database of 1,000,000 messages, from navigation to a focused message box that
 * takes typing with the newest thread's messages painted. The build of the commit before issue
 * 13's work is measured the same way in the same run, its rounds alternating with today's, and
 * reported beside it; when it cannot be built or run the reason is printed and its figure is NaN.
 */
async function firstUsableFigure(): Promise<BenchResult> {
  const base = baselineTree();
  // Written with the older schema when there is a baseline: today's build migrates its copy forward.
  const corpus = corpusFile(base.root ?? process.cwd(), base.root ? BASELINE_COMMIT : 'today', MESSAGES);
  const browser = await launchChromium();
  type Build = { name: string; served: ServedBuild; times: number[]; drawn: number[]; unfocused: number };
  const builds: (Build & { profile?: Awaited<ReturnType<typeof profileAfterStart>> })[] = [];
  try {
    builds.push({
      name: 'today',
      served: await serveBuild(process.cwd(), corpus),
      times: [],
      drawn: [],
      unfocused: 0,
    });
    if (base.root) {
      try {
        builds.push({
          name: BASELINE_COMMIT,
          served: await serveBuild(base.root, corpus),
          times: [],
          drawn: [],
          unfocused: 0,
        });
      } catch (error) {
        console.log(`  startup: the build of ${BASELINE_COMMIT} could not run: ${String(error)}`);
      }
    } else console.log(`  startup: no baseline: ${base.reason}`);
    // One start each first, not counted: it warms the bridge's caches, and leaves the profile
    // (the renderer's storage) a user has at every start after their first one.
    for (const build of builds) build.profile = await profileAfterStart(browser, build.served.url);
    for (let round = 0; round < ROUNDS; round++)
      for (const build of builds) {
        const start = await firstUsable(browser, build.served.url, undefined, build.profile);
        build.times.push(start.ms);
        build.drawn.push(start.drawnMs);
        if (!start.focused) build.unfocused++;
      }
  } finally {
    for (const build of builds) await build.served.close();
    await browser.close();
  }
  for (const build of builds)
    console.log(
      `  startup: ${build.name}: ${build.times.map((t) => t.toFixed(0)).join(', ')} ms` +
        `; the app drew the window itself at ${build.drawn.map((t) => t.toFixed(0)).join(', ')} ms` +
        (build.unfocused > 0
          ? ` (${build.unfocused} of ${build.times.length} starts never focused the message box: timed to a typeable box, a click short of usable)`
          : ''),
    );
  // Today's build must focus the box itself: a start that does not is not usable, whatever its time.
  const today = builds[0]?.unfocused ? Number.NaN : median(builds[0]?.times ?? []);
  const before = median(builds[1]?.times ?? []);
  return {
    ...figure('startup.first_usable_ms', today, 'ms', '≤ 400 ms', (v) => v <= 400),
    baseline: { label: `the build of ${BASELINE_COMMIT}, before issue 13`, value: before },
  };
}

export async function run(): Promise<BenchResult[]> {
  ensureBuilt();
  const initial = initialJs(join(process.cwd(), 'out/renderer'));
  console.log(`  initial JS: ${initial.files.join(', ')}`);
  console.log(`  loaded when first needed: ${initial.lazyFiles.join(', ') || 'nothing'}`);
  return [
    figure('startup.initial_js_kb', initial.gzipBytes / 1024, 'KB gzip', '≤ 350 KB', (v) => v <= 350),
    await firstUsableFigure(),
  ];
}
