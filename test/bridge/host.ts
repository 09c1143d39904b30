import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeytarSecretStore } from '../../main/secrets/secretStore';
import { createServices, type Services } from '../../main/services';
import { startMockProvider, type MockProvider } from '../mock-provider';
import { call } from './call';
import { seedDemo } from './demo';
import { startBridge, type Bridge } from './server';

const WORKER = join(process.cwd(), 'out/main/searchWorker.cjs');

export interface HostOptions {
  /** Keep data here; default a fresh temp directory removed on close. */
  dataDir?: string;
  /** Start a mock provider and configure the demo providers, tools and a thread. */
  demo?: boolean;
  port?: number;
  mockPort?: number;
  /** Keychain service name; tests get a random namespace so they never see each other's secrets. */
  keychainService?: string;
  /** Plays the system browser for OAuth sign-in; by default the browser build cannot open one. */
  openExternal?: (url: string) => Promise<void>;
  /** Serve another build's renderer (a bench's baseline); default this tree's out/renderer. */
  rendererDir?: string;
}

export interface Host {
  bridge: Bridge;
  readonly services: Services;
  /** The background integrity check started with the services. */
  integrityChecked: Promise<unknown>;
  mock: MockProvider | null;
  dataDir: string;
  demoThreadId: string | null;
  close(): Promise<void>;
}

/** The real services behind the test bridge: what `npm run dev:browser`, the demo and e2e tests run. */
export async function startHost(options: HostOptions = {}): Promise<Host> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'llm-desk-'));
  let services: Services | null = null;
  const bridge = await startBridge({
    rendererDir: options.rendererDir ?? join(process.cwd(), 'out/renderer'),
    shimFile: join(process.cwd(), 'out/bridge/shim.js'),
    port: options.port,
    onSenderGone: (senderId) => services?.closeWindow(senderId),
  });
  const mock = options.demo ? await startMockProvider({ port: options.mockPort }) : null;
  const secretStore = new KeytarSecretStore({
    service: options.keychainService ?? `llm-desk-test-${randomBytes(6).toString('hex')}`,
  });
  const build = () =>
    createServices({
      dataDir,
      secretStore,
      fetch: globalThis.fetch,
      openExternal:
        options.openExternal ??
        (async () => {
          throw new Error('The browser build cannot open the system browser; open the printed URL yourself.');
        }),
      events: bridge.sink,
      shell: 'browser',
      version: 'dev',
      platform: process.platform,
      // The same bundled worker the app uses (built by scripts/build.mjs), so search leaves the event loop here too.
      searchWorkerFile: existsSync(WORKER) ? WORKER : null,
      log: (message, error) => console.error(`[services] ${message}`, error ?? ''),
      // "Start a new database" after damage: the browser build restarts its services in place
      // and answers once the new ones serve, so the page's reload reaches them.
      restart: async () => {
        restarting = restartServices();
        await restarting;
        return true;
      },
    });
  let restarting: Promise<void> = Promise.resolve();
  const restartServices = async () => {
    const old = services;
    services = null;
    await old?.close();
    services = await build();
    bridge.setHandlers(services.handlers);
    void services.database.check();
  };
  services = await build();
  bridge.setHandlers(services.handlers);
  // As in the app: the full integrity check runs in the background once the page has shown its
  // first thread (on the 1M-message corpus it takes a core for seconds).
  const started = services;
  const firstCheck = started.firstScreen.then(() => started.database.check());
  // A demo data directory that is opened again (e.g. after a crash) keeps what it has.
  const fresh = (await call(services.handlers, 'providers:list', {})).length === 0;
  const demo = mock && fresh ? await seedDemo(services.handlers, mock) : null;
  return {
    bridge,
    get services(): Services {
      if (!services) throw new Error('the test bridge is restarting its services');
      return services;
    },
    integrityChecked: firstCheck,
    mock,
    dataDir,
    demoThreadId: demo?.threadId ?? null,
    close: async () => {
      await bridge.close();
      await restarting;
      await services?.close();
      await mock?.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
