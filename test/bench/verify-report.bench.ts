// verify.report_ms: a full offline check of NEAR AI Cloud's recorded two-layer report (three TDX
// quote chains, report_data bindings, two event-log replays with compose hashes, the signing key,
// 8 GPU SPDM evidences and their chains), as the app runs it: a job posted to the evidence worker
// (main/attestation/evidenceWorker.ts) and its transcript back, timed from main. The target is wall
// time (p50 of 20 warm runs); the first run, the worker thread's CPU time and the longest main's
// event loop waited meanwhile are printed beside it.
import { EvidenceVerifier } from '../../main/attestation/worker/client';
import type { CheckJob as EvidenceJob } from '../../main/attestation/worker/protocol';
import { NEAR_TIME, NONCE, nearReport } from '../attestation/evidence/samples';
import { sourceEvidenceWorker } from '../attestation/workerSupport';
import type { BenchResult } from './types';

const RUNS = 21;
const TARGET_MS = 150;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function run(): Promise<BenchResult[]> {
  const verifier = new EvidenceVerifier(sourceEvidenceWorker());
  const job: EvidenceJob = {
    kind: 'report',
    input: { body: nearReport(), nonce: NONCE, now: NEAR_TIME, pins: [], model: 'zai-org/GLM-5.1-FP8' },
  };
  // Main's event loop while the worker checks: the longest gap between 1 ms timers.
  let last = performance.now();
  let worstGap = 0;
  let ticking = true;
  const tick = () => {
    const now = performance.now();
    worstGap = Math.max(worstGap, now - last);
    last = now;
    if (ticking) setTimeout(tick, 1);
  };
  try {
    // The worker's own start (tsx compiling the source here; a bundle in the app) is not a check.
    await verifier.run({ ...job, input: { ...job.input, body: 'warm-up' } });
    last = performance.now();
    setTimeout(tick, 1);
    const times: number[] = [];
    let level = '';
    let failed: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const result = await verifier.run(job);
      times.push(performance.now() - started);
      level = result.level;
      failed = result.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    }
    ticking = false;
    const verified = failed.length === 0 && level === 'hardware-bound';
    if (!verified) console.log(`  the report did not verify: ${failed.join(', ') || level}`);
    const [cold, ...warm] = times;
    const cpu = median(verifier.stats.workerCpuMs.slice(2));
    console.log(`  main's event loop waited at most ${worstGap.toFixed(1)} ms meanwhile`);
    return [
      {
        name: 'verify.report_ms',
        value: median(warm),
        unit: 'ms',
        target: `≤ ${TARGET_MS} (p50)`,
        pass: verified && median(warm) <= TARGET_MS,
      },
      {
        name: 'verify.report_cold_ms',
        value: cold!,
        unit: 'ms',
        target: `≤ ${TARGET_MS} (1st)`,
        pass: verified && cold! <= TARGET_MS,
        stretch: true,
      },
      {
        // The worker thread's own CPU time: what the check costs when other processes share the cores.
        name: 'verify.report_cpu_ms',
        value: cpu,
        unit: 'ms',
        target: `≤ ${TARGET_MS} (p50 CPU)`,
        pass: verified && cpu <= TARGET_MS,
        stretch: true,
      },
      {
        name: 'verify.report_main_loop_max_ms',
        value: worstGap,
        unit: 'ms',
        target: 'info (main while the worker checks)',
        pass: verified,
        stretch: true,
      },
    ];
  } finally {
    ticking = false;
    await verifier.close();
  }
}
