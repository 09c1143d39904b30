import { describe, expect, it } from 'vitest';
import { MESSAGE_DEFAULTS, type Message } from '../../../main/contract/chat';
import { inspectedAnswer } from '../../../renderer/src/features/inspector/selection';

const m = (id: string, role: Message['role'], parentId: string | null, createdAt: number): Message => ({
  id,
  threadId: 't',
  parentId,
  role,
  ...MESSAGE_DEFAULTS,
  createdAt,
  updatedAt: createdAt,
});

const u1 = m('u1', 'user', null, 1);
const a1 = m('a1', 'assistant', 'u1', 2);
const a1b = m('a1b', 'assistant', 'u1', 3);
const u2 = m('u2', 'user', 'a1', 4);
const all = [u1, a1, a1b, u2];

describe('which answer the inspector shows', () => {
  it('is the selected answer', () => {
    expect(inspectedAnswer('a1', all, [u1, a1, u2])).toEqual({ message: a1, fallback: false });
  });

  it('is the newest answer to a selected user message', () => {
    expect(inspectedAnswer('u1', all, [u1, a1, u2])).toEqual({ message: a1b, fallback: false });
  });

  it('falls back to the last answer on the active path', () => {
    expect(inspectedAnswer(null, all, [u1, a1, u2])).toEqual({ message: a1, fallback: true });
    expect(inspectedAnswer('gone', all, [u1, a1, u2])).toEqual({ message: a1, fallback: true });
    expect(inspectedAnswer('u2', all, [u1, a1, u2])).toEqual({ message: a1, fallback: true });
  });

  it('is nothing before the first answer', () => {
    expect(inspectedAnswer(null, [u1], [u1])).toBeNull();
  });
});
