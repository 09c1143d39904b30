// first-paint.js: a classic script at the end of <body>, run as the page is parsed (after its
// style sheets, before the app's modules), built on its own by vite.config.ts (firstPaintScript).
import { paintFirstScreen } from './paint';
import { OVERLAY_ID } from './snapshot';

paintFirstScreen(document, localStorage).then(
  // Marked for the startup trace (test/bench/startup): when the copy was drawn, if it was.
  (drawn) => drawn && performance.mark('llm-desk:first-paint'),
  // Storage unavailable or a copy that does not fit: the app draws the window as it always did.
  () => document.getElementById(OVERLAY_ID)?.remove(),
);
