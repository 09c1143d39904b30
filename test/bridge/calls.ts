import type { RawData, WebSocket } from 'ws';
import { dispatch } from '../../main/ipc/dispatch';
import type { Handlers } from '../../main/ipc/handlers';

/** The largest call the bridge reads, over HTTP or as one socket frame. */
export const MAX_CALL_BYTES = 64 * 1024 * 1024;

/** One call seen by the bridge: when it came in, and when (and how large) its answer went out. */
export type CallSeen =
  | { phase: 'asked'; channel: string; senderId: number }
  | { phase: 'answered'; channel: string; senderId: number; bytes: number };

/** Test hooks on the page's calls: what e2e tests once did by intercepting HTTP requests. */
export interface CallHooks {
  /** Every call and answer from now on, in order; returns the unsubscribe. */
  watch(listener: (seen: CallSeen) => void): () => void;
  /** Holds each call of `channel` for `ms` before main sees it (a busy main); returns the undo. */
  delay(channel: string, ms: number): () => void;
}

const refused = (message: string) => ({ ok: false, error: { code: 'invalid_request', message } });

/** What a call gets while the host has not set its handlers yet (the HTTP path answers 503). */
export const STARTING = {
  ok: false,
  error: { code: 'network', message: 'test bridge: services are starting' },
};

export interface Calls {
  hooks: CallHooks;
  /** The JSON answer to one call, through the same dispatch (and the same checks) as Electron's IPC. */
  answer(handlers: Handlers, channel: string, payload: unknown, senderId: number): Promise<string>;
  /**
   * One frame of a page's socket: `{type:'invoke', id, channel, payload}` → `{type:'result', id, result}`
   * on the same socket, under that socket's own sender id. A malformed frame gets an error result
   * (id null when it had none) and the socket's other calls go on.
   */
  frame(ws: WebSocket, senderId: number, data: RawData, isBinary: boolean): Promise<void>;
}

const text = (data: RawData): string =>
  (Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString(
    'utf8',
  );

export function createCalls(handlers: () => Handlers | null): Calls {
  const watchers = new Set<(seen: CallSeen) => void>();
  const delays = new Map<string, number>();
  const tell = (seen: CallSeen) => {
    for (const watcher of watchers) watcher(seen);
  };

  const answer = async (current: Handlers, channel: string, payload: unknown, senderId: number) => {
    tell({ phase: 'asked', channel, senderId });
    const held = delays.get(channel);
    if (held) await new Promise((resolve) => setTimeout(resolve, held));
    const body = JSON.stringify(await dispatch(current, channel, payload, { senderId }));
    tell({ phase: 'answered', channel, senderId, bytes: Buffer.byteLength(body) });
    return body;
  };

  const frame = async (ws: WebSocket, senderId: number, data: RawData, isBinary: boolean) => {
    const reply = (id: number | null, result: string) => {
      // The page may have gone meanwhile: its answer has nowhere to go.
      if (ws.readyState === ws.OPEN) ws.send(`{"type":"result","id":${String(id)},"result":${result}}`);
    };
    if (isBinary) return reply(null, JSON.stringify(refused('a call frame is JSON text, not binary')));
    let call: unknown;
    try {
      call = JSON.parse(text(data));
    } catch {
      return reply(null, JSON.stringify(refused('a call frame is not JSON')));
    }
    const { type, id, channel, payload } = (call ?? {}) as Record<string, unknown>;
    const known = typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
    if (type !== 'invoke' || known === null || typeof channel !== 'string')
      return reply(
        known,
        JSON.stringify(refused('a call frame is {type:"invoke", id (an integer), channel, payload}')),
      );
    const current = handlers();
    if (!current) return reply(known, JSON.stringify(STARTING));
    try {
      reply(known, await answer(current, channel, payload ?? {}, senderId));
    } catch (error) {
      // dispatch answers every failure as data; this is an answer that would not serialise.
      const message = error instanceof Error ? error.message : 'bridge failure';
      reply(known, JSON.stringify({ ok: false, error: { code: 'internal', message } }));
    }
  };

  return {
    answer,
    frame,
    hooks: {
      watch(listener) {
        watchers.add(listener);
        return () => watchers.delete(listener);
      },
      delay(channel, ms) {
        delays.set(channel, ms);
        return () => delays.delete(channel);
      },
    },
  };
}
