import {
  BUILD_ATTRIBUTE,
  MAX_SNAPSHOT_CHARS,
  linkedSheets,
  NARROW_QUERY,
  SNAPSHOT_KEY,
  type Snapshot,
} from './snapshot';

/** Never part of a copy, whatever a message held (the CSP would not run them either). */
const DROPPED = 'script, iframe, object, embed, .conv-earlier';
/** Controls that cannot act in the first paint: inert (no focus, no click, not announced), looking as they will. */
const CONTROLS = 'button, a[href], input, select, textarea, [tabindex], [role="button"], [role="tab"]';
/** React Aria's states of the moment (hovered, pressed, focused) and inertness under a dialog. */
const MOMENTARY = [
  'data-hovered',
  'data-pressed',
  'data-focused',
  'data-focus-visible',
  'data-focus-within',
  'inert',
];

/**
 * A copy of the chat screen as it is now, for the next start's first paint (./paint.ts), or null
 * when the screen is not one to start on: no thread open, or its message box disabled (no provider
 * or model yet), or a copy too large to be worth reading back. Every control but the message box is
 * made inert: nothing but typing works before the app runs.
 *
 * The message list is virtualized: its rows sit in a window moved by a transform inside a box as
 * tall as the whole thread. The copy keeps the rows in view in plain flow instead (the first
 * paint scrolls it to its end), so it lays out right at any window height.
 */
export function captureFirstScreen(doc: Document, threadId: string): Snapshot | null {
  // The key first-paint.js read as the page was parsed (none: that script did not run).
  const build = doc.documentElement.getAttribute(BUILD_ATTRIBUTE);
  const root = doc.getElementById('root');
  const composer = root?.querySelector<HTMLTextAreaElement>('textarea[data-testid="composer"]');
  if (build === null || !root || !composer || composer.disabled) return null;
  const copy = root.cloneNode(true) as HTMLElement;
  for (const node of copy.querySelectorAll(DROPPED)) node.remove();
  for (const element of copy.querySelectorAll('*')) {
    for (const name of MOMENTARY) element.removeAttribute(name);
    for (const attribute of [...element.attributes])
      if (attribute.name.startsWith('on')) element.removeAttribute(attribute.name);
  }
  for (const control of copy.querySelectorAll<HTMLElement>(CONTROLS))
    if (!control.matches('textarea[data-testid="composer"]')) control.setAttribute('inert', '');
  unvirtualize(root, copy);
  // The unsent text is not kept across starts (drafts live in memory): the box starts empty.
  const box = copy.querySelector<HTMLTextAreaElement>('textarea[data-testid="composer"]');
  if (box) box.textContent = '';
  const html = copy.innerHTML;
  if (html.length > MAX_SNAPSHOT_CHARS) return null;
  return {
    build,
    threadId,
    narrow: doc.defaultView?.matchMedia(NARROW_QUERY).matches ?? false,
    html,
    sheets: sheetsStyling(doc, build, copy),
    savedAt: Date.now(),
  };
}

/**
 * The style sheets the copy needs: those index.html links (named in the build key, linked again
 * by nobody) and, of the sheets code loaded later linked, those with a rule for something in the
 * copy. KaTeX's sheet comes with the idle warm-up of every start: linked for a copy with no
 * formula in it, it would be fetched and parsed before the first paint for nothing. A sheet whose
 * rules cannot be read is kept.
 */
function sheetsStyling(doc: Document, build: string, copy: HTMLElement): string[] {
  const own = new Set(build.split(' '));
  const classes = new Set<string>();
  for (const element of copy.querySelectorAll('[class]'))
    for (const name of element.classList) classes.add(name);
  return [...linkedSheets(doc)].flatMap(([href, sheet]) => {
    if (own.has(href) || !sheet) return [href];
    try {
      return stylesAny(sheet.cssRules, copy, classes) ? [href] : [];
    } catch {
      return [href];
    }
  });
}

/** Whether any style rule in `rules` (inside @media and the like too) matches an element of `copy`. */
function stylesAny(rules: CSSRuleList, copy: HTMLElement, classes: ReadonlySet<string>): boolean {
  for (const rule of rules) {
    if ('selectorText' in rule && typeof rule.selectorText === 'string') {
      // Most rules of a sheet for other parts name a class the copy has none of: no match to try.
      const named = [...rule.selectorText.matchAll(/\.(-?[_a-zA-Z][\w-]*)/gu)].map((found) => found[1] ?? '');
      if (named.length > 0 && !named.some((name) => classes.has(name))) continue;
      try {
        if (copy.querySelector(rule.selectorText) !== null) return true;
      } catch {
        // A selector this engine cannot query (a pseudo-element): the sheet's other rules decide.
      }
    } else if ('cssRules' in rule && stylesAny(rule.cssRules as CSSRuleList, copy, classes)) {
      return true;
    }
  }
  return false;
}

/** Room the list keeps above its first message and below its last (MessageList's paddings: at most the earlier bar). */
const LIST_PADDING_MAX = 44;

/**
 * The list's rows in view, taken out of the virtualizer's positioning: in plain flow, with the
 * list's own room above the first message and below the last when those are among them.
 */
function unvirtualize(root: HTMLElement, copy: HTMLElement): void {
  const rows = root.querySelector<HTMLElement>('.conv-rows');
  const windowed = root.querySelector<HTMLElement>('.conv-window');
  const rowsCopy = copy.querySelector<HTMLElement>('.conv-rows');
  const windowCopy = copy.querySelector<HTMLElement>('.conv-window');
  if (!rows || !windowed || !rowsCopy || !windowCopy) return;
  // Set by MessageList as translateY(<start of the first row in view>px).
  const above = Number(/translateY\((-?[\d.]+)px\)/u.exec(windowed.style.transform)?.[1] ?? 0);
  const below = rows.offsetHeight - above - windowed.offsetHeight;
  rowsCopy.removeAttribute('style');
  windowCopy.style.removeProperty('transform');
  if (above <= LIST_PADDING_MAX) windowCopy.style.paddingTop = `${Math.max(0, Math.round(above))}px`;
  if (below <= LIST_PADDING_MAX) windowCopy.style.paddingBottom = `${Math.max(0, Math.round(below))}px`;
}

/** Keeps `snapshot` (or forgets the last one, given null); a full storage keeps the old copy. */
export function keepSnapshot(
  storage: Pick<Storage, 'setItem' | 'removeItem'>,
  snapshot: Snapshot | null,
): void {
  try {
    if (snapshot) storage.setItem(SNAPSHOT_KEY, JSON.stringify(snapshot));
    else storage.removeItem(SNAPSHOT_KEY);
  } catch {
    // Quota: the next start paints the older copy, or none, and the app draws itself as before.
  }
}
