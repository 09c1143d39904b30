import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { pathToFileURL } from 'node:url';
import type { Message, Thread } from '../contract';
import type { AttachmentsPort, ThreadsPort } from '../chat/ports';
import type { RunPlan } from '../chat/request/plan';
import type { EventSink } from '../ipc/handlers';
import type { ModelsService } from '../models/service';
import { BlobStore } from './blobStore';
import { attachmentHandlers, attachmentsPort } from './handlers';
import { requestBodyCodec } from './requestBodies';
import { AttachmentsService } from './service';
import { messageForWindow, windowEvents } from './windowBodies';
import type { WorkerSpec } from './workerClient';
import { AttachmentReader } from './workerClient';

export interface AttachmentsOptions {
  db: DatabaseSync;
  threads: Pick<ThreadsPort, 'getThread' | 'activePath' | 'getMessage'>;
  models: Pick<ModelsService, 'describe' | 'list'>;
  estimateTokens: (text: string) => number;
  now: () => number;
  /** The bundled worker (`attachmentsWorker.cjs`); null reads files on main's thread (unit tests only). */
  worker: WorkerSpec | null;
}

/** The bundled worker sits next to the search worker (both built by scripts/build.mjs). */
export function bundledWorker(searchWorkerFile: string | null | undefined): WorkerSpec | null {
  if (!searchWorkerFile) return null;
  const file = join(dirname(searchWorkerFile), 'attachmentsWorker.cjs');
  return existsSync(file) ? { url: pathToFileURL(file) } : null;
}

/** The attachments service, the chat engine's port to it, and its channels. */
export function createAttachments(options: AttachmentsOptions) {
  const reader = new AttachmentReader(options.worker);
  const blobs = new BlobStore(options.db, options.now);
  const service = new AttachmentsService({
    blobs,
    reader,
    providerOf: (threadId) => options.threads.getThread(threadId).settings.providerId,
  });
  const deps = {
    service,
    threads: options.threads,
    models: options.models,
    estimateTokens: options.estimateTokens,
    contextOf: async (providerId: string, model: string) =>
      (await options.models.list(providerId)).models.find((m) => m.id === model)?.contextLength ?? null,
  };
  const port: AttachmentsPort = attachmentsPort(deps);
  const sizeOf = (sha256: string) => blobs.sizeOf(sha256);
  return {
    service,
    blobs,
    port,
    /** How the threads store keeps request bodies: base64 of stored files as references. */
    bodies: requestBodyCodec(service.bodyBlobs),
    /** A message as the window gets it: a large request body with its files elided. */
    forWindow: <M extends Message>(message: M): M => messageForWindow(message, sizeOf),
    /** The chat engine's events as the window gets them (see windowBodies.ts). */
    windowEvents: (sink: EventSink): EventSink => windowEvents(sink, sizeOf),
    handlers: (plan: (thread: Thread, path: readonly Message[]) => Promise<RunPlan>) =>
      attachmentHandlers({ ...deps, plan }),
    close: () => reader.close(),
  };
}
