import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { setImmediate as yieldToLoop, setTimeout as delay } from 'node:timers/promises';
import type { ScriptStep } from './types';

/** Resolves false instead of throwing when the client or the server goes away first. */
export async function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  if (ms <= 0) return true;
  try {
    await delay(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

export async function waitForAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  await once(signal, 'abort');
}

/** Tracks the last write so a deliberate cut happens after earlier frames reached the socket. */
class Writer {
  private flushed: Promise<void> = Promise.resolve();

  constructor(
    private readonly res: ServerResponse,
    private readonly signal: AbortSignal,
  ) {}

  async write(text: string): Promise<boolean> {
    if (this.signal.aborted || this.res.destroyed) return false;
    let flushed: () => void = () => undefined;
    this.flushed = new Promise((resolve) => {
      flushed = resolve;
    });
    if (this.res.write(text, () => flushed())) return true;
    try {
      await once(this.res, 'drain', { signal: this.signal });
      return true;
    } catch {
      return false;
    }
  }

  async cut(): Promise<void> {
    await Promise.race([this.flushed, waitForAbort(this.signal)]);
    this.res.destroy();
  }
}

/** Updated while writing, so a disconnect handler can read how far the response got. */
export interface StreamProgress {
  framesSent: number;
  /** The server cut the connection on purpose; not a client disconnect. */
  cutByServer: boolean;
}

const KEEP_ALIVE_EVERY = 25;
/** With no delay the loop would starve the event loop, and with it disconnect detection. */
const YIELD_EVERY = 50;

export async function writeEventStream(
  res: ServerResponse,
  frames: readonly unknown[],
  step: ScriptStep,
  delayMs: number,
  signal: AbortSignal,
  progress: StreamProgress,
): Promise<void> {
  const eol = step.crlf === true ? '\r\n' : '\n';
  const at = (k: number | undefined, sent: number): boolean =>
    k !== undefined && Math.min(k, frames.length) === sent;
  const writer = new Writer(res, signal);
  let malformedDone = false;
  for (let i = 0; i <= frames.length; i += 1) {
    if (at(step.cutAfterChunks, progress.framesSent)) {
      progress.cutByServer = true;
      await writer.cut();
      return;
    }
    if (!malformedDone && at(step.malformedFrameAfter, progress.framesSent)) {
      malformedDone = true;
      if (!(await writer.write(`data: {not json${eol}${eol}`))) return;
      if (step.malformedThen === 'stop') {
        res.end();
        return;
      }
    }
    if (at(step.midStreamErrorAfter, progress.framesSent)) {
      const error = step.shape?.errorPayload ?? {
        error: {
          message: step.message ?? 'upstream model failed mid-stream',
          type: 'server_error',
          code: 'mid_stream_error',
        },
      };
      await writer.write(`data: ${JSON.stringify(error)}${eol}${eol}`);
      res.end();
      return;
    }
    const frame = frames[i];
    if (frame === undefined) break;
    if (progress.framesSent > 0 && delayMs > 0 && !(await sleep(delayMs, signal))) return;
    if (delayMs <= 0 && progress.framesSent % YIELD_EVERY === YIELD_EVERY - 1) await yieldToLoop();
    if (!(await writer.write(`data: ${JSON.stringify(frame)}${eol}${eol}`))) {
      return;
    }
    progress.framesSent += 1;
    // Proxies send SSE comments to keep idle connections open; clients must skip them.
    if (progress.framesSent % KEEP_ALIVE_EVERY === 1 && !(await writer.write(`: keep-alive${eol}${eol}`))) {
      return;
    }
  }
  if (step.shape?.noDone) res.end();
  else if (await writer.write(`data: [DONE]${eol}${eol}`)) res.end();
}

/** Faults for `stream: false`: a truncated body, an unparsable body or an error status. */
export function writeJsonBody(
  res: ServerResponse,
  body: unknown,
  step: ScriptStep,
  headers: Record<string, string>,
  progress: StreamProgress,
): void {
  const text = JSON.stringify(body);
  if (step.midStreamErrorAfter !== undefined) {
    const error = step.shape?.errorPayload ?? {
      error: {
        message: step.message ?? 'upstream model failed',
        type: 'server_error',
        code: 'mid_stream_error',
      },
    };
    res.writeHead(step.shape?.errorWith200 ? 200 : 500, { ...headers, 'content-type': 'application/json' });
    res.end(JSON.stringify(error));
    return;
  }
  if (step.malformedFrameAfter !== undefined) {
    res.writeHead(200, { ...headers, 'content-type': 'application/json' });
    res.end('{not json');
    return;
  }
  res.writeHead(200, {
    ...headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  if (step.cutAfterChunks !== undefined) {
    // Destroy only once the partial body has reached the socket.
    progress.cutByServer = true;
    res.write(text.slice(0, Math.floor(text.length / 2)), () => res.destroy());
    return;
  }
  res.end(text);
}
