import { parentPort } from 'node:worker_threads';
import type { CheckReply, CheckRequest } from './checkRunner';
import { judgeLocal } from './checks';

/**
 * The checks worker: judges one check at a time, so a pattern or schema that takes seconds on a
 * long answer holds this thread, never main's; main stops it when the check's time is up.
 */
const port = parentPort;
if (!port) throw new Error('the checks worker must run in a worker thread');

port.on('message', (request: CheckRequest) => {
  let reply: CheckReply;
  try {
    reply = { id: request.id, ...judgeLocal(request.check, request.outcome, request.responseFormat) };
  } catch (error) {
    reply = {
      id: request.id,
      pass: false,
      evidence: `The check could not run: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  port.postMessage(reply);
});
port.postMessage('ready');
