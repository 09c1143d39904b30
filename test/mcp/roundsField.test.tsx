// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RoundsField } from '../../renderer/src/parts/tools/RoundsField';
import { render } from '../renderer/ui/render';

/** The round cap both the canned mode and the server tools set (one field, shared). */
let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const input = () => document.querySelector('input') as HTMLInputElement;
function type(value: string) {
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input(), value);
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the max tool rounds field', () => {
  it('saves a typed cap clamped to 1–20 when focus leaves, and nothing when unchanged', () => {
    const save = vi.fn();
    view = render(<RoundsField maxRounds={3} onMaxRounds={save} hint="After this many rounds…" />);
    expect(input().labels?.[0]?.textContent).toBe('Max tool rounds');
    type('99');
    act(() => input().dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    expect(save).toHaveBeenCalledWith(20);
    expect(input().value).toBe('20');
    save.mockClear();
    type('3');
    act(() => input().dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    expect(save).not.toHaveBeenCalled();
  });

  it('follows a cap saved elsewhere (the other field sets the same thread setting)', () => {
    const save = vi.fn();
    view = render(<RoundsField maxRounds={3} onMaxRounds={save} hint="" />);
    view.rerender(<RoundsField maxRounds={7} onMaxRounds={save} hint="" />);
    expect(input().value).toBe('7');
  });
});
