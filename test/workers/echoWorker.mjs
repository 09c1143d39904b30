// A worker for main/workers/jobWorker.ts's tests: echoes, waits for ever, throws, or exits on
// request, so each failure the helper must survive can be caused on purpose.
import process from 'node:process';
import { parentPort, threadId } from 'node:worker_threads';

parentPort.on('message', ({ id, op }) => {
  if (op === 'hang') return;
  if (op === 'exit') process.exit(3);
  if (op === 'throw') throw new Error('boom');
  if (op === 'hog') {
    const kept = [];
    for (;;) kept.push(new Array(1e6).fill(id));
  }
  parentPort.postMessage({ id, threadId, echo: op });
});
