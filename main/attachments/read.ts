import { createHash } from 'node:crypto';
import type { ReadReply, ReadRequest } from './protocol';
import { PdfRefusal, extractPdfText } from './pdf';
import { sniff } from './sniff';
import { fencedFile, pdfTextPart } from './text';

/**
 * What the worker does with one file: decode, sniff by content, and for PDFs and text the whole
 * preparation (extraction, tokens, hashes). Images go back to main, where sharp does its work on
 * libuv's pool without holding the event loop. Exported for tests, which call it directly.
 */

// The tokenizer's rank table takes a while to load: images, the common case, never wait for it.
type CountTokens = (text: string) => number;
let tokenizer: Promise<CountTokens> | null = null;
const countTokens = async (text: string): Promise<number> =>
  (await (tokenizer ??= import('gpt-tokenizer/encoding/o200k_base').then((m) => m.countTokens)))(text);

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const utf8 = new TextEncoder();

function refuse(id: number, message: string): ReadReply {
  return { id, ok: false, message };
}

export async function readFile(request: ReadRequest): Promise<ReadReply> {
  const { id, wireName } = request;
  const buffer = Buffer.from(request.base64, 'base64');
  // Small Buffers share Node's pool; the bytes are transferred to main, so they need their own.
  const whole = buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.length;
  const bytes = whole ? new Uint8Array(buffer.buffer) : new Uint8Array(buffer);
  if (bytes.length === 0) return refuse(id, 'the file is empty (0 bytes): nothing to attach');
  const kind = sniff(bytes);
  const originalBytes = bytes.length;
  switch (kind.kind) {
    case 'image':
      return { id, ok: true, originalBytes, result: { kind: 'image', format: kind.format, bytes } };
    case 'pdf': {
      try {
        const extracted = await extractPdfText(bytes);
        const text = utf8.encode(pdfTextPart(wireName, extracted.pages, extracted.text));
        return {
          id,
          ok: true,
          originalBytes,
          result: {
            kind: 'pdf',
            bytes,
            sha256: sha256(bytes),
            pages: extracted.pages,
            text,
            textSha256: sha256(text),
            textTokens: extracted.scanned ? 0 : await countTokens(new TextDecoder().decode(text)),
            scanned: extracted.scanned,
            unreadable: extracted.unreadable,
          },
        };
      } catch (error) {
        if (error instanceof PdfRefusal) return refuse(id, error.message);
        throw error;
      }
    }
    case 'text': {
      const text = new TextDecoder(kind.encoding, { ignoreBOM: true }).decode(bytes.subarray(kind.bom));
      const stored = utf8.encode(text);
      return {
        id,
        ok: true,
        originalBytes,
        result: {
          kind: 'text',
          bytes: stored,
          sha256: sha256(stored),
          encoding: kind.encoding,
          textTokens: await countTokens(fencedFile(wireName, text)),
        },
      };
    }
    case 'binary':
      return refuse(
        id,
        kind.what
          ? `it is ${kind.what}, which cannot be sent; attach images (PNG, JPEG, WebP, GIF), PDFs or text files`
          : 'it is neither an image, a PDF nor text (UTF-8 or UTF-16); binary files cannot be sent',
      );
  }
}
