// A stand-in for the `electron` module, enough for main's bundle to start under plain Node. Each
// piece is checked against Electron's own declarations (`Pick<…>` of electron.d.ts), so a stub
// whose signature drifts from the real API fails to compile, and a member main starts to use that
// the stub lacks fails the shell test at run time. Event methods (`on`, `once`) come from Node's
// EventEmitter: Electron's overloads return the real class, which no stand-in can be.
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type Electron from 'electron';

export class FakeSession extends EventEmitter {
  requestHandler: Parameters<Electron.Session['setPermissionRequestHandler']>[0] = null;
  checkHandler: Parameters<Electron.Session['setPermissionCheckHandler']>[0] = null;
  setPermissionRequestHandler(handler: Parameters<Electron.Session['setPermissionRequestHandler']>[0]): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: Parameters<Electron.Session['setPermissionCheckHandler']>[0]): void {
    this.checkHandler = handler;
  }
}
const sessionCheck: Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> =
  new FakeSession();
void sessionCheck;

export interface FakeFrame {
  url: string;
}

let nextContentsId = 1;
const allContents = new Map<number, FakeWebContents>();

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly session = new FakeSession();
  readonly mainFrame: FakeFrame = { url: '' };
  readonly sent: { channel: string; payload: unknown }[] = [];
  openHandler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0] | null = null;
  destroyed = false;
  constructor() {
    super();
    allContents.set(this.id, this);
  }
  setWindowOpenHandler(handler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0]): void {
    this.openHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, payload: args[0] });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}
const contentsCheck: Pick<Electron.WebContents, 'setWindowOpenHandler' | 'send' | 'isDestroyed' | 'id'> =
  new FakeWebContents();
void contentsCheck;

/** The `app` object: `whenReady` resolves when the test says so, as Electron's does once it is up. */
class FakeApp extends EventEmitter {
  sandboxed = false;
  relaunched = false;
  quitting = false;
  private readyResolve: () => void = () => {};
  private readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));
  constructor(private readonly userData: string) {
    super();
  }
  enableSandbox(): void {
    this.sandboxed = true;
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  quit(): void {
    this.quitting = true;
    this.emit('before-quit');
  }
  relaunch(): void {
    this.relaunched = true;
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    if (name !== 'userData') throw new Error(`stub: getPath(${name}) is not set up`);
    return this.userData;
  }
  getVersion(): string {
    return '0.0.0-stub';
  }
  becomeReady(): void {
    this.readyResolve();
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly windows: FakeBrowserWindow[] = [];
  static app: FakeApp | null = null;
  static onCreated: (window: FakeBrowserWindow) => void = () => {};
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.windows.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  loaded: string | null = null;
  destroyed = false;
  constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
    super();
    // As in Electron: the app hears of every new web contents before anyone can use it.
    FakeBrowserWindow.app?.emit('web-contents-created', {}, this.webContents);
    FakeBrowserWindow.windows.push(this);
    FakeBrowserWindow.onCreated(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  maximize(): void {}
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): Electron.Rectangle {
    return { x: 0, y: 0, width: 1360, height: 860 };
  }
}
const windowCheck: Pick<
  Electron.BrowserWindow,
  | 'loadURL'
  | 'maximize'
  | 'show'
  | 'focus'
  | 'restore'
  | 'isMinimized'
  | 'isMaximized'
  | 'isDestroyed'
  | 'getNormalBounds'
> = new FakeBrowserWindow({});
void windowCheck;
FakeBrowserWindow.windows.length = 0;

type IpcHandler = Parameters<Electron.IpcMain['handle']>[1];

/** A net.request: it records what main asked for, and the test answers it by emitting events. */
export class FakeClientRequest extends EventEmitter {
  aborted = false;
  body: string | Buffer | undefined;
  constructor(
    readonly options: Electron.ClientRequestConstructorOptions,
    private readonly answer: (request: FakeClientRequest) => void,
  ) {
    super();
  }
  end(chunk?: string | Buffer): this {
    this.body = chunk;
    setImmediate(() => this.answer(this));
    return this;
  }
  abort(): void {
    this.aborted = true;
  }
}
const requestCheck: Pick<Electron.ClientRequest, 'abort'> = new FakeClientRequest({}, () => {});
void requestCheck;

export function createElectronStub(userData: string) {
  const app = new FakeApp(userData);
  FakeBrowserWindow.app = app;
  const ipcHandlers = new Map<string, IpcHandler>();
  const protocolHandlers = new Map<string, Parameters<Electron.Protocol['handle']>[1]>();
  const privileged: Electron.CustomScheme[] = [];
  const opened: string[] = [];
  const firstWindow = new Promise<FakeBrowserWindow>((resolve) => (FakeBrowserWindow.onCreated = resolve));

  const ipcMain = {
    handle(channel: string, listener: IpcHandler): void {
      if (ipcHandlers.has(channel)) throw new Error(`stub: a second handler for ${channel}`);
      ipcHandlers.set(channel, listener);
    },
    removeHandler(channel: string): void {
      ipcHandlers.delete(channel);
    },
  } satisfies Pick<Electron.IpcMain, 'handle' | 'removeHandler'>;

  const protocol = {
    registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]): void {
      privileged.push(...schemes);
    },
    handle(scheme: string, handler: Parameters<Electron.Protocol['handle']>[1]): void {
      protocolHandlers.set(scheme, handler);
    },
  } satisfies Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'>;

  const requests: FakeClientRequest[] = [];
  const network = {
    // Until a test says how to answer, a request that would leave the machine fails.
    answer: (request: FakeClientRequest): void =>
      void request.emit(
        'error',
        new Error(`stub: net.request(${request.options.url}) would reach the network`),
      ),
  };
  const net = {
    request(options: Parameters<Electron.Net['request']>[0]): FakeClientRequest {
      if (typeof options === 'string') throw new Error('stub: net.request(url string) is not set up');
      const request = new FakeClientRequest(options, (r) => network.answer(r));
      requests.push(request);
      return request;
    },
    // Only file: URLs, which is all the app:// handler asks for.
    async fetch(input: string | Request, init?: RequestInit): Promise<Response> {
      const url = typeof input === 'string' ? input : input.url;
      if (!url.startsWith('file:')) throw new Error(`stub: net.fetch(${url}) would reach the network`);
      if (init?.redirect !== 'error')
        throw new Error('stub: the app:// handler must never follow a redirect');
      try {
        return new Response(await readFile(fileURLToPath(url)));
      } catch {
        return new Response('not found', { status: 404 });
      }
    },
  } satisfies Pick<Electron.Net, 'fetch'> & Record<'request', unknown>;

  const shell = {
    async openExternal(url: string): Promise<void> {
      opened.push(url);
    },
  } satisfies Pick<Electron.Shell, 'openExternal'>;

  const screen = {
    getAllDisplays: (): Electron.Display[] => [],
  } satisfies Pick<Electron.Screen, 'getAllDisplays'>;

  const webContents = {
    fromId: (id: number) => allContents.get(id),
  };

  const module = {
    app: app satisfies Pick<
      Electron.App,
      | 'enableSandbox'
      | 'requestSingleInstanceLock'
      | 'quit'
      | 'relaunch'
      | 'whenReady'
      | 'getPath'
      | 'getVersion'
    >,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    protocol,
    net,
    shell,
    screen,
    webContents,
  };
  return { module, app, ipcHandlers, protocolHandlers, privileged, opened, firstWindow, requests, network };
}

export type ElectronStub = ReturnType<typeof createElectronStub>;
