import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_SERVER } from '../mcp/support';
import { assistantMessages, lastAnswer, openFirstThread } from './chat';
import { useDemoApp } from './harness';

const demo = useDemoApp({ resetMock: false });
const mock = () => demo.mock();
const SHOTS = process.env.MCP_SHOTS ?? 'test-results';
/** MCP_SCHEME=dark runs the same path in the dark theme, for its screenshots. */
const SCHEME = process.env.MCP_SCHEME === 'dark' ? 'dark' : 'light';

const screen = async (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();

/**
 * Sends a message. Its answer holds calls for the user, so the wait is for the approval card
 * (approvalOf), not for a count of answers: the list is virtualised and a long thread keeps the
 * same number of answers in the page.
 */
async function send(page: Page, text: string) {
  await page.getByTestId('composer').fill(text);
  await page.getByTestId('composer').press('Enter');
}

/** The approval card of the newest answer, once main holds its calls for the user. */
async function approvalOf(page: Page): Promise<Locator> {
  const card = lastAnswer(page).getByTestId('mcp-approval');
  await card
    .getByRole('group', { name: /^Decision for / })
    .first()
    .waitFor();
  return card;
}

/** Waits for the answer after a tool round: the model's text under the tool result. */
async function answered(page: Page, text: string) {
  await page
    .waitForFunction(
      (want) => {
        const answers = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
        const last = answers[answers.length - 1];
        return last?.getAttribute('data-status') === 'complete' && (last.textContent ?? '').includes(want);
      },
      text,
      { timeout: 40_000 },
    )
    .catch(async (error: unknown) => {
      await page.screenshot({ path: `${SHOTS}/mcp-failed-${SCHEME}.png` });
      throw error;
    });
}

/**
 * Waits on main's own `mcp:changed` events (not on a poll of the screen) until the server runs
 * again after `since` and lists the tool `name` as changed since approved; bounded at 45 s.
 */
async function changedAfterRestart(page: Page, since: number, name: string) {
  await page.evaluate(
    async ({ since, name }) => {
      const done = async () => {
        const [servers, tools] = await Promise.all([window.api.mcp.list({}), window.api.mcp.tools({})]);
        return (
          servers.ok &&
          tools.ok &&
          servers.value.some((s) => s.status.state === 'running' && s.status.since > since) &&
          tools.value.some((t) => t.name === name && t.changed)
        );
      };
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no restart with a changed tool in 45 s')), 45_000);
        const finish = () => {
          clearTimeout(timer);
          off();
          resolve();
        };
        const off = window.api.mcp.onChanged(() => void done().then((yes) => yes && finish()));
        void done().then((yes) => yes && finish());
      });
    },
    { since, name },
  );
}

// Each step starts or restarts a real server process: generous on a busy machine.
describe(
  'MCP servers: consent, approval, edits, denial and a changed definition',
  { timeout: 60_000 },
  () => {
    it('adds a stdio server through the consent screen; nothing runs before the OK', async () => {
      const { page } = demo.app;
      await page.emulateMedia({ colorScheme: SCHEME });
      await screen(page, 'Servers');
      await page.getByRole('button', { name: 'Add server' }).click();
      const form = page.getByRole('dialog', { name: 'Add an MCP server' });
      await form.getByLabel('Name').fill('test');
      await form.getByLabel('Command').fill(process.execPath);
      await form.getByLabel('Arguments, one per line').fill(TEST_SERVER);
      await form.getByRole('button', { name: 'Add variable' }).click();
      await form.getByLabel('Environment name 1').fill('SHIFT_FILE');
      await form.getByLabel('Environment value 1').fill(join(mkdtempSync(join(tmpdir(), 'e2e-shift-')), 'n'));
      await form.getByRole('button', { name: 'Review and save' }).click();

      const consent = page.getByTestId('mcp-consent');
      await expect
        .poll(() => consent.getByTestId('consent-command').textContent(), { timeout: 20_000 })
        .toBe(process.execPath);
      expect(await consent.getByLabel('Arguments').textContent()).toContain('testServer.mjs');
      expect(await consent.getByLabel('Variables').textContent()).toBe('SHIFT_FILE');
      // Saved but not started: the server list says so behind the consent screen.
      const servers = await page.evaluate(async () => {
        const r = await window.api.mcp.list({});
        return r.ok ? r.value.map((s) => [s.status.state, s.consented]) : [];
      });
      expect(servers).toEqual([['stopped', false]]);
      await page.screenshot({ path: `${SHOTS}/mcp-consent-${SCHEME}.png` });
      await consent.getByRole('button', { name: 'Run this command' }).click();
      await expect
        .poll(() => page.getByTestId('mcp-status').textContent(), { timeout: 20_000 })
        .toBe('running');
      await page.getByText('Hidden characters:').first().waitFor();
      await page.screenshot({ path: `${SHOTS}/mcp-servers-${SCHEME}.png` });
      // The server's tools join the library's list, marked as run by their server.
      await screen(page, 'Tools');
      const fromServers = page.getByRole('region', { name: 'Tools from MCP servers' });
      await fromServers.getByText('test__echo').waitFor();
      expect(await fromServers.textContent()).toContain('run by test');
      await page.screenshot({ path: `${SHOTS}/mcp-library-${SCHEME}.png` });
    });

    it('runs a tool after approval with edited arguments, then denies another', async () => {
      const { page } = demo.app;
      await screen(page, 'Chats');
      await openFirstThread(page);
      // Attach the whole server to the thread in the inspector's Tools tab.
      await page.getByRole('tab', { name: 'Tools' }).click();
      const serverBox = page
        .getByRole('group', { name: 'Server tools for this thread' })
        .getByRole('checkbox', { name: /^test/ });
      await serverBox.click();
      await expect.poll(() => serverBox.isChecked(), { timeout: 20_000 }).toBe(true);
      await page.screenshot({ path: `${SHOTS}/mcp-attach-${SCHEME}.png` });
      mock().script(
        { reply: { toolCalls: [{ name: 'test__echo', arguments: { text: 'from the model' } }] } },
        { reply: { content: 'Echo came back.' } },
        { reply: { toolCalls: [{ name: 'test__weather', arguments: { city: 'Oslo' } }] } },
        { reply: { content: 'No weather then.' } },
      );
      await send(page, 'Echo something');
      let card = await approvalOf(page);
      await card.getByLabel('Arguments').fill('{"text": 7}');
      await card.getByText('$.text expected string').waitFor();
      await card.getByLabel('Arguments').fill('{"text": "edited by me"}');
      await page.screenshot({ path: `${SHOTS}/mcp-approval-${SCHEME}.png` });
      await card.getByRole('button', { name: 'Allow once' }).click();
      await answered(page, 'Echo came back.');
      const echoed = assistantMessages(page).nth(-2).getByTestId('mcp-result');
      await expect.poll(() => echoed.textContent(), { timeout: 20_000 }).toContain('edited by me');

      await send(page, 'Weather?');
      card = await approvalOf(page);
      expect(await card.textContent()).toContain('Hidden characters in its description');
      await card.getByRole('button', { name: 'Deny' }).click();
      await answered(page, 'No weather then.');
      const bodies = mock().requests.filter((r) => r.path.endsWith('/chat/completions'));
      expect(bodies.at(-1)?.bodyText).toContain('The call was denied by the user.');
    });

    it('blocks a tool whose definition changed, shows the diff, and runs it once re-approved', async () => {
      const { page } = demo.app;
      mock().script(
        { reply: { toolCalls: [{ name: 'test__add', arguments: { a: 2, b: 3 } }] } },
        { reply: { content: 'Five.' } },
        { reply: { toolCalls: [{ name: 'test__add', arguments: { a: 1, b: 1 } }] } },
        { reply: { content: 'Two.' } },
      );
      await send(page, 'Add');
      const card = await approvalOf(page);
      await card.getByRole('button', { name: 'Always allow this tool' }).click();
      await answered(page, 'Five.');
      // The test server's next session rewrites the tool: a "rug pull".
      await screen(page, 'Servers');
      const before = await page.evaluate(async () => {
        const r = await window.api.mcp.list({});
        return r.ok ? (r.value[0]?.status.since ?? 0) : 0;
      });
      await page.getByRole('button', { name: 'Restart' }).click();
      await changedAfterRestart(page, before, 'add');
      // The screen follows main's last event (it once stayed on "starting": a reload swallowed it).
      await expect
        .poll(() => page.getByTestId('mcp-status').textContent(), { timeout: 10_000 })
        .toBe('running');
      await page
        .getByRole('button', { name: 'changed since approved: see the diff' })
        .waitFor({ timeout: 10_000 });
      await screen(page, 'Chats');
      await send(page, 'Add again');
      const blocked = await approvalOf(page);
      const diff = blocked.getByTestId('mcp-diff');
      expect(await diff.textContent()).toContain('id_rsa');
      await page.screenshot({ path: `${SHOTS}/mcp-diff-${SCHEME}.png` });
      await blocked.getByRole('button', { name: 'Allow once' }).click();
      await answered(page, 'Two.');
    });
  },
);
