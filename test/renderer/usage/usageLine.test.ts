import { describe, expect, it } from 'vitest';
import type { Message } from '../../../main/contract';
import { usageLineFigures } from '../../../renderer/src/parts/usage/usageLine';

const usage = {
  promptTokens: 120,
  completionTokens: 300,
  reasoningTokens: null,
  totalTokens: 420,
  reported: true,
  creditsConsumed: 12,
  creditsRemaining: 900,
  cost: null,
};

const meta = (timings: Partial<NonNullable<Message['meta']>['timings']>) =>
  ({
    requestId: null,
    url: '',
    requestBody: '',
    requestHeaders: {},
    status: 200,
    responseHeaders: {},
    responseSha256: null,
    completionId: null,
    model: null,
    systemFingerprint: null,
    serviceTier: null,
    timings: { requestSentAt: null, firstByteAt: null, firstTokenAt: null, endedAt: null, ...timings },
    droppedFields: [],
    attempts: 1,
  }) satisfies Message['meta'];

describe('an answer’s usage line', () => {
  it('measures TTFT from the request and speed over the generation only', () => {
    const f = usageLineFigures({
      usage,
      meta: meta({ requestSentAt: 1000, firstTokenAt: 1400, endedAt: 4400 }),
    });
    expect(f.ttftMs).toBe(400);
    expect(f.tokensPerSecond).toBe(100);
    expect(f.durationMs).toBe(3400);
    expect(f.credits).toBe(12);
    expect(f.estimated).toBe(false);
  });

  it('says "estimated" when the provider did not report usage', () => {
    expect(usageLineFigures({ usage: { ...usage, reported: false }, meta: null }).estimated).toBe(true);
  });

  it('leaves out what it cannot know instead of inventing zeros', () => {
    const f = usageLineFigures({
      usage: null,
      meta: meta({ requestSentAt: 1000, firstTokenAt: null, endedAt: 2000 }),
    });
    expect(f.ttftMs).toBeNull();
    expect(f.tokensPerSecond).toBeNull();
    expect(f.promptTokens).toBeNull();
    expect(f.estimated).toBe(false);
  });
});
