// `npm test`: typecheck, lint, build, then every test layer (unit, integration, e2e, smoke,
// security scan) in one vitest run; ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;

// Keychain tests need a Secret Service: start a private session bus with gnome-keyring when there is none.
if (process.env.LLM_DESK_KEYRING_SESSION !== '1' && !process.env.LLM_DESK_NO_KEYRING) {
  const probe = spawnSync('sh', ['-c', 'command -v dbus-run-session && command -v gnome-keyring-daemon'], {
    encoding: 'utf8',
  });
  if (probe.status === 0) {
    const result = spawnSync(
      'bash',
      ['scripts/with-keyring.sh', process.execPath, ...process.argv.slice(1)],
      { stdio: 'inherit' },
    );
    process.exit(result.status ?? 1);
  }
  console.log(
    'npm test: no D-Bus session and no dbus-run-session/gnome-keyring here; keychain tests will say why they skip.',
  );
}

function step(label, command, args) {
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n${label} failed (${seconds} s).`);
    console.log('0 passed, 1 failed');
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${label} (${seconds} s)`);
}

const only = process.argv.slice(2);
if (only.length === 0) {
  step('typecheck: main', bin('tsc'), ['-p', 'main/tsconfig.json', '--noEmit']);
  step('typecheck: renderer', bin('tsc'), ['-p', 'renderer/tsconfig.json', '--noEmit']);
  step('typecheck: tests', bin('tsc'), ['-p', 'test/tsconfig.json', '--noEmit']);
  step('lint', bin('eslint'), ['.', '--max-warnings', '0']);
  step('format', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
  step('build', process.execPath, ['scripts/build.mjs']);
}

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const run = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...only],
  {
    stdio: 'inherit',
  },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  // A file that failed to load has no failed test of its own: count it once, and only then.
  const unloaded = (json.testResults ?? []).filter(
    (file) => file.status === 'failed' && !file.assertionResults?.some((t) => t.status === 'failed'),
  ).length;
  failed = (json.numFailedTests ?? 0) + unloaded;
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
