import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from './server';

/**
 * The bridge stands in for the app's file loading in the startup bench: built assets (named by
 * their content hash) are read once and then served from memory, as the app reads its own files
 * without a network between; index.html is read each time, so a rebuild while it runs is served.
 */
describe('the bridge serving a build', () => {
  const root = mkdtempSync(join(tmpdir(), 'bridge-assets-'));
  const rendererDir = join(root, 'renderer');
  let bridge: Bridge;
  const get = async (path: string) => {
    const response = await fetch(`${bridge.origin}${path}`, { headers: { 'x-bridge-token': bridge.token } });
    return { status: response.status, body: await response.text() };
  };

  beforeAll(async () => {
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<p>first build</p>');
    writeFileSync(join(rendererDir, 'assets', 'index-abc123.js'), 'export const x = 1;');
    writeFileSync(join(root, 'shim.js'), '');
    bridge = await startBridge({ rendererDir, shimFile: join(root, 'shim.js') });
  });
  afterAll(async () => {
    await bridge.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps an asset it has served, and reads index.html again on every request', async () => {
    expect(await get('/assets/index-abc123.js')).toEqual({ status: 200, body: 'export const x = 1;' });
    expect((await get('/')).body).toContain('first build');
    // A rebuild replaces the folder: the page asks for the new index, old asset names stay answered.
    rmSync(join(rendererDir, 'assets', 'index-abc123.js'));
    writeFileSync(join(rendererDir, 'index.html'), '<p>second build</p>');
    expect(await get('/assets/index-abc123.js')).toEqual({ status: 200, body: 'export const x = 1;' });
    expect((await get('/')).body).toContain('second build');
  });

  it('never remembers a file that was missing', async () => {
    expect((await get('/assets/late-def456.js')).status).toBe(404);
    writeFileSync(join(rendererDir, 'assets', 'late-def456.js'), 'late');
    expect(await get('/assets/late-def456.js')).toEqual({ status: 200, body: 'late' });
  });

  it('runs its shim, as Electron runs the preload, before any script of the page', async () => {
    writeFileSync(
      join(rendererDir, 'index.html'),
      '<html><head><link rel="stylesheet" href="./assets/a.css">\n</head><body><script src="./first-paint.js" data-app="./assets/index-abc.js"></script></body></html>',
    );
    const page = (await get('/')).body;
    const shim = page.indexOf('<script src="./__bridge/shim.js"></script>');
    expect(shim).toBeGreaterThan(page.indexOf('a.css'));
    expect(shim).toBeLessThan(page.indexOf('</head>'));
    expect(page.indexOf('<script')).toBe(shim);
  });
});
