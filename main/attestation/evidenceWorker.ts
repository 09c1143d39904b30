import { parentPort, threadId } from 'node:worker_threads';
import type { EvidenceReply, EvidenceRequest } from './worker/protocol';
import { runEvidenceJob } from './worker/run';

/**
 * The evidence worker: provider reports (three quote chains, event-log replays, 8 GPU evidences:
 * tens of milliseconds of CPU) are checked here, one at a time, so main's event loop never waits
 * on them. Bundled by scripts/build.mjs as `evidenceWorker.cjs` beside main.
 */
const port = parentPort;
if (!port) throw new Error('the evidence worker must run in a worker thread');

port.on('message', ({ id, job }: EvidenceRequest) => {
  let reply: EvidenceReply;
  // Electron's Node may predate threadCpuUsage: the figure is then left out (0).
  const cpu = typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage : null;
  const started = cpu?.();
  try {
    const result = runEvidenceJob(job);
    const used = cpu && started ? cpu(started) : { user: 0, system: 0 };
    reply = { id, ok: true, result, threadId, cpuMs: (used.user + used.system) / 1000 };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
