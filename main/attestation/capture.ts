import { createHash } from 'node:crypto';

/** One chat exchange as it went over the wire: the bytes a signature is judged against. */
export interface CapturedExchange {
  url: string;
  requestBody: string;
  receiptId: string | null;
  /** Null when the body was larger than the limit (the verdict then says the bytes were not kept). */
  responseBody: Uint8Array | null;
  sha256: string;
}

const MAX_BODY = 8 * 1024 * 1024;
const MAX_KEPT = 64;

/**
 * Tees every chat-completions response the chat engine reads, so the exact response bytes (and
 * the `x-receipt-id` header, which the engine does not keep) are there when the answer is
 * verified. The engine keeps reading the same stream; nothing it sees changes.
 */
export class ExchangeCapture {
  private readonly kept: CapturedExchange[] = [];

  wrap(inner: typeof fetch): typeof fetch {
    const wrapped = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
      const response = await inner(input, init);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const body = init?.body;
      if (
        !/\/chat\/completions(\?|$)/.test(url) ||
        typeof body !== 'string' ||
        response.body === null ||
        !response.ok
      )
        return response;
      const hash = createHash('sha256');
      const parts: Uint8Array[] = [];
      let size = 0;
      const record = (chunk: Uint8Array): void => {
        hash.update(chunk);
        size += chunk.byteLength;
        if (size <= MAX_BODY) parts.push(chunk);
      };
      const finish = (): void => {
        this.remember({
          url,
          requestBody: body,
          receiptId: response.headers.get('x-receipt-id'),
          responseBody: size <= MAX_BODY ? Buffer.concat(parts) : null,
          sha256: hash.digest('hex'),
        });
      };
      // Pull-based with no buffer: a chunk is read from the network only when the engine reads
      // it, so an engine that stops early (after [DONE]) hashes exactly what was recorded.
      const reader = response.body.getReader();
      let done = false;
      const end = (): void => {
        if (done) return;
        done = true;
        finish();
      };
      const tee = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            try {
              const next = await reader.read();
              if (next.done) {
                end();
                controller.close();
                return;
              }
              record(next.value);
              controller.enqueue(next.value);
            } catch (error) {
              end();
              controller.error(error);
            }
          },
          cancel(reason) {
            end();
            return reader.cancel(reason);
          },
        },
        { highWaterMark: 0 },
      );
      return new Response(tee, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    };
    return wrapped as typeof fetch;
  }

  private remember(exchange: CapturedExchange): void {
    this.kept.push(exchange);
    if (this.kept.length > MAX_KEPT) this.kept.shift();
  }

  /** The exchange whose request bytes and response hash are the answer's (and forgets it). */
  take(requestBody: string, sha256: string): CapturedExchange | null {
    const index = this.kept.findIndex((e) => e.requestBody === requestBody && e.sha256 === sha256);
    if (index < 0) return null;
    const [found] = this.kept.splice(index, 1);
    return found ?? null;
  }
}
