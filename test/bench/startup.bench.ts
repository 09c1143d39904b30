// `startup.*`: what the app costs before its first screen is shown.
import { join } from 'node:path';
import { ensureBuilt } from './render/app';
import { figure } from './render/stats';
import { initialJs } from './startupAssets';
import type { BenchResult } from './types';

export async function run(): Promise<BenchResult[]> {
  ensureBuilt();
  const initial = initialJs(join(process.cwd(), 'out/renderer'));
  console.log(`  initial JS: ${initial.files.join(', ')}`);
  console.log(`  loaded when first needed: ${initial.lazyFiles.join(', ') || 'nothing'}`);
  return Promise.resolve([
    figure('startup.initial_js_kb', initial.gzipBytes / 1024, 'KB gzip', '≤ 350 KB', (v) => v <= 350),
  ]);
}
