import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MockProvider } from '../mock-provider';
import { startMockProvider } from '../mock-provider';
import { type App, startApp } from '../support/app';

let mock: MockProvider;
let app: App;

beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(async () => {
  mock.reset();
  app = await startApp(mock);
});
afterEach(async () => {
  await app.close();
});

const chatRequests = () => mock.requests.filter((r) => r.path.endsWith('/chat/completions')).length;

async function send(content: string) {
  const sent = await app.call('chat:send', { threadId: app.threadId, content });
  await app.ended(sent.streamId);
}

async function refusal(content: string) {
  try {
    await send(content);
  } catch (error) {
    return (error as { appError?: { code: string; message: string } }).appError ?? null;
  }
  return null;
}

describe('a blocking budget on the send path', () => {
  it('refuses the send past its limit before anything is sent, and "send anyway once" lets one through', async () => {
    // The mock charges one credit per token, so the first answer spends past a 1-credit day.
    const budget = await app.call('budgets:save', {
      name: 'Mock day',
      scope: { kind: 'provider', providerId: app.providerId },
      period: 'day',
      limit: 1,
      unit: 'credits',
      action: 'block',
    });
    await send('first');
    expect(chatRequests()).toBe(1);
    const [status] = await app.call('budgets:list', {});
    expect(status?.spent).toBeGreaterThan(1);
    expect(status?.threshold).toBe(100);
    expect(app.events.some((e) => e.event === 'budgets:alert')).toBe(true);

    const refused = await refusal('second');
    expect(refused?.code).toBe('budget_exceeded');
    expect(refused?.message).toContain('The daily budget “Mock day” has reached its limit');
    expect(chatRequests()).toBe(1);
    const verdict = await app.call('budgets:check', { threadId: app.threadId });
    expect(verdict.blockedBy?.budget.id).toBe(budget.id);

    await app.call('budgets:allowOnce', { budgetId: budget.id });
    expect(await refusal('third, anyway')).toBeNull();
    expect(chatRequests()).toBe(2);
    expect((await refusal('fourth'))?.code).toBe('budget_exceeded');
    expect((await app.call('budgets:list', {}))[0]?.overrides).toBe(1);
  });
});
