// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../main/contract/chat';
import { TokenView } from '../../../renderer/src/parts/logprobs';
import { press, render } from '../ui/render';

let view: ReturnType<typeof render> | undefined;
afterEach(() => view?.unmount());

const entry = (token: string, p: number, alternatives: [string, number][] = []) => ({
  token,
  logprob: Math.log(p),
  bytes: null,
  top_logprobs: alternatives.map(([t, q]) => ({ token: t, logprob: Math.log(q), bytes: null })),
});

const TOKENS = [
  entry('The', 0.98, [
    ['The', 0.98],
    ['A', 0.01],
  ]),
  entry(' sky', 0.6, [
    ['sky', 0.6],
    [' sea', 0.3],
  ]),
  entry(' is', 0.99),
  entry(' blue', 0.3),
  entry('.\n', 0.95),
];

function mount() {
  const message = {
    id: 'm1',
    status: 'done',
    logprobs: TOKENS,
  } as unknown as Message;
  view = render(<TokenView message={message} />);
}

const tokens = () => [...document.querySelectorAll<HTMLElement>('[data-token-index]')];
const focused = () => document.activeElement?.getAttribute('data-token-index') ?? null;
const tabStops = () => tokens().filter((t) => t.tabIndex === 0);
const alternatives = () => document.querySelector('[data-testid="token-alternatives"]');

describe('the token view by keyboard', () => {
  it('is one tab stop; arrows, Home and End walk the tokens in reading order', () => {
    mount();
    expect(tabStops().map((t) => t.dataset.tokenIndex)).toEqual(['0']);
    act(() => tabStops()[0]?.focus());
    press('ArrowRight');
    expect(focused()).toBe('1');
    press('ArrowDown');
    expect(focused()).toBe('2');
    press('ArrowLeft');
    expect(focused()).toBe('1');
    press('End');
    expect(focused()).toBe('4');
    // The ends hold: no wrap to the start.
    press('ArrowRight');
    expect(focused()).toBe('4');
    press('Home');
    expect(focused()).toBe('0');
    press('ArrowUp');
    expect(focused()).toBe('0');
    // Page keys step twenty tokens, stopping at the end.
    press('PageDown');
    expect(focused()).toBe('4');
    press('PageUp');
    expect(focused()).toBe('0');
    press('End');
    // Tab comes back to the token last focused: still one stop.
    expect(tabStops().map((t) => t.dataset.tokenIndex)).toEqual(['4']);
  });

  it('names each token with its probability, whitespace made visible', () => {
    mount();
    expect(tokens().map((t) => t.getAttribute('aria-label'))).toEqual([
      'The 98.0%',
      '␣sky 60.0%',
      '␣is 99.0%',
      '␣blue 30.0%',
      '.↵ 95.0%',
    ]);
    expect(document.querySelector('[aria-label^="Answer tokens"]')).not.toBeNull();
  });

  it('a focused token shows its alternatives, which describe it; Esc hides them and focus stays', () => {
    mount();
    act(() => tokens()[1]?.focus());
    const shown = alternatives();
    expect(shown?.textContent).toContain('␣sea');
    expect(tokens()[1]?.getAttribute('aria-describedby')).toBe(shown?.id);
    press('ArrowRight');
    expect(alternatives()?.textContent).toContain('No alternatives returned');
    press('Escape');
    expect(alternatives()).toBeNull();
    expect(focused()).toBe('2');
    // Moving on shows the next token's.
    press('ArrowLeft');
    expect(alternatives()?.textContent).toContain('␣sea');
  });
});
