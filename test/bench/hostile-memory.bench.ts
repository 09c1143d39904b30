// memory.main_rss_peak_hostile_mb: the peak resident memory of a fresh process that reads a gzip
// bomb (256 MB unpacked), a 500 MB body and an endless line from a loopback server through the
// real exchange (fetch, hashing, SSE parsing, assembly, raw event log) with the default limits.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { installHostileRoutes } from '../hostile/scenarios';
import { startHostileServer } from '../hostile/server';
import type { BenchResult } from './types';

const TARGET_MB = 400;

export async function run(): Promise<BenchResult[]> {
  const api = await startHostileServer();
  try {
    await installHostileRoutes(api);
    const child = join(process.cwd(), 'test/bench/hostile-memory.child.ts');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, api.origin], {
      timeout: 120_000,
    });
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      peakMb: number;
      cuts: Record<string, { bytesRead: number; message: string }>;
    };
    const allCut = Object.values(report.cuts).every((c) => c.message !== 'not cut');
    return [
      {
        name: 'memory.main_rss_peak_hostile_mb',
        value: report.peakMb,
        unit: 'MB',
        target: `≤ ${TARGET_MB} MB`,
        pass: allCut && report.peakMb <= TARGET_MB,
      },
    ];
  } finally {
    await api.close();
  }
}
