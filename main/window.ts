import { BrowserWindow, screen, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { z } from 'zod';
import { APP_ORIGIN, isAppUrl, isSafeExternalUrl } from './navigation';

export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640),
  height: z.number().int().min(480),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

const DEFAULT_STATE: WindowState = { width: 1360, height: 860, maximized: false };

/** Restored bounds must land on a display that still exists, or the window opens off-screen. */
function visible(state: WindowState): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y, width, height } = state;
  const onScreen = screen
    .getAllDisplays()
    .some(
      ({ workArea: a }) => x < a.x + a.width && x + width > a.x && y < a.y + a.height && y + height > a.y,
    );
  return onScreen ? state : { width, height, maximized: state.maximized };
}

const guarded = new WeakSet<WebContents>();

/**
 * Navigation, new windows, <webview> and permissions for any web contents: the main window's and
 * any a future feature (or a compromised page) creates, via `web-contents-created` in index.ts.
 */
export function guardWebContents(contents: WebContents): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // No camera, location, notifications…: only our own page may write (sanitized) text to the
  // clipboard, which the Copy buttons use.
  const allowed = (permission: string, origin: string | undefined) =>
    permission === 'clipboard-sanitized-write' && isAppUrl(origin ?? '');
  const session = contents.session;
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowed(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, origin) => allowed(permission, origin));
}

/** The one place window security is decided: every window the app opens comes from here. */
export function createMainWindow(
  saved: WindowState | null,
  onStateChange: (state: WindowState) => void,
): BrowserWindow {
  const state = visible(saved ?? DEFAULT_STATE);
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'LLM Desk',
    backgroundColor: '#16171b',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      // Middle-click would otherwise try to open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  guardWebContents(window.webContents);

  const save = () => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    onStateChange({ ...bounds, maximized: window.isMaximized() });
  };
  window.on('close', save);
  window.on('resized', save);
  window.on('moved', save);

  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
