import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { appPages } from './pages';

interface Running {
  child: ChildProcess;
  url: string;
  mockUrl: string;
}

/** The app's services in their own process (as in the real app), so the test can kill them outright. */
function startServices(dataDir: string): Promise<Running> {
  const child = spawn('node_modules/.bin/tsx', ['test/bridge/cli.ts', '--demo'], {
    env: { ...process.env, LLM_DESK_DATA: dataDir, PORT: '0' },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Open:\s+(\S+)/.exec(out)?.[1];
      const mockUrl = /Mock provider: (\S+)/.exec(out)?.[1];
      if (url && mockUrl) resolve({ child, url, mockUrl });
    });
    child.on('exit', (code) => reject(new Error(`services exited early (${code}): ${out}`)));
  });
}

const kill = (running: Running) =>
  new Promise<void>((resolve) => {
    running.child.removeAllListeners('exit');
    running.child.on('exit', () => resolve());
    // The whole process group: tsx and the node it starts, with no chance to clean up.
    process.kill(-(running.child.pid ?? 0), 'SIGKILL');
  });

let browser: Browser;
let page: Page;
const dataDir = mkdtempSync(join(tmpdir(), 'llm-desk-restart-'));

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the app is killed while an answer streams', () => {
  it('shows, after a restart, what was saved, marked interrupted', async () => {
    const first = await startServices(dataDir);
    try {
      const { threads, conversation } = appPages(page);
      await page.goto(first.url);
      await threads.openFirst();
      await page.evaluate(
        (id) => window.api.threads.update({ id, settings: { toolIds: [] } }),
        (await threads.items.first().getAttribute('data-thread-id')) ?? '',
      );
      await fetch(`${first.mockUrl}/__mock/script`, {
        method: 'POST',
        body: JSON.stringify([{ reply: { content: 'pelican '.repeat(600), chunks: 600, delayMs: 20 } }]),
      });
      await conversation.ask('A very long answer, please');
      // Well past a few 250 ms save intervals.
      await expect
        .poll(async () => ((await conversation.lastAnswer.textContent()) ?? '').split('pelican').length, {
          timeout: 15_000,
        })
        .toBeGreaterThan(60);
    } finally {
      await kill(first);
    }

    const second = await startServices(dataDir);
    try {
      await page.goto(second.url);
      const { threads, conversation } = appPages(page);
      await threads.openFirst();
      await expect.poll(() => conversation.lastAnswer.getAttribute('data-status')).toBe('interrupted');
      const text = (await conversation.lastAnswer.textContent()) ?? '';
      expect(text.split('pelican').length).toBeGreaterThan(30);
      expect(text).toMatch(/app closed while this answer was streaming/i);
      await page.screenshot({ path: 'test-results/restart-interrupted.png' });
    } finally {
      await kill(second);
    }
  }, 60_000);
});
