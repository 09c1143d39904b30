import { describe, expect, it } from 'vitest';
import type { ThreadSummary } from '../../../main/contract';
import { reusableEmptyThread } from '../../../renderer/src/store/threads/emptyThread';
import { detail, message } from '../conversation/fixtures';

const summary = (id: string, messageCount: number, pinned = false): ThreadSummary => ({
  id,
  title: 'New thread',
  titleEdited: false,
  pinned,
  archived: false,
  providerId: null,
  model: null,
  messageCount,
  lastActivityAt: 0,
  createdAt: 0,
  totals: { tokens: 0, credits: null, cost: null },
});

describe('which thread "New thread" reuses', () => {
  it('an empty one already in the list, never one with messages or a pinned one', () => {
    const threads = [summary('full', 4), summary('pinned', 0, true), summary('empty', 0)];
    expect(reusableEmptyThread(threads, {}, {})?.id).toBe('empty');
    expect(reusableEmptyThread([summary('full', 4)], {}, {})).toBeUndefined();
  });

  it('trusts the open thread over its summary: a first message sent, or an answer on its way, makes it taken', () => {
    const withQuestion = detail([message({ id: 'q', threadId: 'open' })]);
    expect(reusableEmptyThread([summary('open', 0)], { open: withQuestion }, {})).toBeUndefined();
    const empty = detail([]);
    expect(reusableEmptyThread([summary('open', 0)], { open: empty }, {})?.id).toBe('open');
    const streaming = { s1: { threadId: 'open', messageIds: [], retry: null, droppedFields: [] } };
    expect(reusableEmptyThread([summary('open', 0)], { open: empty }, streaming)).toBeUndefined();
  });
});
