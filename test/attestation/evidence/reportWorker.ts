// Runs verifyNearReport in a worker thread, as the app does off the UI thread, and posts the
// timings and the last verdict back (a structured clone: the verdict is plain data).
import { parentPort } from 'node:worker_threads';
import { verifyNearReport } from '../../../main/attestation/evidence';

export interface ReportJob {
  report: string;
  nonce: string;
  now: string;
  runs: number;
}

parentPort?.on('message', (job: ReportJob) => {
  const times: number[] = [];
  // CPU time of this thread alone: on a loaded machine wall time also counts other processes.
  const cpu: number[] = [];
  let verdict: ReturnType<typeof verifyNearReport> | undefined;
  for (let i = 0; i < job.runs; i++) {
    const started = performance.now();
    const cpuStarted = process.threadCpuUsage();
    verdict = verifyNearReport({ report: job.report, nonce: job.nonce, now: new Date(job.now) });
    const used = process.threadCpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  parentPort?.postMessage({ times, cpu, verdict });
});
