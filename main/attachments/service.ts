import { createHash, randomUUID } from 'node:crypto';
import type {
  AttachmentChoice,
  AttachmentLimits,
  AttachmentRef,
  Capabilities,
  ImageDetail,
  Message,
  StagedAttachment,
} from '../contract';
import { AppFailure, AttachmentLimits as LimitsSchema, DEFAULT_ATTACHMENT_LIMITS } from '../contract';
import type { Blob, BlobStore } from './blobStore';
import { ImageRefusal } from './image';
import { prepared } from './prepare';
import { drawPdfPages } from './pages';
import type { ContentPart, LoadBlob } from './parts';
import { decide, partCapabilities, wireParts } from './parts';
import type { BodyBlobSource } from './requestBodies';
import { wireName } from './text';
import type { Sizing } from './sizing';
import { Sizings } from './sizing';
import type { AttachmentReader } from './workerClient';

interface Staged {
  ref: AttachmentRef;
  blobs: Blob[];
  bytes: number;
  /** A PDF's pages being drawn or drawn (drawPages), or why they could not be. */
  drawing?: Promise<void>;
  pagesRefused?: string;
}

/** Files read but not yet sent may hold this much memory in main; more waits for a Send or a removal. */
const STAGED_MAX_BYTES = 256 * 1024 * 1024;
/** Base64 of recently sent blobs, so every turn of a thread does not re-encode the same photo. */
const BASE64_CACHE_BYTES = 64 * 1024 * 1024;

const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export interface AttachmentsDeps {
  blobs: BlobStore;
  reader: AttachmentReader;
  /** The provider a thread sends to, for its image limits. */
  providerOf: (threadId: string) => string | null;
}

/** Staging, storage and wire parts of attachments; the chat engine asks it for parts. */
export class AttachmentsService {
  private readonly staged = new Map<string, Staged>();
  private stagedBytes = 0;
  private readonly base64Cache = new Map<string, string>();
  private cachedBytes = 0;

  constructor(private readonly deps: AttachmentsDeps) {
    deps.blobs.sweep();
  }

  limits(providerId: string | null): AttachmentLimits {
    return providerId ? this.deps.blobs.limits(providerId) : DEFAULT_ATTACHMENT_LIMITS;
  }

  setLimits(providerId: string, patch: Partial<AttachmentLimits>): AttachmentLimits {
    const limits = LimitsSchema.parse({ ...this.deps.blobs.limits(providerId), ...patch });
    this.deps.blobs.setLimits(providerId, limits);
    return limits;
  }

  async stage(input: {
    threadId: string;
    name: string;
    dataBase64: string;
    detail: ImageDetail;
  }): Promise<StagedAttachment> {
    const name = wireName(input.name);
    const fail = (reason: string): never => {
      throw new AppFailure('invalid_request', `${name.name}: ${reason}`, {
        detail: { field: 'attachments' },
      });
    };
    if (input.dataBase64.length === 0) fail('the file is empty (0 bytes): nothing to attach');
    if (this.stagedBytes > STAGED_MAX_BYTES)
      fail(`files waiting to be sent already take ${mb(this.stagedBytes)}; send or remove some first`);
    const limits = this.limits(this.deps.providerOf(input.threadId));
    const reply = await this.deps.reader.read(input.dataBase64, name.name);
    if (!reply.ok) return fail(reply.message);
    const staged = await prepared(reply.result, reply.originalBytes, input, limits).catch(
      (error: unknown) => {
        if (error instanceof ImageRefusal) return fail(error.message);
        throw error;
      },
    );
    if (name.note) staged.ref.notes.push(name.note);
    const id = randomUUID();
    this.staged.set(id, staged);
    this.stagedBytes += staged.bytes;
    return { id, ref: staged.ref };
  }

  discard(id: string): boolean {
    const staged = this.staged.get(id);
    if (!staged) return false;
    this.staged.delete(id);
    this.stagedBytes -= staged.bytes;
    return true;
  }

  storage(): { files: number; bytes: number } {
    return this.deps.blobs.usage();
  }

  /** The refs a Send carries, with the user's choices applied; unknown ids are refused. */
  refsFor(choices: readonly AttachmentChoice[]): AttachmentRef[] {
    return choices.map((choice) => {
      const staged = this.staged.get(choice.id);
      if (!staged) {
        throw new AppFailure(
          'invalid_request',
          'An attached file is no longer held (the app restarted?); attach it again.',
          {
            detail: { field: 'attachments' },
          },
        );
      }
      const ref: AttachmentRef = { ...staged.ref };
      if (ref.kind === 'image') ref.detail = choice.detail ?? ref.detail ?? 'auto';
      if (ref.kind === 'pdf' && choice.pdfAs) ref.pdfAs = choice.pdfAs;
      if (choice.useAnyway) ref.useAnyway = true;
      return ref;
    });
  }

  /**
   * Draws the pages of the staged PDFs that `wanted` says go as images, once each; the preflight
   * calls this, so Send finds them drawn. A refusal (a page bomb, a page too slow to draw) is kept
   * and said instead of the pages.
   */
  async drawPages(
    choices: readonly AttachmentChoice[],
    wanted: (ref: AttachmentRef) => boolean,
    limits: AttachmentLimits,
  ): Promise<void> {
    await Promise.all(
      choices.map((choice) => {
        const staged = this.staged.get(choice.id);
        if (!staged || staged.ref.kind !== 'pdf' || staged.ref.pageImages) return staged?.drawing;
        if (!wanted({ ...staged.ref, ...(choice.pdfAs ? { pdfAs: choice.pdfAs } : {}) })) return undefined;
        const pdf = staged.blobs.find((b) => b.sha256 === staged.ref.sha256);
        if (!pdf) return undefined;
        staged.drawing ??= drawPdfPages(pdf.data, this.deps.reader, limits).then((drawn) => {
          if (!drawn.ok) {
            staged.pagesRefused = drawn.message;
            return;
          }
          staged.ref = { ...staged.ref, pageImages: drawn.pageImages };
          staged.blobs.push(...drawn.blobs);
          staged.bytes += drawn.bytes;
          this.stagedBytes += drawn.bytes;
        });
        return staged.drawing;
      }),
    );
  }

  /** Why a staged PDF's pages could not be drawn, if they could not. */
  pagesRefused(id: string): string | null {
    return this.staged.get(id)?.pagesRefused ?? null;
  }

  /** Writes the blobs of sent files and lets go of them; call just before the message is stored. */
  commit(choices: readonly AttachmentChoice[]): void {
    const blobs = choices.flatMap((c) => this.staged.get(c.id)?.blobs ?? []);
    this.deps.blobs.put(blobs);
    for (const choice of choices) this.discard(choice.id);
  }

  /** Builds the content parts of a message for one model. */
  partsFor(providerId: string, model: string, caps: Capabilities): (message: Message) => ContentPart[] {
    const part = partCapabilities(model, caps, this.limits(providerId));
    return (message) => {
      const refs = message.attachments ?? [];
      const load = this.sizings.loader(refs, this.load);
      return refs.flatMap((ref) => wireParts(ref, decide(ref, part).sentAs, load));
    };
  }

  /** Marks the attachments of a path the preflight plans: their base64 is counted, not built (sizing.ts). */
  sizing(path: readonly Message[]): Sizing {
    return this.sizings.mark(path);
  }

  private readonly sizings = new Sizings();

  /** Where stored request bodies find their attachments' base64 (requestBodies.ts). */
  readonly bodyBlobs: BodyBlobSource = {
    recent: () => this.base64Cache.entries(),
    stored: (sha256) => this.deps.blobs.has(sha256),
    identify: (payload) => {
      const data = Buffer.from(payload, 'base64');
      // Only the canonical encoding: a body is rebuilt from the blob's bytes, so any other
      // spelling of the same bytes (padding bits, line breaks) would come back changed.
      if (data.length === 0 || data.toString('base64') !== payload) return null;
      const sha256 = createHash('sha256').update(data).digest('hex');
      return this.deps.blobs.has(sha256) ? sha256 : null;
    },
    base64: (sha256) => {
      const cached = this.base64Cache.get(sha256);
      if (cached !== undefined) return cached;
      const stored = this.deps.blobs.get(sha256);
      return stored ? this.base64(sha256, () => stored.data) : null;
    },
  };

  private readonly load: LoadBlob = (sha256) => {
    const data = (): Uint8Array => {
      for (const staged of this.staged.values()) {
        const blob = staged.blobs.find((b) => b.sha256 === sha256);
        if (blob) return blob.data;
      }
      const stored = this.deps.blobs.get(sha256);
      if (!stored)
        throw new AppFailure('not_found', 'An attachment of this thread is missing from the database.');
      return stored.data;
    };
    return {
      base64: () => this.base64(sha256, data),
      text: () => new TextDecoder().decode(data()),
    };
  };

  private base64(sha256: string, data: () => Uint8Array): string {
    const cached = this.base64Cache.get(sha256);
    if (cached !== undefined) return cached;
    const bytes = data();
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
    this.base64Cache.set(sha256, text);
    this.cachedBytes += text.length;
    for (const [key, value] of this.base64Cache) {
      if (this.cachedBytes <= BASE64_CACHE_BYTES) break;
      this.base64Cache.delete(key);
      this.cachedBytes -= value.length;
    }
    return text;
  }
}
