// `npm run dev:browser` and `npm run demo`: the real UI in a browser, backed by the real services.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { startHost } from './host';
import { ensureKeyring } from './keyring';

ensureKeyring();

const demo = process.argv.includes('--demo');
const port = Number(process.env.PORT ?? (demo ? 5174 : 5173));
// The demo starts from scratch unless LLM_DESK_DATA names a folder to keep (tests restart on it).
const dataDir =
  process.env.LLM_DESK_DATA ?? (demo ? undefined : join(homedir(), '.local/share/llm-desk-browser'));

const host = await startHost({ demo, port, dataDir, keychainService: demo ? undefined : 'llm-desk-browser' });
console.log(`
LLM Desk (browser build) is running${demo ? ' with a demo provider (mock, no key needed)' : ''}.

  Open:  ${host.bridge.url}

The link carries this run's access token; the server listens on 127.0.0.1 only.
${host.mock ? `Mock provider: ${host.mock.url}  (confidential API ${host.mock.confidentialBase}, Galadriel API ${host.mock.galadrielBase})\n` : ''}Data: ${host.dataDir}
Press Ctrl+C to stop.`);

const stop = () => {
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
