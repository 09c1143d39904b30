// Screenshots of the two keyboard-walked views on the widget layer, light and dark: an answer's
// logprob tokens with a token focused by the arrows (ui/RovingRun) and its alternatives shown, and
// a finished experiment's results grid with a cell focused by the arrows (ui/CellGrid).
// Usage: npx tsx scripts/shotKeyboard.ts [--width 1440 --height 900] [--out /tmp/shots]
import { seedFinishedRun } from '../test/experiments/seed';
import { eachScheme, goTo, option, outDir, sendAndWait, shoot } from './shotKit';

const out = outDir();
const width = Number(option('width', '1440'));
const viewport = { width, height: Number(option('height', '900')) };

await eachScheme({ demo: true, viewport }, async (app, scheme) => {
  const { page, pages, host } = app;
  // Tokens: a model with logprobs, an answer, its Tokens view; Tab onto the first token, → twice.
  await pages.threads.createLike(host.demoThreadId ?? '', {
    model: 'phala/qwen-2.5-7b-instruct',
    params: { stream: true, logprobs: true, top_logprobs: 4 },
  });
  await sendAndWait(page, 'Say something short about the sea', 1, 30_000);
  const view = await pages.conversation.showTokens(pages.conversation.lastAnswer);
  await view.locator('[data-token-index][tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await pages.conversation.tokenAlternatives.waitFor();
  await shoot(page, `tokens-${width}-${scheme}.png`, out);
  // The token view is not in the e2e axe scan (test/e2e/a11y.test.ts): scanned here.
  console.log(`axe, tokens ${scheme}:`, JSON.stringify(await pages.overlays.seriousViolations()));

  // The grid: a finished 30 × 6 run; Tab in from the filter, → and ↓ onto a cell.
  const providers = await host.services.handlers['providers:list']({}, { senderId: 0 });
  seedFinishedRun(host.services.db, providers[0]?.id ?? 'p', {
    name: 'Keyboard grid',
    cases: 30,
    models: 3,
    variants: 2,
  });
  await goTo(page, 'Experiments');
  await page.getByRole('button', { name: /Keyboard grid/ }).click({ timeout: 60_000 });
  const grid = page.getByRole('grid', { name: /^Results/ });
  await grid.and(page.locator('[data-rows="30"]')).locator('td.exp-cell').first().waitFor();
  await page.getByRole('checkbox', { name: 'Failures only' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-cell') === '1:1');
  await shoot(page, `grid-${width}-${scheme}.png`, out);
});
