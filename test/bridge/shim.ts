// Stands in for the Electron preload when the real renderer runs in a browser against the test
// bridge: the same `window.api`, built from the contract's names, over one WebSocket. Calls go
// on the socket rather than one HTTP request each: Chromium opens at most six HTTP/1.1
// connections to a host, so the first screen's dozen calls queued behind its scripts, a wait
// Electron's IPC never has.
import { buildApi } from '../../main/contract/api';
import type { EventName } from '../../main/contract';

type Listener = (payload: unknown) => void;
type Frame =
  | { type: 'hello'; senderKey: string }
  | { type: 'event'; event: EventName; payload: unknown }
  | { type: 'result'; id: number | null; result: unknown };

const listeners = new Map<EventName, Set<Listener>>();
/** Calls sent on the current socket, by id, waiting for their result. */
const pending = new Map<number, (result: unknown) => void>();
let nextId = 1;
let ready: Promise<WebSocket> | null = null;
/** The open socket, once its hello came: a call then leaves at once, as an Electron IPC message does. */
let open: WebSocket | null = null;

const lost = (message: string) => ({ ok: false, error: { code: 'network', message } });

function connect(): Promise<WebSocket> {
  ready ??= new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(`ws://${location.host}/__bridge/events`);
    socket.addEventListener('message', (message: MessageEvent<string>) => {
      const data = JSON.parse(message.data) as Frame;
      if (data.type === 'hello') {
        open = socket;
        return resolve(socket);
      }
      if (data.type === 'result') {
        if (data.id === null) return;
        pending.get(data.id)?.(data.result);
        pending.delete(data.id);
        return;
      }
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
    });
    socket.addEventListener('error', () => reject(new Error('test bridge: the socket failed')));
    socket.addEventListener('close', () => {
      ready = null;
      open = null;
      // Their answers can no longer come: each call ends as a failure, as a lost request would.
      for (const settle of pending.values()) settle(lost('test bridge: the connection closed'));
      pending.clear();
    });
  });
  return ready;
}

function send(socket: WebSocket, channel: string, input: unknown): Promise<unknown> {
  if (socket.readyState !== WebSocket.OPEN)
    return Promise.resolve(lost('test bridge: the connection closed'));
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    socket.send(JSON.stringify({ type: 'invoke', id, channel, payload: input ?? {} }));
  });
}

function invoke(channel: string, input: unknown): Promise<unknown> {
  // Sent in the caller's task, not after an await: a call made while the page's modules are
  // evaluated would otherwise wait in the microtask queue until all of them had run.
  if (open) return send(open, channel, input);
  return connect().then(
    (socket) => send(socket, channel, input),
    () => lost('test bridge: could not connect'),
  );
}

function subscribe(event: EventName, listener: Listener): () => void {
  void connect().catch(() => undefined);
  const set = listeners.get(event) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(event, set);
  return () => set.delete(listener);
}

Object.defineProperty(window, 'api', {
  value: buildApi(invoke, subscribe),
  writable: false,
  configurable: false,
  enumerable: true,
});

// Connect while the page's scripts load, so its first call finds the socket open.
void connect().catch(() => undefined);
