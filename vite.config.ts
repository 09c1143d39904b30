import optimizeLocales from '@react-aria/optimize-locales-plugin';
import react from '@vitejs/plugin-react';
import { build } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';
import { APP_ATTRIBUTE, PRELOAD_ATTRIBUTE } from './renderer/src/paint/snapshot.ts';

/**
 * first-paint.js (renderer/src/paint/entry.ts): a classic script of its own at the end of <body>,
 * run as the page is parsed, before the app's modules are fetched and evaluated (it starts them),
 * so it cannot be one of their chunks. A few KB, with no import of React or the rest.
 */
function firstPaintScript(): Plugin {
  const fileName = 'first-paint.js';
  return {
    name: 'llm-desk-first-paint',
    apply: 'build',
    async generateBundle() {
      const built = await build({
        entryPoints: ['renderer/src/paint/entry.ts'],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'chrome130',
        minify: true,
        legalComments: 'none',
      });
      const code = built.outputFiles[0]?.text;
      if (!code) throw new Error('first-paint.js: esbuild wrote nothing');
      this.emitFile({ type: 'asset', fileName, source: code });
    },
    transformIndexHtml: {
      order: 'post',
      // The app's entry module and its ~20 chunk preloads are not in the page: first-paint.js
      // starts them (renderer/src/paint/start.ts) once the first paint is on screen, or at
      // once when it draws none. Fetched and compiled while the page was parsed, they took the two
      // cores of a small machine from the first paint's layout (a start through the bridge, nine
      // alternating each: usable at a median 576 → 372 ms, the app's own window no later).
      // The style sheets stay in <head>, and the script itself is asked for ahead of them
      // (preloaded after the title): found at the end of <body> it was fetched last.
      handler: (html) => {
        const entry = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/u.exec(html);
        if (!entry?.[1]) throw new Error('first-paint.js: index.html has no entry module to start');
        const preloads = [...html.matchAll(/\s*<link rel="modulepreload" crossorigin href="([^"]+)">/gu)];
        const rest = [entry, ...preloads].reduce((page, [tag]) => page.replace(tag, ''), html);
        return {
          html: rest.replace(
            '</title>',
            `</title>\n    <link rel="preload" as="script" href="./${fileName}" />`,
          ),
          tags: [
            {
              tag: 'script',
              attrs: {
                src: `./${fileName}`,
                [APP_ATTRIBUTE]: entry[1],
                [PRELOAD_ATTRIBUTE]: preloads.map((found) => found[1]).join(' '),
              },
              injectTo: 'body',
            },
          ],
        };
      },
    },
  };
}

// The renderer is one static build: Electron serves it from app:// and the test bridge from
// 127.0.0.1, each with its own CSP header, so nothing here depends on where it runs.
export default defineConfig({
  root: 'renderer',
  base: './',
  // React Aria ships its words ("Dismiss", "Clear search"…) in 34 languages; the app's UI is
  // English, so only that locale is bundled (about 20–30 KB gzip off the first screen).
  plugins: [react(), optimizeLocales.vite({ locales: ['en-US'] }), firstPaintScript()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 2500,
    // .vite/manifest.json: which chunks each chunk imports statically or dynamically. The
    // startup bench reads it to weigh what the first screen loads.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // The first screen's calls to main (renderer/src/early.ts) in a chunk of their own,
              // with no imports: the entry evaluates it before React and the rest, so the calls
              // leave at once instead of after every other chunk has run (~150-200 ms cold).
              name: 'early',
              test: /renderer\/src\/(early|platform\/firstScreen|platform\/renderFailures|bridge\/api)\.ts$/,
            },
            {
              // The style sheets of the widgets the first screen draws, in one file (five before,
              // one per shared chunk): the first screen asks for its sheets, first-paint.js and
              // the bridge's shim in one round of six HTTP/1.1 connections, and Electron reads one
              // file where it read five. The same rules: the only classes two of them share are on
              // selectors of different specificity, so their order in the file changes nothing.
              name: 'widgets',
              test: /renderer\/src\/ui\/(button|Dialog|field|Select|ComboBox)\.css$/,
            },
          ],
        },
      },
    },
  },
});
