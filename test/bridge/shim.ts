// Stands in for the Electron preload when the real renderer runs in a browser against the test
// bridge: the same `window.api`, built from the same contract, over HTTP + WebSocket.
import { buildApi } from '../../main/contract/api';
import type { EventName } from '../../main/contract';

type Listener = (payload: unknown) => void;

const listeners = new Map<EventName, Set<Listener>>();
let senderKey: string | null = null;
let ready: Promise<string> | null = null;

function connect(): Promise<string> {
  ready ??= new Promise<string>((resolve, reject) => {
    const socket = new WebSocket(`ws://${location.host}/__bridge/events`);
    socket.addEventListener('message', (message: MessageEvent<string>) => {
      const data = JSON.parse(message.data) as
        { type: 'hello'; senderKey: string } | { type: 'event'; event: EventName; payload: unknown };
      if (data.type === 'hello') {
        // The bridge's secret for this page's socket: calls carry it so streams come back here.
        senderKey = data.senderKey;
        resolve(data.senderKey);
        return;
      }
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
    });
    socket.addEventListener('error', () => reject(new Error('test bridge: event socket failed')));
    socket.addEventListener('close', () => {
      ready = null;
      senderKey = null;
    });
  });
  return ready;
}

async function invoke(channel: string, input: unknown): Promise<unknown> {
  const sender = senderKey ?? (await connect());
  const response = await fetch(`/__bridge/invoke/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bridge-sender': sender },
    body: JSON.stringify(input ?? {}),
    credentials: 'same-origin',
  });
  if (!response.ok) {
    return { ok: false, error: { code: 'network', message: `test bridge answered ${response.status}` } };
  }
  return response.json();
}

function subscribe(event: EventName, listener: Listener): () => void {
  void connect();
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
