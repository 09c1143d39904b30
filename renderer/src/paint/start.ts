// How the page starts: first-paint.js (./entry.ts) draws the first paint (./paint.ts), then
// starts the app's modules, which index.html does not load itself (vite.config.ts names them on
// first-paint.js's own <script> tag instead).
import { paintFirstScreen } from './paint';
import { APP_ATTRIBUTE, OVERLAY_ID, PRELOAD_ATTRIBUTE } from './snapshot';

/** The entry module and the chunks it imports statically, as Vite listed them in index.html. */
export interface AppScripts {
  entry: string;
  preloads: string[];
}

/** The app's scripts as `script` (first-paint.js's tag) names them, or null when it names none. */
export function appScripts(script: Element | null): AppScripts | null {
  const entry = script?.getAttribute(APP_ATTRIBUTE);
  if (!entry) return null;
  const preloads = (script?.getAttribute(PRELOAD_ATTRIBUTE) ?? '').split(/\s+/u).filter(Boolean);
  return { entry, preloads };
}

/**
 * Starts the app: its chunks asked for at once, side by side (modulepreload), then the entry
 * module, as index.html would have linked them. Once only, whoever asks again.
 */
export function loadApp(doc: Document, scripts: AppScripts | null): void {
  if (!scripts) return;
  const modules = doc.querySelectorAll('script[type="module"]');
  if ([...modules].some((script) => script.getAttribute('src') === scripts.entry)) return;
  for (const href of scripts.preloads) {
    const link = doc.createElement('link');
    link.rel = 'modulepreload';
    // As Vite links them: a module script is fetched in CORS mode, and its preload must match.
    link.crossOrigin = '';
    link.href = href;
    doc.head.append(link);
  }
  const entry = doc.createElement('script');
  entry.type = 'module';
  entry.crossOrigin = '';
  entry.src = scripts.entry;
  doc.head.append(entry);
}

/**
 * Draws the first paint, then starts the app (named by `script`, first-paint.js's tag): at once
 * when there is no copy to draw or it could not be drawn, else in the task after the frame that
 * shows it. Resolves once the app has been asked for.
 */
export async function startPage(
  win: Window,
  storage: Pick<Storage, 'getItem'>,
  script: Element | null,
): Promise<void> {
  const doc = win.document;
  const start = () => loadApp(doc, appScripts(script));
  let drawn: HTMLElement | null;
  try {
    drawn = await paintFirstScreen(doc, storage);
  } catch {
    // Storage unavailable or a copy that does not fit: the app draws the window as it always did.
    doc.getElementById(OVERLAY_ID)?.remove();
    drawn = null;
  }
  if (!drawn) return start();
  // Marked for the startup trace (test/bench/startup): when the copy was drawn.
  win.performance.mark('llm-desk:first-paint');
  // The app's ~20 modules are asked for once the copy is on screen: fetched and compiled beside
  // it, they took the cores of a small machine from its layout and paint (nine alternating starts
  // through the bridge on two cores: usable at a median 576 → 372 ms, the app's own window no later).
  await new Promise<void>((resolve) => win.requestAnimationFrame(() => win.setTimeout(resolve, 0)));
  start();
}
