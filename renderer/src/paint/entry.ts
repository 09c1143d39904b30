// first-paint.js: a classic script at the end of <body>, run as the page is parsed (after its
// style sheets), built on its own by vite.config.ts (firstPaintScript): the first paint, then the
// app (./start.ts).
import { startPage } from './start';

void startPage(window, localStorage, document.currentScript);
