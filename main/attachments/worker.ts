import { parentPort } from 'node:worker_threads';
import type { ReadReply, ReadRequest } from './protocol';
import { readFile } from './read';

/** The attachments worker: one file at a time, so a PDF bomb holds this thread, never main's. */
const port = parentPort;
if (!port) throw new Error('the attachments worker must run in a worker thread');

port.on('message', (request: ReadRequest) => {
  readFile(request)
    .catch((error: unknown): ReadReply => ({
      id: request.id,
      ok: false,
      message: `it could not be read (${error instanceof Error ? error.message : String(error)})`,
    }))
    .then(
      (reply) => {
        const transfer: ArrayBuffer[] = [];
        if (reply.ok) {
          const r = reply.result;
          transfer.push(r.bytes.buffer as ArrayBuffer);
          if (r.kind === 'pdf') transfer.push(r.text.buffer as ArrayBuffer);
        }
        port.postMessage(reply, [...new Set(transfer)]);
      },
      () => undefined,
    );
});
