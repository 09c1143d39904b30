import { parentPort } from 'node:worker_threads';
import { drawPages } from './pdfPages';
import type { WorkerReply, WorkerRequest } from './protocol';
import { readFile } from './read';

/** The attachments worker: one file at a time, so a PDF bomb holds this thread, never main's. */
const port = parentPort;
if (!port) throw new Error('the attachments worker must run in a worker thread');

function transferOf(reply: WorkerReply): ArrayBuffer[] {
  if (!reply.ok) return [];
  if ('images' in reply) return reply.images.map((image) => image.png.buffer as ArrayBuffer);
  const r = reply.result;
  return [r.bytes.buffer as ArrayBuffer, ...(r.kind === 'pdf' ? [r.text.buffer as ArrayBuffer] : [])];
}

port.on('message', (request: WorkerRequest) => {
  const work: Promise<WorkerReply> =
    request.op === 'pages' ? drawPages(request.id, request.bytes, request.maxEdge) : readFile(request);
  work
    .catch((error: unknown): WorkerReply => ({
      id: request.id,
      ok: false,
      message: `it could not be read (${error instanceof Error ? error.message : String(error)})`,
    }))
    .then(
      (reply) => port.postMessage(reply, [...new Set(transferOf(reply))]),
      () => undefined,
    );
});
