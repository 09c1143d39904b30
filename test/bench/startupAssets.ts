// What the first screen downloads: the scripts index.html loads or names (the app's modules,
// started by first-paint.js) and everything they import statically, read from Vite's manifest of
// the built renderer. Dynamic imports (ECharts, CodeMirror) are left out: they are fetched when
// their screen first needs them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

export interface InitialJs {
  /** Built files (relative to the renderer folder) the first screen loads, entry first. */
  files: string[];
  /** Their gzip size in bytes, as a server or a packed app.asar would ship them compressed. */
  gzipBytes: number;
  /** Files only loaded by a dynamic import(), for the log. */
  lazyFiles: string[];
}

/** The JS `index.html` of the built renderer at `rendererDir` loads before anything is clicked. */
export function initialJs(rendererDir: string): InitialJs {
  const manifest = JSON.parse(readFileSync(join(rendererDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const referenced = [
    ...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.?\/?([^"]+\.js)"/gu),
    // The app's modules, which first-paint.js starts (renderer/src/paint/start.ts).
    ...[...html.matchAll(/\bdata-(?:app|preload)="([^"]*)"/gu)].flatMap((m) =>
      (m[1] ?? '').split(/\s+/u).map((file) => /^\.?\/?(.+\.js)$/u.exec(file)),
    ),
  ].flatMap((m) => (m?.[1] ? [m[1]] : []));
  if (referenced.length === 0) throw new Error(`${rendererDir}/index.html loads no script`);
  const classic = new Set(
    [...html.matchAll(/<script\b(?![^>]*type="module")[^>]*\bsrc="\.?\/?([^"]+\.js)"/gu)].map(
      (m) => m[1] as string,
    ),
  );
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, { key, chunk }]));
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const entry = byFile.get(file);
    // A classic script of its own (first-paint.js, built beside Vite's chunks) imports nothing.
    if (!entry && classic.has(file) && existsSync(join(rendererDir, file))) return;
    if (!entry) throw new Error(`${file} is loaded by index.html but missing from the Vite manifest`);
    for (const key of entry.chunk.imports ?? []) {
      const imported = manifest[key];
      if (!imported) throw new Error(`${file} imports ${key}, which the manifest does not list`);
      visit(imported.file);
    }
  };
  for (const file of referenced) visit(file);
  const files = [...seen];
  const gzipBytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(rendererDir, f))).length, 0);
  const lazyFiles = [...byFile.keys()].filter((f) => f.endsWith('.js') && !seen.has(f));
  return { files, gzipBytes, lazyFiles };
}
