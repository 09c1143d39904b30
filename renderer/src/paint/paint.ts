// The first paint, run by first-paint.js (./entry.ts) as the page is parsed. It draws the chat
// screen as it last looked, from the copy the app keeps (./capture.ts), with the message box
// focused and taking typing: the window shows the user's thread and takes their words about a
// second before React, React Aria and the store are compiled and evaluated. Nothing else in it
// works yet: the app takes it off once it has drawn the window itself, and carries over what was
// typed (./adopt.ts).
import { renderFailed } from '../platform/renderFailures';
import { BUILD_ATTRIBUTE, buildKey, NARROW_QUERY, OVERLAY_ID, readSnapshot, sheetsOf } from './snapshot';

/**
 * Draws the kept copy over the empty root, once the style sheets it needs are in (the returned
 * promise), or nothing (null) when it does not apply.
 */
export async function paintFirstScreen(
  doc: Document,
  storage: Pick<Storage, 'getItem'>,
): Promise<HTMLElement | null> {
  const build = buildKey(doc);
  doc.documentElement.setAttribute(BUILD_ATTRIBUTE, build);
  const snapshot = readSnapshot(storage);
  if (!snapshot || snapshot.build !== build) return null;
  if (renderFailed(snapshot.threadId)) return null;
  if ((doc.defaultView?.matchMedia(NARROW_QUERY).matches ?? false) !== snapshot.narrow) return null;
  const root = doc.getElementById('root');
  if (!root || root.childElementCount > 0) return null;

  const overlay = doc.createElement('div');
  overlay.id = OVERLAY_ID;
  overlay.dataset.threadId = snapshot.threadId;
  // Markup the app drew itself (its markdown went through DOMPurify), kept in the renderer's own
  // storage; the page's CSP runs no inline script or handler whatever it holds.
  overlay.innerHTML = snapshot.html;
  const composer = overlay.querySelector<HTMLTextAreaElement>('textarea[data-testid="composer"]');
  if (!composer) return null;
  // Its other controls are inert (./capture.ts): only the message box works before the app runs.

  // Sheets of code loaded later (a tool call's card), linked now: a local file each, a few ms.
  const linked = new Set(sheetsOf(doc));
  const loads = snapshot.sheets
    .filter((href) => !linked.has(href) && /^\.\/assets\/[\w.-]+\.css$/u.test(href))
    .map((href) => {
      const link = doc.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      doc.head.append(link);
      return new Promise<void>((resolve) => {
        link.onload = () => resolve();
        link.onerror = () => resolve();
      });
    });
  await Promise.all(loads);
  // The app drew itself meanwhile (a slow sheet): it needs no first paint.
  if (root.childElementCount > 0) return null;
  root.after(overlay);

  // Enter sends in the app: here it is held (the text stays), and the app sends it once it runs.
  composer.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.isComposing) return;
    event.preventDefault();
    if (composer.value.trim() !== '') overlay.dataset.send = 'pending';
  });
  // The newest messages, as the app opens a thread at its end.
  const scroller = overlay.querySelector<HTMLElement>('.conv-scroll');
  if (scroller) scroller.scrollTop = scroller.scrollHeight;
  composer.focus();
  return overlay;
}
