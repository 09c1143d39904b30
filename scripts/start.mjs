// `npm start`: build, then launch Electron. Where the Electron binary is missing (and cannot be
// downloaded), say how to get it and point at the browser build instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electronBinary.mjs';

function tryDownload() {
  console.log('Electron binary not found: trying to download it…');
  const result = spawnSync(process.execPath, ['node_modules/electron/install.js'], { encoding: 'utf8' });
  if (result.status !== 0) {
    const reason = `${result.stderr}${result.stdout}`.trim().split('\n').pop();
    console.error(`The download failed: ${reason || 'no reason given'}`);
  }
  return result.status === 0;
}

let binary = electronBinary();
if (!binary && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1' && tryDownload()) binary = electronBinary();

if (!binary) {
  console.error(`
LLM Desk needs the Electron binary, and it is not installed here (its download failed or was skipped).

  To get it:   rm -rf node_modules/electron && npm install
               (behind a proxy, set HTTPS_PROXY; offline, copy Electron into place and set
                ELECTRON_OVERRIDE_DIST_PATH to its folder)

  Meanwhile:   npm run dev:browser   opens the same UI in your browser, backed by the real services
               npm run demo          the same, with a mock provider already configured
`);
  process.exit(1);
}

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
