// Screenshots of the Usage screen with costs in three currencies, an exchange rate and a chosen
// display currency (issue 18): the cost card converted, its rates and what no rate converts,
// light and dark, at 1440 and 1024 px.
// Usage: npx tsx scripts/shot-usage.ts [--out /tmp/shots]
import type { Page } from 'playwright-core';
import { eachScheme, goTo, outDir, sendAndWait, shoot } from './shotKit';

const out = outDir();

/**
 * A price for the Galadriel demo model from now on, so each answer is charged in its currency (the
 * demo's confidential provider charges credits, which no price replaces).
 */
async function priceFrom(page: Page, currency: string, perMillion: number): Promise<void> {
  await page.evaluate(
    async ({ currency, perMillion, model }) => {
      const providers = await window.api.providers.list({});
      const galadriel = providers.ok ? providers.value.find((p) => p.preset === 'galadriel') : undefined;
      if (!galadriel) throw new Error('no Galadriel demo provider');
      const saved = await window.api.prices.save({
        providerId: galadriel.id,
        model,
        inputPerMillion: perMillion,
        outputPerMillion: perMillion * 2,
        currency,
        validFrom: Date.now(),
      });
      if (!saved.ok) throw new Error(saved.error.message);
    },
    { currency, perMillion, model: MODEL },
  );
}

const MODEL = 'llama3.1:8b';

await eachScheme({ viewport: { width: 1440, height: 1000 } }, async (app, scheme) => {
  const { page } = app;
  // The demo thread answers through the Galadriel demo provider, priced by the user's table.
  await page.evaluate(async (model) => {
    const providers = await window.api.providers.list({});
    const galadriel = providers.ok ? providers.value.find((p) => p.preset === 'galadriel') : undefined;
    const threads = await window.api.threads.list({});
    const id = threads.ok ? threads.value[0]?.id : undefined;
    if (!galadriel || id === undefined) throw new Error('no Galadriel demo provider or thread');
    const updated = await window.api.threads.update({
      id,
      settings: { providerId: galadriel.id, model },
    });
    if (!updated.ok) throw new Error(updated.error.message);
  }, MODEL);
  await page.getByTestId('thread-item').first().click();
  let answers = 0;
  for (const [currency, price] of [
    ['USD', 3000],
    ['EUR', 9000],
    ['GBP', 2000],
  ] as const) {
    await priceFrom(page, currency, price);
    await sendAndWait(page, `What did it cost in ${currency}?`, ++answers);
  }
  await page.evaluate(async () => {
    const rate = await window.api.budgets.saveRate({
      from: 'EUR',
      to: 'USD',
      rate: 1.08,
      asOf: '2026-12-01',
    });
    if (!rate.ok) throw new Error(rate.error.message);
    const settings = await window.api.budgets.settings({ convertTo: 'USD' });
    if (!settings.ok) throw new Error(settings.error.message);
  });
  // The rate and currency went in through the API, past the window's store: start it afresh.
  await page.reload();
  await page.getByTestId('thread-item').first().waitFor({ timeout: 30_000 });
  await goTo(page, 'Usage');
  await page.getByTestId('usage-cost-converted').waitFor({ timeout: 20_000 });
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 1000 });
    await shoot(page, `usage-converted-${width}-${scheme}.png`, out);
  }
});
