// The user's side of a damaged database: the real renderer in Chromium through the test bridge,
// on a data directory whose database had bytes changed after a clean close.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanlyClosedHistory, flipBytes } from '../db/damagedFile';
import { chromiumAvailable, launchChromium } from '../e2e/browser';
import { openApp } from '../e2e/harness';

const built = existsSync('out/renderer/index.html') && existsSync('out/bridge/shim.js');

describe.skipIf(!chromiumAvailable() || !built)('a database damaged while the app was closed', () => {
  let browser: Browser;
  const dataDir = mkdtempSync(join(tmpdir(), 'llm-desk-damage-'));
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is announced with where its copy is, and the user can save what reads and continue from it', async () => {
    const file = join(dataDir, 'llm-desk.sqlite');
    const threadId = cleanlyClosedHistory(file);
    flipBytes(file);
    const app = await openApp(browser, { dataDir });
    try {
      const banner = app.page.getByTestId('database-damage');
      await banner.getByText('Your database is damaged').waitFor();
      await expect(banner.textContent()).resolves.toContain(`${file}.damaged-`);
      await expect(banner.textContent()).resolves.toContain('Nothing new is saved');

      // It can shrink out of the way, never away.
      await banner.getByRole('button', { name: 'Hide' }).click();
      await banner.getByText('The database is damaged: nothing new is saved.').waitFor();
      await banner.getByRole('button', { name: 'Details' }).click();

      await banner.getByRole('button', { name: 'Save what can be read' }).click();
      await banner.getByText(/Saved \d+ rows to /).waitFor();

      const reloaded = app.page.waitForEvent('load');
      await banner.getByRole('button', { name: 'Continue from the saved copy' }).click();
      await reloaded;
      await app.page.getByRole('navigation', { name: 'Screens' }).waitFor();
      // The new database is the saved copy: its thread is there, and nothing is damaged.
      expect(app.host.services.db.prepare('SELECT id FROM threads').all()).toEqual([{ id: threadId }]);
      await expect(app.host.services.database.check()).resolves.toMatchObject({ state: 'ok' });
      expect(await app.page.getByTestId('database-damage').count()).toBe(0);
    } finally {
      await app.close();
    }
  }, 60_000);
});
