import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode, Message } from '../../main/contract';
import type { MockProvider, ScriptStep } from '../mock-provider';
import { startMockProvider } from '../mock-provider';
import type { Harness, HarnessOptions } from './support/harness';
import { harness, usageRows } from './support/harness';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => mock.reset());

// Connect is generous so a loaded machine still tells the three timeouts apart.
const fast = { connectMs: 1600, firstByteMs: 150, idleMs: 150 };
const reply = { content: 'abcdefghij', chunks: 5 };

async function answer(h: Harness, ...steps: ScriptStep[]): Promise<Message> {
  mock.script(...steps);
  const sent = await h.service.send({ threadId: h.threadId, content: 'Tell me' }, 1);
  const ended = await h.sink.ended(sent.streamId);
  const [message] = ended.messages;
  if (!message) throw new Error('no answer');
  expect(h.repo.getMessage(message.id)).toMatchObject({
    status: message.status,
    content: message.content,
    errorCode: message.errorCode,
  });
  return message;
}

interface Case {
  name: string;
  steps: ScriptStep[];
  options?: Partial<HarnessOptions>;
  code: ErrorCode;
  status: Message['status'];
  content: string;
  says: RegExp;
  rows: number;
}

const cases: Case[] = [
  {
    name: 'a rejected token (401)',
    steps: [{ status: 401 }],
    code: 'auth_expired',
    status: 'error',
    content: '',
    says: /answered 401: “invalid or expired access token”\. Sign in again/,
    rows: 1,
  },
  {
    name: 'a rejected API key (401)',
    steps: [{ status: 401 }],
    options: { api: 'galadriel' },
    code: 'auth_missing',
    status: 'error',
    content: '',
    says: /answered 401: “Incorrect API key provided\.” Paste a valid key/,
    rows: 1,
  },
  {
    name: 'an empty credit balance (402)',
    steps: [{ status: 402 }],
    code: 'credits_exhausted',
    status: 'error',
    content: '',
    says: /answered 402: “CreditsExhaustedError”\. Top up your credits/,
    rows: 1,
  },
  {
    name: 'a missing scope (403)',
    steps: [],
    options: { scopes: ['llm-other'] },
    code: 'scope_denied',
    status: 'error',
    content: '',
    says: /lacks the scope llm-confidential or llm-all needed for phala\/gpt-oss-120b/,
    rows: 1,
  },
  {
    name: 'rate limiting that does not stop (429)',
    steps: [1, 2, 3, 4].map(() => ({ status: 429 as const, retryAfterSec: 1 })),
    code: 'rate_limited',
    status: 'error',
    content: '',
    says: /answered 429: “Rate limit reached.*later\.” Retry in 1 s\.$/,
    rows: 4,
  },
  {
    name: 'a broken server (500)',
    steps: [1, 2, 3, 4].map(() => ({ status: 500 as const })),
    code: 'provider_error',
    status: 'error',
    content: '',
    says: /answered 500: “The server had an error while processing.*Retry in a moment/,
    rows: 4,
  },
  {
    name: 'a slow first byte',
    steps: [{ slowFirstByteMs: 2000, reply }],
    options: { timeouts: fast },
    code: 'timeout',
    status: 'interrupted',
    content: '',
    says: /did not answer within 1.8 s/,
    rows: 1,
  },
  {
    name: 'a stream that goes quiet',
    steps: [{ reply: { ...reply, delayMs: 1000 } }],
    options: { timeouts: fast },
    code: 'timeout',
    status: 'interrupted',
    content: '',
    says: /went quiet for 150 ms/,
    rows: 1,
  },
  {
    name: 'headers and then nothing',
    steps: [{ hang: true }],
    options: { timeouts: fast },
    code: 'timeout',
    status: 'interrupted',
    content: '',
    says: /sent nothing for 150 ms after accepting/,
    rows: 1,
  },
  {
    name: 'a cut stream',
    steps: [{ reply, cutAfterChunks: 3 }],
    code: 'network',
    status: 'interrupted',
    content: 'abcd',
    says: /(stopped sending mid-answer|ended the response before the answer was done).*Continue lets the model finish/,
    rows: 1,
  },
  {
    name: 'a malformed frame',
    steps: [{ reply, malformedFrameAfter: 3 }],
    code: 'protocol_error',
    status: 'error',
    content: 'abcd',
    says: /not a chat completion: “\{not json”/,
    rows: 1,
  },
  {
    name: 'an error in the middle of the stream',
    steps: [{ reply, midStreamErrorAfter: 4, message: 'GPU fell over' }],
    code: 'provider_error',
    status: 'error',
    content: 'abcdef',
    says: /stopped the answer with an error: “GPU fell over”\. What arrived is kept\. Retry/,
    rows: 1,
  },
];

describe('every fault ends in a stored, readable state', () => {
  it.each(cases)('$name → $code, partial kept, usage recorded', async (c) => {
    const h = harness({ mock, ...c.options });
    const message = await answer(h, ...c.steps);
    expect(message.errorCode).toBe(c.code);
    expect(message.status).toBe(c.status);
    expect(message.content).toBe(c.content);
    expect(message.errorMessage).toMatch(c.says);
    const rows = usageRows(h);
    expect(rows).toHaveLength(c.rows);
    expect(rows.at(-1)).toMatchObject({ error_code: c.code, message_id: message.id });
    expect(message.usageId).toBe(rows.at(-1)?.id);
    expect(message.meta?.attempts).toBe(c.rows);
  });

  it('estimates tokens when a cut stream never reported usage', async () => {
    const h = harness({ mock });
    const message = await answer(h, { reply, cutAfterChunks: 4 });
    expect(message.usage).toMatchObject({ reported: false });
    expect(usageRows(h)[0]).toMatchObject({ tokens_reported: 0, status: 'interrupted' });
    expect(Number(usageRows(h)[0]?.completion_tokens)).toBeGreaterThan(0);
  });

  it('retries 429 honouring Retry-After, links the attempts, and tells the window', async () => {
    const h = harness({ mock });
    const message = await answer(h, { status: 429, retryAfterSec: 2 }, { status: 503 }, { reply });
    expect(message).toMatchObject({ status: 'complete', content: 'abcdefghij', errorCode: null });
    expect(h.slept).toEqual([2000, 750]);
    const retrying = h.sink.pushed.filter((p) => p.event.type === 'retrying').map((p) => p.event);
    expect(retrying).toMatchObject([
      { attempt: 2, delayMs: 2000 },
      { attempt: 3, delayMs: 750 },
    ]);
    const rows = usageRows(h);
    expect(rows.map((r) => [r.attempt, r.status, r.error_code])).toEqual([
      [1, 'error', 'rate_limited'],
      [2, 'error', 'provider_error'],
      [3, 'complete', null],
    ]);
    expect(rows[1]?.retry_of).toBe(rows[0]?.id);
    expect(rows[2]?.retry_of).toBe(rows[0]?.id);
    expect(message.meta?.attempts).toBe(3);
  });

  it('never retries once content has arrived', async () => {
    const h = harness({ mock });
    const message = await answer(h, { reply, midStreamErrorAfter: 2 }, { reply });
    expect(message.status).toBe('error');
    expect(h.slept).toEqual([]);
    expect(mock.pendingSteps()).toBe(1);
  });

  it('lets the user cancel while waiting to retry', async () => {
    const h = harness({
      mock,
      deps: {
        sleep: (_ms, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve())),
      },
    });
    mock.script({ status: 429, retryAfterSec: 5 });
    const sent = await h.service.send({ threadId: h.threadId, content: 'wait' }, 1);
    await h.sink.next((e) => e.type === 'retrying');
    expect(h.service.stop({ streamId: sent.streamId })).toEqual({ stopped: true });
    const [message] = (await h.sink.ended(sent.streamId)).messages;
    expect(message).toMatchObject({ status: 'interrupted', errorCode: 'aborted' });
    expect(usageRows(h)).toHaveLength(1);
  });

  it('refreshes an OAuth token once after a 401 and sends again', async () => {
    const h = harness({ mock, authKind: 'oauth' });
    const stale = h.token.value;
    const message = await answer(h, { status: 401 }, { reply });
    expect(h.refreshes.count).toBe(1);
    expect(message.status).toBe('complete');
    const auth = mock.requests
      .filter((r) => r.path.endsWith('/chat/completions'))
      .map((r) => r.headers.authorization);
    expect(auth).toEqual([`Bearer ${stale}`, `Bearer ${h.token.value}`]);
  });

  it('names the host when it cannot be reached', async () => {
    const h = harness({ mock });
    const port = await closedPort();
    h.provider.baseUrl = `http://127.0.0.1:${port}/v1`;
    const message = await answer(h);
    expect(message).toMatchObject({ status: 'error', errorCode: 'network' });
    expect(message.errorMessage).toContain(`Could not reach 127.0.0.1:${port} (ECONNREFUSED)`);
    expect(usageRows(h)).toHaveLength(4);
  });
});
