// What every screenshot script does: a keychain session, an output folder from --out, the demo app
// (real services, demo mock provider) opened light then dark in one Chromium, a message sent and
// its answer waited for, a screen opened from the nav rail, and a settled screenshot.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureKeyring } from '../test/bridge/keyring';
import { launchChromium } from '../test/e2e/browser';
import type { AppUnderTest } from '../test/e2e/harness';
import { openApp } from '../test/e2e/harness';

// First, before anything is opened: without a desktop keychain this re-runs the script inside one.
ensureKeyring();

export type Scheme = 'light' | 'dark';

export const args = process.argv.slice(2);

/** The value of `--name`, or `fallback`. */
export function option(name: string, fallback: string): string {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? (args[at + 1] as string) : fallback;
}

/** The folder screenshots go to (`--out`, else `fallback`), created if missing. */
export function outDir(fallback = '/tmp/shots'): string {
  const out = option('out', fallback);
  mkdirSync(out, { recursive: true });
  return out;
}

/**
 * Opens the app (the demo unless `demo: false`) light, then dark, and runs `scene` in each;
 * the app and Chromium are closed after, whatever happens.
 */
export async function eachScheme(
  options: { demo?: boolean; viewport?: { width: number; height: number } },
  scene: (app: AppUnderTest, scheme: Scheme) => Promise<void>,
): Promise<void> {
  const browser = await launchChromium();
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const app = await openApp(browser, {
        demo: options.demo ?? true,
        colorScheme: scheme,
        viewport: options.viewport,
      });
      try {
        await scene(app, scheme);
      } finally {
        await app.close();
      }
    }
  } finally {
    await browser.close();
  }
}

/** Two frames, so what changed last is painted. */
export const settle = (page: Page): Promise<unknown> =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** Settles, then writes the screenshot to `file` (a path, or a name in `dir`) and prints where. */
export async function shoot(page: Page, file: string, dir?: string): Promise<void> {
  await settle(page);
  const path = dir === undefined ? file : join(dir, file);
  await page.screenshot({ path });
  console.log(path);
}

/** Sends `text` from the open thread's composer and waits for answer number `nth` (from 1) to complete. */
export async function sendAndWait(page: Page, text: string, nth = 1, timeout = 30_000): Promise<void> {
  const composer = page.getByTestId('composer');
  await composer.fill(text);
  await composer.press('Enter');
  await page
    .locator('[data-testid="message"][data-role="assistant"][data-status="complete"]')
    .nth(nth - 1)
    .waitFor({ timeout });
}

/** Opens a screen from the nav rail by its label ('Chats', 'Usage', …). */
export const goTo = (page: Page, label: string): Promise<void> =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: label, exact: true }).click();
