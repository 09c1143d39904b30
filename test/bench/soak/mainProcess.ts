import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** Bytes, read right after forced full collections. */
export interface MainMemory {
  heapUsed: number;
  /** C++ objects bound to JS (buffers, array buffers): what the services hold outside the JS heap. */
  external: number;
  rss: number;
}

export type ParentMessage =
  { type: 'start'; providerBase: string; jwt: string } | { type: 'memory' } | { type: 'close' };

export type ChildMessage =
  | { type: 'ready'; url: string; providerId: string }
  | { type: 'memory'; memory: MainMemory }
  | { type: 'failed'; message: string };

export interface MainProcess {
  /** The bridge's URL, with this run's access token. */
  url: string;
  /** The provider the services were given, pointing at the bench's mock. */
  providerId: string;
  memory(): Promise<MainMemory>;
  close(): Promise<void>;
}

const WAIT_MS = 60_000;

/**
 * Forks test/bench/soak/host.child.ts with --expose-gc: the real services and test bridge on
 * loopback, with one confidential provider on `providerBase` authorised by `jwt`.
 */
export async function startMainProcess(providerBase: string, jwt: string): Promise<MainProcess> {
  const child = fork(join(process.cwd(), 'test/bench/soak/host.child.ts'), [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) =>
      reject(new Error(`the soak host exited (${signal ?? `code ${String(code)}`})`)),
    );
  });
  exited.catch(() => undefined);
  const next = <T extends ChildMessage['type']>(type: T, what: string) =>
    Promise.race([
      new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
        const timer = setTimeout(() => {
          child.off('message', on);
          reject(new Error(`the soak host sent no ${what} within ${WAIT_MS / 1000} s`));
        }, WAIT_MS);
        const on = (message: ChildMessage) => {
          if (message.type === 'failed') reject(new Error(`the soak host failed: ${message.message}`));
          else if (message.type !== type) return;
          else resolve(message as Extract<ChildMessage, { type: T }>);
          clearTimeout(timer);
          child.off('message', on);
        };
        child.on('message', on);
      }),
      exited,
    ]);
  const send = (message: ParentMessage) => child.send(message);

  const ready = next('ready', 'ready signal');
  send({ type: 'start', providerBase, jwt });
  let started: Extract<ChildMessage, { type: 'ready' }>;
  try {
    started = await ready;
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    url: started.url,
    providerId: started.providerId,
    memory: async () => {
      const reply = next('memory', 'memory reading');
      send({ type: 'memory' });
      return (await reply).memory;
    },
    close: () => closeChild(child),
  };
}

/** Asks the host to close its services (database flushed, servers closed); kills it if it hangs. */
async function closeChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  if (child.connected) child.send({ type: 'close' } satisfies ParentMessage);
  else child.kill();
  await gone;
  clearTimeout(timer);
}
