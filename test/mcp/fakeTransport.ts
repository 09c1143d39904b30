import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** A promise a test settles when it chooses. */
export function gate() {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

type Request = { id: string | number; method: string; params?: Record<string, unknown> };
const isRequest = (m: JSONRPCMessage): m is JSONRPCMessage & Request => 'method' in m && 'id' in m;

/**
 * An MCP server in memory whose every step the test controls: the handshake answers only when
 * `answerHandshake()` is called (if `holdHandshake`), and a close reports `onclose` only when
 * `finishClose()` is called (if `holdClose`): the orderings a loaded machine produces by chance.
 */
export class FakeTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  started = false;
  closed = false;
  private handshake: Request | null = null;
  private readonly closing = gate();
  readonly handshakeSeen = gate();

  constructor(
    readonly label: string,
    private readonly options: {
      holdHandshake?: boolean;
      holdClose?: boolean;
      /** close() returns at once but `onclose` comes only at `finishClose()` (a slow exit). */
      lateOnclose?: boolean;
      tools?: { name: string; description: string }[];
    } = {},
  ) {}

  async start(): Promise<void> {
    this.started = true;
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) throw new Error('Not connected');
    if (!isRequest(message)) return;
    if (message.method === 'initialize') {
      this.handshake = message;
      this.handshakeSeen.open();
      if (!this.options.holdHandshake) this.answerHandshake();
      return;
    }
    if (message.method === 'tools/list') {
      const tools = (this.options.tools ?? [{ name: 'echo', description: 'Echoes.' }]).map((t) => ({
        ...t,
        inputSchema: { type: 'object', properties: {} },
      }));
      this.reply(message.id, { tools });
    }
  }

  answerHandshake(): void {
    const request = this.handshake;
    if (!request || this.closed) return;
    this.reply(request.id, {
      protocolVersion: request.params?.protocolVersion,
      capabilities: { tools: {} },
      serverInfo: { name: this.label, version: '1' },
    });
  }

  private reply(id: string | number, result: Record<string, unknown>): void {
    queueMicrotask(() => {
      if (!this.closed) this.onmessage?.({ jsonrpc: '2.0', id, result } as JSONRPCMessage);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.options.lateOnclose) {
      void this.closing.promise.then(() => this.onclose?.());
      return;
    }
    if (this.options.holdClose) await this.closing.promise;
    this.onclose?.();
  }

  /** Lets a held close report itself (a process that took its time to exit). */
  finishClose(): void {
    this.closing.open();
  }
}
