// Builds what Electron loads: main (CJS, Node), the sandboxed single-file preload, the renderer
// (Vite) and, for the test bridge, the browser shim that stands in for the preload.
import { build as esbuild } from 'esbuild';
import { existsSync } from 'node:fs';
import { build as viteBuild } from 'vite';

const args = new Set(process.argv.slice(2));
const rendererOnly = args.has('--renderer');
const mainOnly = args.has('--main');

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

async function buildMain() {
  const entryPoints = { index: 'main/index.ts' };
  // The search worker runs in its own thread, so it is its own bundle next to main.
  if (existsSync('main/threads/searchWorker.ts')) entryPoints.searchWorker = 'main/threads/searchWorker.ts';
  // Attachments are read (sniffed, PDFs parsed, text counted) in their own worker too.
  if (existsSync('main/attachments/worker.ts')) entryPoints.attachmentsWorker = 'main/attachments/worker.ts';
  // Experiment checks (regex, schemas) run in theirs, each with a time limit.
  if (existsSync('main/experiments/checkWorker.ts'))
    entryPoints.experimentChecksWorker = 'main/experiments/checkWorker.ts';
  // Provider reports (quote chains, GPU evidence) are checked in their own worker too.
  if (existsSync('main/attestation/evidenceWorker.ts'))
    entryPoints.evidenceWorker = 'main/attestation/evidenceWorker.ts';
  await esbuild({
    ...common,
    entryPoints,
    outdir: 'out/main',
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    // sharp is native; pdf.js is an ES module loaded on demand by the attachments worker; the
    // tokenizer's 4 MB table is loaded (lazily) from node_modules rather than parsed with each bundle.
    external: ['electron', 'keytar', 'sharp', 'pdfjs-dist', 'gpt-tokenizer'],
  });
  await esbuild({
    ...common,
    entryPoints: ['main/preload.ts'],
    outfile: 'out/preload/index.cjs',
    // A sandboxed preload may only require('electron'): everything else is inlined.
    platform: 'browser',
    target: 'chrome130',
    format: 'cjs',
    external: ['electron'],
  });
}

async function buildRenderer() {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
  await esbuild({
    ...common,
    entryPoints: ['test/bridge/shim.ts'],
    outfile: 'out/bridge/shim.js',
    platform: 'browser',
    target: 'chrome130',
    format: 'iife',
  });
}

const started = performance.now();
if (!rendererOnly) await buildMain();
if (!mainOnly) await buildRenderer();
console.log(
  `built ${rendererOnly ? 'renderer' : mainOnly ? 'main' : 'app'} in ${Math.round(performance.now() - started)} ms`,
);
