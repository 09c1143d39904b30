import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { deserializeMessage, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

export interface StdioSpec {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string | null;
  /** Windows: `args` are one command line already escaped for cmd.exe (a batch file's launch). */
  windowsVerbatimArguments?: boolean;
  /** A message (one line) longer than this stops the server. */
  maxMessageBytes: number;
  onStderr: (text: string) => void;
}

/**
 * The SDK's stdio client transport, rewritten for two reasons: its read buffer grows by copying
 * every chunk into one Buffer (a 50 MB line cost ~16 s of CPU before its bound tripped), and it
 * hides the exit code a crash report needs. Here chunks are kept as a list until a newline comes,
 * and the process is spawned with exactly the environment given (nothing merged in).
 */
export class BoundedStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private child: ChildProcess | null = null;
  private chunks: Buffer[] = [];
  private pending = 0;
  /** How the process ended: `code 3`, `signal SIGKILL`; null while running. */
  exit: string | null = null;
  overflow = false;

  constructor(private readonly spec: StdioSpec) {}

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.spec.command, this.spec.args, {
        env: this.spec.env,
        cwd: this.spec.cwd ?? undefined,
        stdio: ['pipe', 'pipe', 'pipe'],
        shell: false,
        windowsHide: true,
        windowsVerbatimArguments: this.spec.windowsVerbatimArguments ?? false,
      });
      this.child = child;
      child.once('error', (error) => {
        reject(error);
        this.onerror?.(error);
      });
      child.once('spawn', () => resolve());
      child.once('close', (code, signal) => {
        this.exit = signal ? `signal ${signal}` : `code ${code ?? '?'}`;
        this.child = null;
        this.onclose?.();
      });
      child.stdin?.on('error', (error) => this.onerror?.(error));
      child.stdout?.on('data', (chunk: Buffer) => this.read(chunk));
      child.stderr?.on('data', (chunk: Buffer) => this.spec.onStderr(chunk.toString('utf8')));
    });
  }

  private read(chunk: Buffer): void {
    let rest = chunk;
    for (let newline = rest.indexOf(0x0a); newline !== -1; newline = rest.indexOf(0x0a)) {
      this.chunks.push(rest.subarray(0, newline));
      const line = Buffer.concat(this.chunks).toString('utf8').replace(/\r$/, '');
      this.chunks = [];
      this.pending = 0;
      rest = rest.subarray(newline + 1);
      if (line.trim() === '') continue;
      try {
        this.onmessage?.(deserializeMessage(line));
      } catch (error) {
        this.onerror?.(error instanceof Error ? error : new Error(String(error)));
      }
    }
    if (rest.length === 0) return;
    this.pending += rest.length;
    if (this.pending > this.spec.maxMessageBytes) {
      this.overflow = true;
      this.chunks = [];
      this.pending = 0;
      this.onerror?.(new Error(`a message exceeded ${this.spec.maxMessageBytes} bytes`));
      void this.close();
      return;
    }
    this.chunks.push(rest);
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      const stdin = this.child?.stdin;
      if (!stdin) {
        reject(new Error('Not connected'));
        return;
      }
      if (stdin.write(serializeMessage(message))) resolve();
      else stdin.once('drain', resolve);
    });
  }

  /** Ends stdin, then SIGTERM after 2 s and SIGKILL after 2 more, as the MCP spec describes. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const within = (ms: number) => Promise.race([closed.then(() => true), delay(ms).then(() => false)]);
    try {
      child.stdin?.end();
    } catch {
      // Already gone.
    }
    if (await within(2_000)) return;
    child.kill('SIGTERM');
    if (await within(2_000)) return;
    child.kill('SIGKILL');
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
