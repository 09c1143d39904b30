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

/** The credits in a piece of the header's cost ("branch 12 cr", "thread 30 cr"). */
const creditsIn = (text: string | null, label: 'branch' | 'thread') => {
  const match = new RegExp(`${label} ([\\d,.]+) cr`).exec(text ?? '');
  return match ? Number((match[1] ?? '').replace(/,/g, '')) : NaN;
};

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
  }, 120_000);
});

describe('a thread’s cost in its header', () => {
  it('shows the branch on screen against the whole thread, and follows a regenerated answer and a branch switch', async () => {
    const { page } = demo.app;
    const { conversation, nav, threads } = demo.pages;
    const header = page.getByTestId('thread-usage-totals');
    // The blocking budget of the test above would refuse these answers: it goes first.
    await page.evaluate(async () => {
      const list = await window.api.budgets.list({});
      for (const status of list.ok ? list.value : [])
        await window.api.budgets.delete({ id: status.budget.id });
    });
    await nav.go('Chats');
    await threads.createLike(
      await page.evaluate(async () => {
        const list = await window.api.threads.list({});
        return list.ok ? (list.value[0]?.id ?? '') : '';
      }),
    );
    await conversation.send('What does one answer cost?');
    await expect.poll(() => header.textContent(), { timeout: 20_000 }).toMatch(/\d cr/);
    expect(await header.textContent()).not.toMatch(/branch/);

    // A second answer to the same question: two branches, the one on screen is the new one.
    await conversation.action(conversation.lastAnswer, 'Regenerate answer').click();
    await expect
      .poll(() => header.textContent(), { timeout: 20_000 })
      .toMatch(/branch [\d,.]+ cr\s*· thread [\d,.]+ cr/);
    const second = await header.textContent();
    const total = creditsIn(second, 'thread');
    const newer = creditsIn(second, 'branch');
    expect(newer).toBeGreaterThan(0);
    expect(total).toBeGreaterThan(newer);

    // Back to the first answer: its branch's cost, and the two add up to the thread's.
    await conversation
      .branchSwitcher(conversation.lastAnswer)
      .getByRole('button', { name: 'Previous branch' })
      .click();
    await expect
      .poll(async () => creditsIn(await header.textContent(), 'branch'), { timeout: 20_000 })
      .toBe(total - newer);
    expect(creditsIn(await header.textContent(), 'thread')).toBe(total);
    await page.screenshot({ path: 'test-results/thread-cost-branches.png' });
    // Three answers and a branch switch: seconds alone, much more with a loaded machine.
  }, 120_000);
});

describe('the Budgets panel’s money checks', () => {
  it('checks the provider’s balance against the ledger and keeps the user’s exchange rates', async () => {
    const { page } = demo.app;
    const { budgets } = demo.pages;
    await budgets.open();
    // The answers above each reported the balance left: it fell by exactly what was recorded.
    await page
      .getByTestId('balance-check')
      .getByText('matches the ledger')
      .first()
      .waitFor({ timeout: 20_000 });

    const form = page.getByRole('form', { name: 'Add an exchange rate' });
    await form.getByLabel('equals').fill('a lot');
    await form.getByRole('button', { name: 'Add rate' }).click();
    await budgets.panel
      .getByRole('alert')
      .getByText(/Type the rate as a number/)
      .waitFor();
    await form.getByLabel('equals').fill('1.08');
    await form.getByRole('button', { name: 'Add rate' }).click();
    await budgets.panel
      .getByRole('list', { name: 'Your exchange rates' })
      .getByText('1 EUR = 1.08 USD')
      .waitFor();
    await page
      .getByTestId('catalogue-age')
      .getByText(/bundled catalogue of \d{4}-\d{2}-\d{2}/)
      .waitFor();
    await page.screenshot({ path: 'test-results/budgets-money-checks.png', fullPage: true });
  }, 120_000);
});
