import optimizeLocales from '@react-aria/optimize-locales-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is one static build: Electron serves it from app:// and the test bridge from
// 127.0.0.1, each with its own CSP header, so nothing here depends on where it runs.
export default defineConfig({
  root: 'renderer',
  base: './',
  // React Aria ships its words ("Dismiss", "Clear search"…) in 34 languages; the app's UI is
  // English, so only that locale is bundled (about 20–30 KB gzip off the first screen).
  plugins: [react(), optimizeLocales.vite({ locales: ['en-US'] })],
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
