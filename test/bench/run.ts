// `npm run bench [filter]`: runs every test/bench/*.bench.ts in turn (not in parallel: they
// measure), prints each figure beside its target, and writes bench-results.json.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureKeyring } from '../bridge/keyring';
import type { BenchFile, BenchResult } from './types';

// The render benches add providers, whose secrets only ever go to a real keychain: with no
// session (CI, a headless box) re-run inside a throwaway gnome-keyring, as `npm test` does.
ensureKeyring();

const filter = process.argv[2] ?? '';
const dir = join(process.cwd(), 'test/bench');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();

const results: BenchResult[] = [];
for (const file of files) {
  const started = performance.now();
  console.log(`\n▶ ${file}`);
  try {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as BenchFile;
    const figures = await mod.run();
    results.push(...figures);
    for (const r of figures)
      console.log(
        `  ${verdict(r)}  ${r.name}: ${format(r.value)} ${r.unit} (target ${r.target})${beside(r)}`,
      );
  } catch (error) {
    console.error(`  ${file} failed:`, error);
    results.push({ name: file, value: Number.NaN, unit: 'error', target: 'runs', pass: false });
  }
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

function verdict(r: BenchResult): string {
  if (r.pass) return 'pass';
  return r.stretch ? 'miss (stretch)' : 'FAIL';
}

/** A figure's ratio to the same measure of a baseline build taken in the same run. */
function beside(r: BenchResult): string {
  if (!r.baseline) return '';
  const { label, value } = r.baseline;
  if (!Number.isFinite(value)) return `; ${label}: not measured`;
  if (value === 0) return `; ${label}: 0 ${r.unit}`;
  return `; ${(r.value / value).toFixed(2)}× ${label} (${format(value)} ${r.unit})`;
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100
    ? value.toFixed(0)
    : Math.abs(value) >= 1
      ? value.toFixed(2)
      : value.toPrecision(3);
}

const width = Math.max(4, ...results.map((r) => r.name.length));
console.log(`\n${'name'.padEnd(width)}  ${'value'.padStart(12)}  unit        target            result`);
for (const r of results) {
  console.log(
    `${r.name.padEnd(width)}  ${format(r.value).padStart(12)}  ${r.unit.padEnd(10)}  ${r.target.padEnd(16)}  ${verdict(r)}${beside(r)}`,
  );
}
writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
const required = results.filter((r) => !r.stretch);
const stretch = results.filter((r) => r.stretch);
console.log(
  `\n${required.filter((r) => r.pass).length} of ${required.length} figures meet their targets` +
    (stretch.length > 0
      ? `; stretch goals: ${stretch.filter((r) => r.pass).length} of ${stretch.length}`
      : '') +
    '; written to bench-results.json',
);
