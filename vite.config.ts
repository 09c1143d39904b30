import optimizeLocales from '@react-aria/optimize-locales-plugin';
import react from '@vitejs/plugin-react';
import { build } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

/**
 * first-paint.js (renderer/src/paint/entry.ts): a classic script of its own at the end of <body>,
 * run as the page is parsed, before the app's modules are fetched and evaluated, so it cannot be
 * one of their chunks. A few KB, with no import of React or the rest.
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
      // The style sheets ahead of the entry and its ~20 module preloads: the first paint waits for
      // them (a script after style sheets does), and over HTTP/1.1 (the test bridge) they queued
      // six at a time behind the scripts.
      // The script itself is asked for first of all, beside them (preloaded after the CSP): found
      // at the end of <body>, it was fetched after the module preloads, and the first paint with it
      // (a start through the bridge: median 678 → 596 ms, seven alternating starts each).
      handler: (html) => {
        const sheets = html.match(/\s*<link rel="stylesheet"[^>]*>/gu) ?? [];
        const moved = sheets.reduce((rest, sheet) => rest.replace(sheet, ''), html);
        return {
          html: moved
            .replace(
              /(\s*)<script type="module"/u,
              (at, space: string) => `${space}${sheets.map((s) => s.trim()).join(space)}${at}`,
            )
            .replace('</title>', `</title>\n    <link rel="preload" as="script" href="./${fileName}" />`),
          tags: [{ tag: 'script', attrs: { src: `./${fileName}` }, injectTo: 'body' }],
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
          ],
        },
      },
    },
  },
});
