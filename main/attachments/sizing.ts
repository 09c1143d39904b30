import type { AttachmentRef, Message } from '../contract';
import type { LoadBlob } from './parts';
import { base64Length } from './tokens';

/** Bytes of base64 a preflight's request would carry beyond what it built. */
export interface Sizing {
  elidedBytes: number;
  /** Ends the marks: the arrays build real parts again. */
  release(): void;
}

/**
 * The preflight's requests count attachments' base64 instead of building it. Typing in a thread
 * with photos asks for a preflight at every pause, and encoding megabytes of base64 and JSON each
 * time held main's event loop. The marks are the path's own `attachments` arrays, so a Send
 * planned meanwhile (its own messages, read afresh) is never built this way; the request's bytes
 * still add up exactly (AttachmentsService.partsFor, preflight.ts).
 */
export class Sizings {
  private readonly marks = new WeakMap<readonly AttachmentRef[], Sizing>();

  mark(path: readonly Message[]): Sizing {
    const marked = path.flatMap((m) => (m.attachments?.length ? [m.attachments] : []));
    const sizing: Sizing = {
      elidedBytes: 0,
      release: () => marked.forEach((refs) => this.marks.delete(refs)),
    };
    for (const refs of marked) this.marks.set(refs, sizing);
    return sizing;
  }

  /** `load` itself, or for a marked message one that counts base64 and puts the hash in its place. */
  loader(refs: readonly AttachmentRef[], load: LoadBlob): LoadBlob {
    const sizing = this.marks.get(refs);
    if (!sizing) return load;
    return (sha256) => ({
      base64: () => {
        const bytes =
          refs.find((r) => r.sha256 === sha256)?.storedBytes ??
          refs.flatMap((r) => r.pageImages ?? []).find((p) => p.sha256 === sha256)?.bytes;
        if (bytes === undefined) return load(sha256).base64();
        // The hash stands in for the payload: ASCII, so JSON keeps it as it is and bytes add up.
        sizing.elidedBytes += base64Length(bytes) - sha256.length;
        return sha256;
      },
      text: () => load(sha256).text(),
    });
  }
}
