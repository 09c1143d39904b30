// Screenshots of the real UI (browser build + real services + demo mock provider), light and dark.
// Usage: npx tsx scripts/shot.ts [--screens chat,providers,tools,usage] [--out /tmp/shots] [--no-demo]
//        [--send "a message to send first"] [--width 1440 --height 900]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/browser';
import { openApp } from '../test/e2e/harness';
import { ensureKeyring } from '../test/bridge/keyring';

ensureKeyring();

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(
    'npx tsx scripts/shot.ts [--screens chat,providers,tools,usage] [--out DIR] [--no-demo] [--send TEXT] [--width N --height N]',
  );
  process.exit(0);
}
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? (args[at + 1] as string) : fallback;
};
const LABELS: Record<string, string> = {
  chat: 'Chats',
  providers: 'Providers',
  tools: 'Tools',
  usage: 'Usage',
};
const screens = option('screens', 'chat,providers,tools,usage').split(',');
const out = option('out', '/tmp/shots');
const send = option('send', '');
const viewport = { width: Number(option('width', '1440')), height: Number(option('height', '900')) };
mkdirSync(out, { recursive: true });

const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const app = await openApp(browser, { demo: !args.includes('--no-demo'), colorScheme: scheme, viewport });
    try {
      if (send) {
        const composer = app.page.getByTestId('composer');
        await app.page.getByTestId('thread-item').first().click();
        await composer.fill(send);
        await composer.press('Enter');
        await app.page
          .locator('[data-testid="message"][data-role="assistant"][data-status="complete"]')
          .first()
          .waitFor({ timeout: 15_000 });
      }
      for (const screen of screens) {
        await app.page
          .getByRole('navigation', { name: 'Screens' })
          .getByRole('button', { name: LABELS[screen] ?? screen, exact: true })
          .click();
        await app.page.evaluate(
          () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
        const file = join(out, `${screen}-${scheme}.png`);
        await app.page.screenshot({ path: file });
        console.log(file);
      }
    } finally {
      await app.close();
    }
  }
} finally {
  await browser.close();
}
