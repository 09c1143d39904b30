/** A `fetch` whose response body the test writes piece by piece; it honours the abort signal like the real one. */
export interface Controlled {
  fetch: typeof fetch;
  sent: string[];
  write(text: string | Uint8Array): void;
  end(): void;
  /** Resolves when the client aborted or cancelled the body. */
  closed: Promise<string>;
}

export function controlledFetch(
  status = 200,
  headers: Record<string, string> = { 'content-type': 'text/event-stream' },
): Controlled {
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  const queued: Uint8Array[] = [];
  let ended = false;
  const sent: string[] = [];
  let close: (how: string) => void = () => undefined;
  const closed = new Promise<string>((resolve) => {
    close = resolve;
  });
  const encoder = new TextEncoder();
  const fetcher: typeof fetch = async (_input, init) => {
    sent.push(typeof init?.body === 'string' ? init.body : '');
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
        for (const q of queued) c.enqueue(q);
        if (ended) c.close();
      },
      cancel() {
        close('cancelled');
      },
    });
    init?.signal?.addEventListener('abort', () => {
      close('aborted');
      controller?.error(new DOMException('This operation was aborted', 'AbortError'));
    });
    return new Response(body, { status, headers });
  };
  return {
    fetch: fetcher,
    sent,
    closed,
    write(text) {
      const bytes = typeof text === 'string' ? encoder.encode(text) : text;
      if (controller) controller.enqueue(bytes);
      else queued.push(bytes);
    },
    end() {
      ended = true;
      controller?.close();
    },
  };
}
