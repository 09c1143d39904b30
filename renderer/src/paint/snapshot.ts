/**
 * The first paint: a copy of the chat screen as it last looked, kept in localStorage (the
 * renderer's own, beside the store's persisted settings) and drawn by first-paint.js (./paint.ts)
 * before the app's modules are even evaluated, with a message box that takes typing at once. Once
 * the app has drawn its own window, the typed text moves into its message box (./adopt.ts). This
 * module is the format both sides share: no imports, so the early script stays a few KB.
 */

export const SNAPSHOT_KEY = 'llm-desk.first-paint';

/**
 * Narrower than the three panes side by side with a conversation of 560 px or more
 * (64 rail + 264 threads + 560 + 340 inspector = 1228): the inspector stops taking a column
 * (features/shell/useNarrowLayout.ts), and a first paint drawn on the other side of it is not used.
 */
export const NARROW_QUERY = '(max-width: 1227px)';

/** The overlay's id while it is on screen; the element carries the thread id it shows. */
export const OVERLAY_ID = 'first-paint';

/** A larger copy (a huge answer in view) is not kept: reading it back would cost more than it saves. */
export const MAX_SNAPSHOT_CHARS = 1_000_000;

export interface Snapshot {
  /** The build that drew it (buildKey): another build's markup may not match its styles. */
  build: string;
  /** The thread it shows: a thread that broke the window is not drawn again by this either. */
  threadId: string;
  /** Whether the window was narrow: the panes differ on either side of the breakpoint. */
  narrow: boolean;
  /** The inner HTML of #root, made inert and unvirtualized (./capture.ts). */
  html: string;
  /**
   * Every style sheet the page had (their href): parts of the screen drawn by code loaded later
   * (a tool call's card) are styled by sheets index.html does not link.
   */
  sheets: string[];
  savedAt: number;
}

/**
 * The built style sheets `doc` links, as paths relative to index.html (`./assets/<hashed>.css`):
 * those index.html links and those linked since by code loaded later.
 */
export function sheetsOf(doc: Document): string[] {
  return [...linkedSheets(doc).keys()];
}

/** The built style sheets `doc` links (as sheetsOf names them), each with its link's sheet. */
export function linkedSheets(doc: Document): Map<string, CSSStyleSheet | null> {
  const sheets = new Map<string, CSSStyleSheet | null>();
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')) {
    const file = /\/assets\/([^/?#]+\.css)$/u.exec(new URL(link.href, doc.baseURI).pathname)?.[1];
    if (file && !sheets.has(`./assets/${file}`)) sheets.set(`./assets/${file}`, link.sheet);
  }
  return sheets;
}

/**
 * Where index.html names the app's entry module and the chunks it imports, on first-paint.js's
 * <script> tag (vite.config.ts puts them there): that script starts them (./start.ts).
 */
export const APP_ATTRIBUTE = 'data-app';
export const PRELOAD_ATTRIBUTE = 'data-preload';

/** Where first-paint.js leaves the build key of the page as index.html had it (see buildKey). */
export const BUILD_ATTRIBUTE = 'data-build';

/**
 * Which build a page runs: its entry script (named on first-paint.js's tag: APP_ATTRIBUTE) and
 * style sheets are named by their content hash, so a change to any of them (a rebuilt app) makes a
 * different key. Read as the page is parsed, before code loaded later links more sheets:
 * first-paint.js keeps it on <html> (BUILD_ATTRIBUTE).
 */
export function buildKey(doc: Document): string {
  const entry = doc.querySelector(`script[${APP_ATTRIBUTE}]`)?.getAttribute(APP_ATTRIBUTE) ?? '';
  return [entry, ...sheetsOf(doc)].join(' ');
}

/** The kept snapshot, when it is whole and of this shape; anything else reads as none. */
export function readSnapshot(storage: Pick<Storage, 'getItem'>): Snapshot | null {
  try {
    const raw: unknown = JSON.parse(storage.getItem(SNAPSHOT_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return null;
    const s = raw as Record<string, unknown>;
    if (
      typeof s.build !== 'string' ||
      typeof s.threadId !== 'string' ||
      typeof s.narrow !== 'boolean' ||
      typeof s.html !== 'string' ||
      typeof s.savedAt !== 'number' ||
      !Array.isArray(s.sheets) ||
      !s.sheets.every((href) => typeof href === 'string') ||
      s.html.length > MAX_SNAPSHOT_CHARS
    )
      return null;
    const sheets = s.sheets as string[];
    return {
      build: s.build,
      threadId: s.threadId,
      narrow: s.narrow,
      html: s.html,
      sheets,
      savedAt: s.savedAt,
    };
  } catch {
    return null;
  }
}
