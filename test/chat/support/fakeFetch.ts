/** A `fetch` that answers every call with the given byte chunks, one read each. */
export interface FakeCall {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export function fakeFetch(
  chunks: readonly Uint8Array[],
  init: { status?: number; headers?: Record<string, string> } = {},
  calls: FakeCall[] = [],
): typeof fetch {
  return async (input, options) => {
    const headers: Record<string, string> = {};
    new Headers(options?.headers).forEach((v, k) => {
      headers[k] = v;
    });
    calls.push({ url: String(input), body: typeof options?.body === 'string' ? options.body : '', headers });
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks[i];
        i += 1;
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
    });
    return new Response(body, {
      status: init.status ?? 200,
      headers: init.headers ?? { 'content-type': 'text/event-stream' },
    });
  };
}
