import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamEvent } from '../../../main/contract';
import { detail, message } from '../conversation/fixtures';
import { errResult, fakeApi, listeners, loadStore, okResult, stubFrames } from './harness';

let store: Awaited<ReturnType<typeof loadStore>>;
beforeAll(async () => {
  store = await loadStore();
});
beforeEach(() => {
  store.resetStore();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const state = () => store.useStore.getState();
const shownIds = (threadId: string) => state().views[threadId]?.rows.map((r) => r.id) ?? [];

const question = message({ id: 'q1', content: 'Hello?' });
const answer = message({ id: 'a1', parentId: 'q1', role: 'assistant', content: 'Hi.' });

describe('conversation slice', () => {
  it('opens a thread from main and shows its active branch', async () => {
    fakeApi.threads!.get!.mockResolvedValue(okResult(detail([question, answer])) as never);
    await state().loadDetail('t1');
    expect(fakeApi.threads!.get).toHaveBeenCalledWith({ id: 't1', limit: expect.any(Number) });
    expect(shownIds('t1')).toEqual(['q1', 'a1']);
  });

  it('shows a thread already loaded at once and refreshes it from main shortly after', async () => {
    fakeApi.threads!.get!.mockResolvedValue(okResult(detail([question])) as never);
    await state().loadDetail('t1');
    fakeApi.threads!.get!.mockResolvedValue(okResult(detail([question, answer])) as never);
    await state().loadDetail('t1');
    expect(shownIds('t1')).toEqual(['q1']);
    await vi.advanceTimersByTimeAsync(200);
    expect(shownIds('t1')).toEqual(['q1', 'a1']);
  });

  it('sends a message: the question and the empty answer show, and the stream is tracked', async () => {
    fakeApi.threads!.get!.mockResolvedValue(okResult(detail([])) as never);
    await state().loadDetail('t1');
    const empty = message({ id: 'a2', parentId: 'q2', role: 'assistant', content: '' });
    fakeApi.chat!.send!.mockResolvedValue(
      okResult({
        streamId: 's1',
        userMessage: message({ id: 'q2', content: 'Why?' }),
        messages: [empty],
      }) as never,
    );
    expect(await state().send('t1', 'Why?')).toBe(true);
    expect(fakeApi.chat!.send).toHaveBeenCalledWith({ threadId: 't1', content: 'Why?' });
    expect(shownIds('t1')).toEqual(['q2', 'a2']);
    expect(state().streams['s1']).toMatchObject({ threadId: 't1', messageIds: ['a2'] });
    // The message list goes to its end for it (MessageList).
    expect(state().requested['t1']).toBe(1);
  });

  it('a refused send says why in a toast and changes nothing shown', async () => {
    fakeApi.threads!.get!.mockResolvedValue(okResult(detail([question, answer])) as never);
    await state().loadDetail('t1');
    fakeApi.chat!.send!.mockResolvedValue(errResult('auth_missing', 'no key') as never);
    expect(await state().send('t1', 'Again')).toBe(false);
    expect(shownIds('t1')).toEqual(['q1', 'a1']);
    expect(state().streams).toEqual({});
    expect(state().requested['t1']).toBeUndefined();
    expect(state().toasts.map((t) => [t.kind, t.message.startsWith('Could not send: ')])).toEqual([
      ['error', true],
    ]);
  });

  it('applies streamed text to the answer shown, batched per frame', async () => {
    fakeApi.threads!.get!.mockResolvedValue(okResult(detail([question, answer])) as never);
    await state().loadDetail('t1');
    state().startConversationSync();
    const onStream = listeners.get('chat.onStream') as (event: StreamEvent) => void;
    expect(onStream).toBeDefined();
    onStream({
      type: 'delta',
      streamId: 's9',
      threadId: 't1',
      choices: [{ index: 0, messageId: 'a1', content: ' More.' }],
    });
    expect(state().details['t1']?.messages.find((m) => m.id === 'a1')?.content).toBe('Hi.');
    await vi.advanceTimersByTimeAsync(20);
    expect(state().details['t1']?.messages.find((m) => m.id === 'a1')?.content).toBe('Hi. More.');
  });

  it('draws text that arrives in a busy frame in the next one, and the end of the stream at once', async () => {
    fakeApi.threads!.get!.mockResolvedValue(okResult(detail([question, answer])) as never);
    await state().loadDetail('t1');
    state().startConversationSync();
    const onStream = listeners.get('chat.onStream') as (event: StreamEvent) => void;
    // Every frame here has already spent 10 ms on other work (keys typed) when the stream's turn comes.
    vi.stubGlobal('requestAnimationFrame', (draw: (at: number) => void) =>
      setTimeout(() => draw(performance.now() - 10), 16),
    );
    const shown = () => state().details['t1']?.messages.find((m) => m.id === 'a1');
    try {
      onStream({
        type: 'delta',
        streamId: 's9',
        threadId: 't1',
        choices: [{ index: 0, messageId: 'a1', content: ' More.' }],
      });
      await vi.advanceTimersByTimeAsync(20);
      expect(shown()?.content).toBe('Hi.');
      await vi.advanceTimersByTimeAsync(16);
      expect(shown()?.content).toBe('Hi. More.');
      onStream({
        type: 'delta',
        streamId: 's9',
        threadId: 't1',
        choices: [{ index: 0, messageId: 'a1', content: ' End.' }],
      });
      onStream({
        type: 'ended',
        streamId: 's9',
        threadId: 't1',
        messages: [{ ...answer, content: 'Hi. More. End.' }],
      });
      await vi.advanceTimersByTimeAsync(20);
      expect(shown()?.content).toBe('Hi. More. End.');
    } finally {
      stubFrames();
    }
  });

  it('changes the text only in frames while frames come, and by a timer when none do', async () => {
    fakeApi.threads!.get!.mockResolvedValue(okResult(detail([question, answer])) as never);
    await state().loadDetail('t1');
    state().startConversationSync();
    const onStream = listeners.get('chat.onStream') as (event: StreamEvent) => void;
    let inFrame = false;
    let framesRun = true;
    vi.stubGlobal('requestAnimationFrame', (draw: (at: number) => void) =>
      setTimeout(() => {
        if (!framesRun) return;
        inFrame = true;
        draw(performance.now());
        inFrame = false;
      }, 16),
    );
    const content = () => state().details['t1']?.messages.find((m) => m.id === 'a1')?.content;
    const outsideFrames: string[] = [];
    const off = store.useStore.subscribe((s, prev) => {
      if (s.details !== prev.details && !inFrame) outsideFrames.push(content() ?? '');
    });
    const word = (content: string) =>
      onStream({
        type: 'delta',
        streamId: 's9',
        threadId: 't1',
        choices: [{ index: 0, messageId: 'a1', content }],
      });
    try {
      // A fast stream: a piece every 7 ms for over a second.
      for (let i = 0; i < 200; i++) {
        word('.');
        await vi.advanceTimersByTimeAsync(7);
      }
      await vi.advanceTimersByTimeAsync(20);
      expect(content()).toBe(`Hi.${'.'.repeat(200)}`);
      expect(outsideFrames).toEqual([]);
      // The window is hidden: no frame comes, the text still shows.
      framesRun = false;
      word(' Hidden.');
      await vi.advanceTimersByTimeAsync(250);
      expect(content()).toBe(`Hi.${'.'.repeat(200)} Hidden.`);
    } finally {
      off();
      stubFrames();
    }
  });

  it('shows the last words an end brings one frame before the end itself', async () => {
    const writing = { ...answer, status: 'streaming' as const };
    fakeApi.threads!.get!.mockResolvedValue(okResult(detail([question, writing])) as never);
    await state().loadDetail('t1');
    state().startConversationSync();
    const onStream = listeners.get('chat.onStream') as (event: StreamEvent) => void;
    const shown = () => state().details['t1']?.messages.find((m) => m.id === 'a1');
    const done = { ...writing, content: 'Hi. Pending words. Last words.', status: 'complete' as const };
    // A delta, then the end carrying what main still had pending, in one frame's batch.
    onStream({
      type: 'delta',
      streamId: 's9',
      threadId: 't1',
      choices: [{ index: 0, messageId: 'a1', content: ' Pending words.' }],
    });
    onStream({ type: 'ended', streamId: 's9', threadId: 't1', messages: [done] });
    await vi.advanceTimersByTimeAsync(17);
    expect(shown()?.content).toBe('Hi. Pending words. Last words.');
    expect(shown()?.status).toBe('streaming');
    await vi.advanceTimersByTimeAsync(16);
    expect(shown()).toEqual(done);

    // An end that brings no new words is shown at once.
    const again = { ...done, id: 'a2', content: 'Hi.', status: 'streaming' as const };
    store.useStore.setState((s) => ({
      details: { ...s.details, t1: detail([question, again]) },
    }));
    onStream({
      type: 'ended',
      streamId: 's10',
      threadId: 't1',
      messages: [{ ...again, status: 'complete' }],
    });
    await vi.advanceTimersByTimeAsync(17);
    expect(state().details['t1']?.messages.find((m) => m.id === 'a2')?.status).toBe('complete');
  });

  it('a failed delete keeps the message and says why', async () => {
    fakeApi.threads!.get!.mockResolvedValue(okResult(detail([question, answer])) as never);
    await state().loadDetail('t1');
    fakeApi.messages!.delete!.mockResolvedValue(errResult('not_found', 'gone') as never);
    await state().deleteMessage('t1', 'a1');
    expect(shownIds('t1')).toEqual(['q1', 'a1']);
    expect(state().toasts.at(-1)?.message).toMatch(/^Could not delete the message: /);
  });

  it('saving settings returns main’s refusal as data', async () => {
    const refusal = errResult('invalid_request', 'temperature must be at most 2');
    fakeApi.threads!.update!.mockResolvedValue(refusal as never);
    expect(await state().updateSettings('t1', { systemPrompt: 'x' })).toEqual(refusal.error);
  });
});
