import { app, dialog, net, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { registerIpc, electronEventSink } from './ipc/electron';
import { registerAppScheme, serveRenderer } from './protocol';
import { createServices, type Services } from './services';
import { netRequestFetch } from './providers/netRequestFetch';
import { KeytarSecretStore } from './secrets/secretStore';
import { readSetting, writeSetting } from './settings';
import { isLoopbackHttpUrl, isSafeExternalUrl } from './navigation';
import { createMainWindow, guardWebContents, WindowState } from './window';

// Lifecycle only: services are built in services.ts, windows in window.ts.
const log = (message: string, error?: unknown) => console.error(`[main] ${message}`, error ?? '');

registerAppScheme();
app.enableSandbox();
// Every web contents, not just the main window's: no navigation, windows, webviews or permissions.
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let services: Services | null = null;
  let window: BrowserWindow | null = null;

  const open = () => {
    if (!services) return;
    const db = services.db;
    window = createMainWindow(readSetting(db, 'window.state', WindowState), (state) =>
      writeSetting(db, 'window.state', state),
    );
    const senderId = window.webContents.id;
    // The full integrity check waits until the window has shown its first thread, and runs in a
    // worker (on a large history it takes a core for seconds).
    window.once('ready-to-show', () => {
      const running = services;
      void running?.firstScreen.then(() => running.database.check());
    });
    window.on('closed', () => {
      services?.closeWindow(senderId);
      window = null;
    });
  };

  app.on('second-instance', () => {
    if (!window) return open();
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  void app.whenReady().then(async () => {
    serveRenderer(join(__dirname, '../renderer'));
    services = await createServices({
      dataDir: app.getPath('userData'),
      secretStore: new KeytarSecretStore('llm-desk'),
      // Electron's network stack (system proxy and certificates) through net.request, whose manual
      // redirects reach fetchWithinOrigin as responses; net.fetch rejects them (electron#43715).
      fetch: netRequestFetch((options) => net.request(options)),
      openExternal: async (url) => {
        if (!isSafeExternalUrl(url) && !isLoopbackHttpUrl(url))
          throw new Error('refused to open a non-https link');
        await shell.openExternal(url);
      },
      events: electronEventSink,
      shell: 'electron',
      version: app.getVersion(),
      platform: process.platform,
      searchWorkerFile: join(__dirname, 'searchWorker.cjs'),
      log,
      // An MCP server starts only after this native box, which the window cannot answer for the user.
      confirmMcpConsent: async (c) => {
        const what =
          c.transport === 'stdio'
            ? [
                `Command: ${c.resolvedCommand ?? c.command}`,
                ...c.args.map((a, i) => `Argument ${i + 1}: ${a}`),
                `Folder: ${c.cwd ?? '(the app’s)'}`,
                `Variables: ${c.envNames.join(', ') || 'none'}`,
              ]
            : [`Address: ${c.url ?? ''}`, `Headers: ${c.headerNames.join(', ') || 'none'}`];
        const options = {
          type: 'warning' as const,
          message: `Run the MCP server “${c.name}”?`,
          detail: what.join('\n'),
          buttons: ['Cancel', c.transport === 'stdio' ? 'Run' : 'Connect'],
          defaultId: 0,
          cancelId: 0,
          noLink: true,
        };
        const { response } = window
          ? await dialog.showMessageBox(window, options)
          : await dialog.showMessageBox(options);
        return response === 1;
      },
      // After the user chose a new database: the next start swaps the damaged file out.
      restart: () => {
        app.relaunch();
        app.quit();
        return true;
      },
    });
    registerIpc(services.handlers, log);
    open();
  });

  app.on('activate', () => {
    if (!window) open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    void services?.close();
  });
}
