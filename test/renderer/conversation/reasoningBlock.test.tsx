// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../main/contract';
import { ReasoningBlock } from '../../../renderer/src/features/conversation/ReasoningBlock';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

let container: HTMLElement | null = null;
afterEach(() => {
  container?.remove();
  container = null;
});

function show(reasoning: string, status: Message['status'] = 'streaming'): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  const message = { id: 'm1', role: 'assistant', content: '', reasoning, status } as Message;
  act(() => createRoot(container as HTMLElement).render(<ReasoningBlock message={message} />));
  return container;
}

describe("a model's reasoning", () => {
  it('shows as typed, with its length in words', () => {
    const view = show('First, <b>consider</b> the pelican.');
    expect(view.querySelector('.reasoning-count')?.textContent).toBe('4 words');
    expect(view.querySelector('.reasoning-text')?.textContent).toBe('First, <b>consider</b> the pelican.');
    expect(view.querySelector('b')).toBeNull();
  });

  it('of 5 MB shows its first part and "Show all", not 5 MB of text in one frame', () => {
    const view = show(`${'think '.repeat(400_000)}${'x'.repeat(2_600_000)}`);
    expect(view.querySelector('.reasoning-count')?.textContent).toBe('5.0 MB');
    expect(view.querySelector('.reasoning-text')?.textContent?.length).toBeLessThan(40_000);
    expect(view.querySelector('.msg-more')?.textContent).toBe('Showing the first 32 KB of 5.0 MBShow all');
  });
});
