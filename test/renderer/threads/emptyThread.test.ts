import { describe, expect, it } from 'vitest';
import { reusableEmptyThread } from '../../../renderer/src/store/threads/emptyThread';
import { detail, message, threadSummary } from '../conversation/fixtures';

const summary = (id: string, messageCount: number, pinned = false) =>
  threadSummary({ id, title: 'New thread', messageCount, pinned });

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
