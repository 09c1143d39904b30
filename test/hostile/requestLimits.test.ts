import { describe, expect, it } from 'vitest';
import { buildRequest } from '../../main/chat/request/build';
import { REQUEST_LIMITS } from '../../main/chat/request/validate';
import type { AppFailure } from '../../main/contract';
import { chatChannels, isAppFailure, MESSAGE_MAX_CHARS } from '../../main/contract';
import { checkHeaders, HEADER_LIMITS } from '../../main/providers/validation';
import { allCaps, user } from '../chat/support/messages';

function refusal(run: () => unknown): AppFailure {
  try {
    run();
  } catch (error) {
    if (isAppFailure(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const request = (systemPrompt: string, content: string) =>
  buildRequest({
    model: 'm',
    systemPrompt,
    path: [user(content)],
    params: {},
    tools: [],
    capabilities: allCaps,
  });

describe('what this side sends is bounded too, and a refusal names the limit', () => {
  it('a 50 MB system prompt is refused before anything is sent', () => {
    const failure = refusal(() => request('s'.repeat(50_000_000), 'hi'));
    expect(failure.error.code).toBe('invalid_request');
    expect(failure.error.detail?.field).toBe('systemPrompt');
    expect(failure.error.message).toContain('the limit is 1,000,000 characters');
  });

  it('a message past the limit is refused at the window’s door and again when the request is built', () => {
    const long = 'm'.repeat(MESSAGE_MAX_CHARS + 1);
    const parsed = chatChannels['chat:send'].input.safeParse({ threadId: 't', content: long });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('4,000,000 characters');
    const failure = refusal(() => request('', long));
    expect(failure.error.message).toContain(`limit for one message is 4,000,000 characters`);
  });

  it('prompts up to the limits still go out', () => {
    const built = request('s'.repeat(REQUEST_LIMITS.systemPromptChars), 'm'.repeat(1000));
    expect(built.messages).toHaveLength(2);
  });

  it('10,000 custom headers, an overlong name or value are refused, naming the limit', () => {
    const many = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`X-H${i}`, 'v']));
    expect(refusal(() => checkHeaders(many)).error.message).toBe(
      `There are 10000 custom headers; the limit is ${HEADER_LIMITS.count}.`,
    );
    expect(refusal(() => checkHeaders({ [`X-${'n'.repeat(300)}`]: 'v' })).error.message).toContain(
      'the limit is 256',
    );
    expect(refusal(() => checkHeaders({ 'X-Big': 'v'.repeat(50_000) })).error.message).toContain(
      'X-Big is 50,000 characters long; the limit is 8,192',
    );
  });
});
