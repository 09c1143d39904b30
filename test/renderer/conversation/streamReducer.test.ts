import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../main/contract';
import { findMessage } from '../../../renderer/src/store/conversation/messageIndex';
import { buildThreadView } from '../../../renderer/src/store/conversation/branches';
import type { ConversationData } from '../../../renderer/src/store/conversation/streamReducer';
import {
  applySendResult,
  applyStreamEvents,
  mergeDetail,
  streamOfThread,
} from '../../../renderer/src/store/conversation/streamReducer';
import { detail, message } from './fixtures';

function loaded(messages = [message({ id: 'u0', content: 'earlier' })]): ConversationData {
  const d = detail(messages);
  return { details: { t1: d }, views: { t1: buildThreadView(d) }, streams: {}, dropped: {}, ended: [] };
}

const user = message({ id: 'u1', parentId: 'u0', content: 'question' });
const answer = message({ id: 'a1', parentId: 'u1', role: 'assistant', status: 'streaming' });
const started: StreamEvent = {
  type: 'started',
  streamId: 's1',
  threadId: 't1',
  messages: [answer],
  droppedFields: ['logprobs'],
};
const delta = (content: string, extra: object = {}): StreamEvent => ({
  type: 'delta',
  streamId: 's1',
  threadId: 't1',
  choices: [{ index: 0, messageId: 'a1', content, ...extra }],
});

describe('stream events applied to the open thread', () => {
  it('adds the answer, makes it the active leaf and records the dropped fields', () => {
    const data = applyStreamEvents(
      applySendResult(loaded(), 't1', { streamId: 's1', userMessage: user, messages: [] }),
      [started],
      5,
    );
    expect(data.details.t1?.thread.activeLeafId).toBe('a1');
    expect(data.views.t1?.rows.map((r) => r.id)).toEqual(['u0', 'u1', 'a1']);
    expect(data.streams.s1).toMatchObject({
      threadId: 't1',
      messageIds: ['a1'],
      droppedFields: ['logprobs'],
    });
    expect(data.dropped.a1).toEqual(['logprobs']);
    expect(streamOfThread(data.streams, 't1')).toBe('s1');
  });

  it('appends a frame of deltas in order without rebuilding the branch view', () => {
    const before = applyStreamEvents(loaded([message({ id: 'u0' }), user]), [started], 0);
    const after = applyStreamEvents(
      before,
      [delta('Hel'), delta('lo', { reasoning: 'think' }), delta(' world', { finishReason: 'stop' })],
      0,
    );
    const a1 = findMessage(after.details.t1?.messages, 'a1');
    expect(a1?.content).toBe('Hello world');
    expect(a1?.reasoning).toBe('think');
    expect(a1?.finishReason).toBe('stop');
    expect(after.views.t1).toBe(before.views.t1);
    // Only the streaming message changes identity: the rest of the list does not re-render.
    expect(after.details.t1?.messages[0]).toBe(before.details.t1?.messages[0]);
  });

  it('appends logprobs and replaces tool calls as they grow', () => {
    const lp = (token: string) => ({ token, logprob: -0.1, bytes: null, top_logprobs: [] });
    const call = (args: string) => [
      { id: 'c1', type: 'function' as const, function: { name: 'f', arguments: args } },
    ];
    let data = applyStreamEvents(loaded([message({ id: 'u0' }), user]), [started], 0);
    data = applyStreamEvents(
      data,
      [
        delta('a', { logprobs: [lp('a')], toolCalls: call('{"x"') }),
        delta('b', { logprobs: [lp('b')], toolCalls: call('{"x":1}') }),
      ],
      0,
    );
    const a1 = findMessage(data.details.t1?.messages, 'a1');
    expect(a1?.logprobs?.map((l) => l.token)).toEqual(['a', 'b']);
    expect(a1?.toolCalls?.[0]?.function.arguments).toBe('{"x":1}');
  });

  it('shows a retry notice until text arrives, and forgets the stream when it ends', () => {
    let data = applyStreamEvents(loaded([message({ id: 'u0' }), user]), [started], 0);
    data = applyStreamEvents(
      data,
      [
        {
          type: 'retrying',
          streamId: 's1',
          threadId: 't1',
          attempt: 2,
          delayMs: 4000,
          reason: 'rate limited',
        },
      ],
      77,
    );
    expect(data.streams.s1?.retry).toEqual({ attempt: 2, delayMs: 4000, reason: 'rate limited', at: 77 });
    data = applyStreamEvents(data, [delta('x')], 0);
    expect(data.streams.s1?.retry).toBeNull();
    const final = { ...answer, content: 'x', status: 'complete' as const };
    data = applyStreamEvents(data, [{ type: 'ended', streamId: 's1', threadId: 't1', messages: [final] }], 0);
    expect(data.streams.s1).toBeUndefined();
    expect(findMessage(data.details.t1?.messages, 'a1')?.status).toBe('complete');
  });

  it('does not revive a stream whose end arrived before the send reply', () => {
    const final = { ...answer, content: 'done', status: 'complete' as const };
    let data = applyStreamEvents(
      loaded([message({ id: 'u0' }), user]),
      [started, { type: 'ended', streamId: 's1', threadId: 't1', messages: [final] }],
      0,
    );
    data = applySendResult(data, 't1', { streamId: 's1', userMessage: user, messages: [answer] });
    expect(data.streams.s1).toBeUndefined();
    expect(findMessage(data.details.t1?.messages, 'a1')?.content).toBe('done');
  });

  it('leaves the active branch alone for a side run beside it, such as a comparison', () => {
    const base = applyStreamEvents(
      loaded([message({ id: 'u0' }), user, { ...answer, status: 'complete' }]),
      [],
      0,
    );
    const side = message({ id: 'cmp', parentId: 'u1', role: 'assistant', status: 'streaming' });
    const data = applyStreamEvents(base, [{ ...started, streamId: 's2', messages: [side] }], 0);
    expect(data.details.t1?.thread.activeLeafId).toBe('a1');
    expect(data.views.t1?.rows.at(-1)?.branch).toMatchObject({ index: 0, count: 2, nextId: 'cmp' });
  });

  it('continues an interrupted answer in the same message', () => {
    const cut = {
      ...answer,
      status: 'interrupted' as const,
      content: 'Half an ans',
      errorCode: 'timeout' as const,
    };
    let data = applyStreamEvents(loaded([message({ id: 'u0' }), user, cut]), [], 0);
    data = applySendResult(data, 't1', {
      streamId: 's3',
      userMessage: null,
      messages: [{ ...cut, status: 'streaming', errorCode: null }],
    });
    data = applyStreamEvents(
      data,
      [
        { ...started, streamId: 's3', messages: [{ ...cut, status: 'streaming', errorCode: null }] },
        { ...delta('wer.'), streamId: 's3' },
      ],
      0,
    );
    const a1 = findMessage(data.details.t1?.messages, 'a1');
    expect(a1).toMatchObject({ status: 'streaming', content: 'Half an answer.', errorCode: null });
    expect(data.streams.s3?.messageIds).toEqual(['a1']);
  });

  it('keeps track of streams in threads that are not open', () => {
    const data = applyStreamEvents(loaded(), [{ ...started, threadId: 'other' }, delta('ignored')], 0);
    expect(data.streams.s1?.threadId).toBe('other');
    expect(data.details.other).toBeUndefined();
  });

  it('puts the choices of an n>1 answer side by side', () => {
    const c0 = message({ id: 'c0', parentId: 'u1', role: 'assistant', status: 'streaming', choiceIndex: 0 });
    const c1 = message({ id: 'c1', parentId: 'u1', role: 'assistant', status: 'streaming', choiceIndex: 1 });
    const data = applyStreamEvents(
      loaded([message({ id: 'u0' }), user]),
      [{ ...started, messages: [c0, c1] }],
      0,
    );
    expect(data.details.t1?.thread.activeLeafId).toBe('c0');
    expect(data.views.t1?.rows.at(-1)?.choiceIds).toEqual(['c0', 'c1']);
  });
});

describe('merging a refetched thread', () => {
  it('keeps unchanged messages and live streaming text, takes everything else from main', () => {
    const u = message({ id: 'u', content: 'q' });
    const live = message({
      id: 'a',
      parentId: 'u',
      role: 'assistant',
      status: 'streaming',
      content: 'live text ahead',
    });
    const prev = detail([u, live]);
    const saved = { ...live, content: 'live', updatedAt: live.updatedAt + 5 };
    const merged = mergeDetail(prev, detail([{ ...u }, saved]), new Set(['a']));
    expect(merged.messages[0]).toBe(u);
    expect(merged.messages[1]?.content).toBe('live text ahead');
    const after = mergeDetail(prev, detail([{ ...u }, { ...saved, status: 'complete' }]), new Set());
    expect(after.messages[1]?.status).toBe('complete');
  });

  it('keeps the settings object when a reload brings the same settings, so the panel does not draw again', () => {
    const prev = detail([message({ id: 'u', content: 'q' })]);
    const bumped = detail([message({ id: 'u', content: 'q' })]);
    bumped.thread = {
      ...bumped.thread,
      lastActivityAt: prev.thread.lastActivityAt + 10,
      settings: structuredClone(prev.thread.settings),
    };
    const merged = mergeDetail(prev, bumped, new Set());
    expect(merged.thread.lastActivityAt).toBe(prev.thread.lastActivityAt + 10);
    expect(merged.thread.settings).toBe(prev.thread.settings);

    const changed = detail([message({ id: 'u', content: 'q' })]);
    changed.thread = { ...changed.thread, settings: { ...prev.thread.settings, systemPrompt: 'Be brief.' } };
    expect(mergeDetail(prev, changed, new Set()).thread.settings.systemPrompt).toBe('Be brief.');
  });
});
