// @vitest-environment jsdom
/// <reference types="vite/client" />
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MessageErrorBoundary } from '../../../renderer/src/features/conversation/MessageErrorBoundary';
import { MessageParts } from '../../../renderer/src/features/conversation/MessageParts';
import { PlainText } from '../../../renderer/src/markdown/PlainText';
import { renderFailed } from '../../../renderer/src/platform/renderFailures';
import { VisibleName, visibleText } from '../../../renderer/src/platform/visibleName';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

let container: HTMLElement | null = null;
afterEach(() => {
  container?.remove();
  container = null;
  localStorage.clear();
});

function show(node: React.ReactNode): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(node));
  return container;
}

// The markup comes first: the fallback shows the first part, and a 20,001-character run is three.
const DEEP_EMPHASIS = `<b>not markup</b> ${'*'.repeat(10_000)}x${'*'.repeat(10_000)}`;

/** A renderer that overflows its stack, as marked did on hostile input before the caps. */
function Overflowing(): never {
  throw new RangeError('Maximum call stack size exceeded');
}

describe('a message whose rendering fails', () => {
  it('shows its text escaped with the reason instead of blanking the window', () => {
    const view = show(
      <div>
        <MessageErrorBoundary threadId="thread-1" text={DEEP_EMPHASIS}>
          <Overflowing />
        </MessageErrorBoundary>
        <p>the rest of the window</p>
      </div>,
    );
    expect(view.textContent).toContain('Shown as plain text: the text nests too deeply to render');
    expect(view.textContent).toContain('<b>not markup</b>');
    expect(view.querySelector('b')).toBeNull();
    expect(view.textContent).toContain('the rest of the window');
    expect(renderFailed('thread-1')).toBe(true);
  });
});

describe('a huge message', () => {
  it('renders its first part and offers the rest', () => {
    const text = 'x'.repeat(5_000_000);
    const view = show(
      <MessageParts text={text} renderPart={(part) => <PlainText className="msg-text" text={part} />} />,
    );
    // An unbroken run costs four times what prose does to lay out: its first part is 8,000 characters.
    expect(view.textContent?.length).toBeLessThan(10_000);
    expect(view.textContent).toContain('Showing the first 8 KB of 5.0 MB');
    expect(view.querySelector('button')?.textContent).toBe('Show all');
    // The unbroken run is marked to break anywhere instead of by overflow-wrap's costly search.
    expect(view.querySelector('.md-run')).not.toBeNull();
  });
});

describe('an untrusted name', () => {
  it('shows a right-to-left override as a badge and isolates the name', () => {
    const view = show(<VisibleName name={'get_\u202Etxt.exe'} />);
    const bdi = view.querySelector('bdi');
    expect(bdi).not.toBeNull();
    expect(bdi?.textContent).toBe('get_⟨U+202E⟩txt.exe');
    expect(bdi?.textContent).not.toContain('\u202E');
    expect(visibleText('gpt\u200B-4o\u2066')).toBe('gpt⟨U+200B⟩-4o⟨U+2066⟩');
    expect(visibleText('plain-model_1.2')).toBe('plain-model_1.2');
  });
});
