import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/electronBinary.mjs';

const binary = electronBinary();
if (!binary) {
  console.log(
    'electron smoke: SKIPPED — the Electron binary is not installed on this machine (offline install); it runs wherever `npm install` could download Electron.',
  );
}

describe.skipIf(!binary)('the packaged shell (Playwright _electron)', () => {
  it('opens one hardened window: window.api but no Node, no navigation away, no new windows', async () => {
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: ['.', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'llm-desk-smoke-'))}`],
    });
    try {
      const page = await app.firstWindow();
      await page.getByRole('navigation', { name: 'Screens' }).waitFor();
      expect(await page.title()).toBe('LLM Desk');
      const probe = await page.evaluate(() => ({
        api: typeof window.api === 'object' && Object.isFrozen(window.api),
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      }));
      expect(probe).toEqual({ api: true, require: 'undefined', process: 'undefined' });
      // Navigation away is blocked: the page stays on our own origin.
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.getByRole('navigation', { name: 'Screens' }).waitFor();
      expect(new URL(page.url()).protocol).toBe('app:');
      // window.open never creates a window.
      await page.evaluate(() => window.open('https://example.com/'));
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
