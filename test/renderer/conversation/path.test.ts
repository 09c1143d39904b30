import { describe, expect, it } from 'vitest';
import {
  activePathOf,
  buildThreadView,
  groupSiblings,
  lastUserMessage,
} from '../../../renderer/src/store/conversation/branches';
import { detail, message } from './fixtures';

/** u1 → a1, and a regenerated a2 beside it; u1 was also edited into u2 → a3. */
function branchy() {
  const u1 = message({ id: 'u1', content: 'hello' });
  const a1 = message({ id: 'a1', parentId: 'u1', role: 'assistant', content: 'first' });
  const a2 = message({ id: 'a2', parentId: 'u1', role: 'assistant', content: 'second' });
  const u2 = message({ id: 'u2', content: 'hello again' });
  const a3 = message({ id: 'a3', parentId: 'u2', role: 'assistant', content: 'third' });
  return { u1, a1, a2, u2, a3, all: [u1, a1, a2, u2, a3] };
}

describe('the active path of a branching thread', () => {
  it('runs from the root to the active leaf', () => {
    const { all } = branchy();
    expect(activePathOf(detail(all, 'a1')).map((m) => m.id)).toEqual(['u1', 'a1']);
    expect(activePathOf(detail(all, 'a3')).map((m) => m.id)).toEqual(['u2', 'a3']);
  });

  it('continues down the newest answers when the leaf has children or is unknown', () => {
    const { all } = branchy();
    expect(activePathOf(detail(all, 'u1')).map((m) => m.id)).toEqual(['u1', 'a2']);
    expect(activePathOf(detail(all, null)).map((m) => m.id)).toEqual(['u2', 'a3']);
    expect(activePathOf(detail(all, 'missing')).map((m) => m.id)).toEqual(['u2', 'a3']);
  });

  it('is empty for an empty thread', () => {
    expect(activePathOf(detail([], null))).toEqual([]);
    expect(activePathOf(undefined)).toEqual([]);
  });

  it('shows a switcher where siblings exist, pointing at the neighbours', () => {
    const { all } = branchy();
    const view = buildThreadView(detail(all, 'a2'));
    expect(view.rows.map((r) => r.id)).toEqual(['u1', 'a2']);
    expect(view.rows[0]?.branch).toEqual({ index: 0, count: 2, prevId: null, nextId: 'u2' });
    expect(view.rows[1]?.branch).toEqual({ index: 1, count: 2, prevId: 'a1', nextId: null });
  });

  it('groups the choices of one n>1 request side by side, apart from a later regeneration', () => {
    const u = message({ id: 'u', content: 'q' });
    const c0 = message({ id: 'c0', parentId: 'u', role: 'assistant', choiceIndex: 0 });
    const c1 = message({ id: 'c1', parentId: 'u', role: 'assistant', choiceIndex: 1 });
    const c2 = message({ id: 'c2', parentId: 'u', role: 'assistant', choiceIndex: 2 });
    const r = message({ id: 'r', parentId: 'u', role: 'assistant', choiceIndex: 0 });
    expect(groupSiblings([c0, c1, c2, r]).map((g) => g.map((m) => m.id))).toEqual([
      ['c0', 'c1', 'c2'],
      ['r'],
    ]);
    const view = buildThreadView(detail([u, c0, c1, c2, r], 'c1'));
    expect(view.rows[1]).toEqual({
      id: 'c1',
      branch: { index: 0, count: 2, prevId: null, nextId: 'r' },
      choiceIds: ['c0', 'c1', 'c2'],
    });
  });

  it('finds the last user message of the active branch', () => {
    const { all } = branchy();
    expect(lastUserMessage(detail(all, 'a1'))?.id).toBe('u1');
    expect(lastUserMessage(detail(all, 'a3'))?.id).toBe('u2');
  });
});
