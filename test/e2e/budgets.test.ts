import { describe, expect, it } from 'vitest';
import { useDemoApp } from './harness';

const demo = useDemoApp();

/** Credits the ledger recorded today (the mock charges one credit per token). */
const creditsToday = () =>
  demo.app.page.evaluate(async () => {
    const start = new Date();
    start.setHours(0, 0, 0, 0);
    const result = await window.api.usage.rows({
      from: start.getTime(),
      to: Date.now() + 60_000,
      limit: 1000,
    });
    return result.ok ? result.value.rows.reduce((sum, r) => sum + (r.creditsConsumed ?? 0), 0) : NaN;
  });

describe('a budget the user sets', () => {
  it('tells as spend passes its thresholds, blocks the send at its limit, and lets one through on "Send anyway once"', async () => {
    const { page } = demo.app;
    const { budgets, conversation, nav } = demo.pages;
    const chats = () => demo.mock().requests.filter((r) => r.path.endsWith('/chat/completions')).length;

    await conversation.send('How far does a budget go?');
    const first = await creditsToday();
    expect(first).toBeGreaterThan(0);
    // A day's limit of 2.5 answers: the next answers pass 80 % and then the limit.
    const limit = Math.ceil(first * 2.5);
    await budgets.open();
    await budgets.add({ name: 'Demo day', per: 'day', limit: String(limit), unit: 'credits', block: true });
    await expect.poll(() => budgets.meter('Demo day').getAttribute('aria-valuenow')).toBe(String(first));
    await page.screenshot({ path: 'test-results/budgets-set.png' });

    await nav.go('Chats');
    const notices = page.getByRole('region', { name: 'Notifications' });
    const refusal = notices.getByRole('alert').filter({ hasText: 'has reached its limit' });
    let sentAtLimit = -1;
    for (let i = 0; i < 6 && sentAtLimit < 0; i++) {
      const before = chats();
      await conversation.ask(`And again, ${i}`);
      await expect
        .poll(
          async () =>
            (await refusal.count()) > 0 ||
            (chats() > before && (await conversation.lastAnswer.getAttribute('data-status')) !== 'streaming'),
          { timeout: 20_000 },
        )
        .toBe(true);
      if ((await refusal.count()) > 0) sentAtLimit = before;
    }
    expect(sentAtLimit).toBeGreaterThan(0);
    await notices
      .getByText(/“Demo day” is at 80 %/)
      .or(notices.getByText(/“Demo day” is at 100 %/))
      .first()
      .waitFor();
    // Refused before it reached the provider, and the typed text is still there.
    expect(chats()).toBe(sentAtLimit);
    expect(await conversation.composer.inputValue()).toMatch(/^And again, \d$/);
    await page.screenshot({ path: 'test-results/budgets-blocked.png' });

    await refusal.first().getByRole('button', { name: 'Send anyway once' }).click();
    await notices.getByText(/goes through, once/).waitFor();
    await conversation.composer.press('Enter');
    await expect.poll(chats, { timeout: 20_000 }).toBe(sentAtLimit + 1);

    await budgets.open();
    await budgets.panel.getByText(/Sent anyway 1 time this period/).waitFor();
    await page.screenshot({ path: 'test-results/budgets-panel.png', fullPage: true });
  });
});
