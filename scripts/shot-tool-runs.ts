// Screenshots of the Usage screen's Tool runs section (issue 16): MCP runs of three servers with
// every status, totals and p95 per server and tool, one tool picked; light and dark, at 1440 and
// 1024 px. The runs are written into the ledger as the runner writes them (a real server's runs
// are tested in test/mcp/runLedger.test.ts).
// Usage: npx tsx scripts/shot-tool-runs.ts [--out /tmp/shots]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SeededRun } from '../test/mcp/seedRuns';
import { seedRuns } from '../test/mcp/seedRuns';
import { launchChromium } from '../test/e2e/browser';
import { openApp } from '../test/e2e/harness';
import { ensureKeyring } from '../test/bridge/keyring';

ensureKeyring();
const at = process.argv.indexOf('--out');
const out = at >= 0 ? (process.argv[at + 1] ?? '/tmp/shots') : '/tmp/shots';
mkdirSync(out, { recursive: true });

const MIN = 60_000;

/** A day of an assistant's tool use: reads, a search that times out, a denied delete, a canned answer. */
function runs(threadId: string, messageId: string | null): SeededRun[] {
  const mine = { threadId, messageId };
  return [
    {
      server: 'files',
      tool: 'read_file',
      status: 'ok',
      durationMs: 38,
      resultChars: 4_812,
      agoMs: 2 * MIN,
      ...mine,
    },
    {
      server: 'files',
      tool: 'read_file',
      status: 'ok',
      durationMs: 52,
      resultChars: 12_950,
      agoMs: 3 * MIN,
      ...mine,
    },
    {
      server: 'files',
      tool: 'list_dir',
      status: 'ok',
      durationMs: 12,
      resultChars: 640,
      agoMs: 4 * MIN,
      ...mine,
    },
    {
      server: 'files',
      tool: 'delete_file',
      status: 'denied',
      durationMs: 0,
      resultChars: null,
      agoMs: 5 * MIN,
      ...mine,
    },
    {
      server: 'web',
      tool: 'search',
      status: 'timeout',
      durationMs: 30_000,
      resultChars: null,
      agoMs: 9 * MIN,
      ...mine,
    },
    {
      server: 'web',
      tool: 'search',
      status: 'ok',
      durationMs: 1_840,
      resultChars: 23_400,
      agoMs: 12 * MIN,
      ...mine,
    },
    {
      server: 'web',
      tool: 'fetch_page',
      status: 'error',
      durationMs: 410,
      resultChars: 96,
      agoMs: 14 * MIN,
      ...mine,
    },
    {
      server: 'web',
      tool: 'fetch_page',
      status: 'cancelled',
      durationMs: 2_210,
      resultChars: null,
      agoMs: 15 * MIN,
      ...mine,
    },
    {
      server: 'github',
      tool: 'create_issue',
      status: 'canned',
      durationMs: 0,
      resultChars: 61,
      agoMs: 20 * MIN,
      ...mine,
    },
    {
      server: 'github',
      tool: 'list_pulls',
      status: 'ok',
      durationMs: 690,
      resultChars: 8_120,
      agoMs: 26 * MIN,
      ...mine,
    },
    {
      server: 'files',
      tool: 'read_file',
      status: 'ok',
      durationMs: 44,
      resultChars: 2_300,
      agoMs: 31 * MIN,
      threadId: 'gone',
    },
  ];
}

const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const app = await openApp(browser, {
      demo: true,
      colorScheme: scheme,
      viewport: { width: 1440, height: 1000 },
    });
    try {
      const { page, pages } = app;
      await pages.threads.openFirst();
      await pages.conversation.send('Tidy the release notes and open an issue for the rest', 30_000);
      const messageId = await pages.conversation.lastAnswer.getAttribute('data-message-id');
      seedRuns(app.host.services.db, runs(app.host.demoThreadId ?? '', messageId));
      for (const width of [1440, 1024]) {
        await page.setViewportSize({ width, height: width === 1440 ? 1000 : 900 });
        await pages.usage.open();
        const section = pages.usage.toolRuns;
        await section.rows.nth(10).waitFor({ timeout: 20_000 });
        await section.section.scrollIntoViewIfNeeded();
        await section.section.screenshot({ path: join(out, `usage-tool-runs-${scheme}-${width}.png`) });
        await section.only('read_file');
        await section.showEveryTool.waitFor();
        await section.section.screenshot({ path: join(out, `usage-tool-runs-only-${scheme}-${width}.png`) });
        await section.showEveryTool.click();
        await page.screenshot({ path: join(out, `usage-tool-runs-page-${scheme}-${width}.png`) });
        // The thread header's count of its runs, beside its usage.
        await section.thread(0).click();
        await page.getByTestId('thread-tool-runs').waitFor({ timeout: 20_000 });
        await page.screenshot({
          path: join(out, `thread-tool-runs-${scheme}-${width}.png`),
          clip: { x: 0, y: 0, width, height: 160 },
        });
      }
    } finally {
      await app.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`screenshots in ${out}`);
