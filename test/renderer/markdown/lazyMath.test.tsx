// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarkdownView } from '../../../renderer/src/markdown/MarkdownView';
import { loadMath } from '../../../renderer/src/markdown/mathRender';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
const container = document.createElement('div');
afterAll(() => container.remove());

describe('KaTeX loads when the first formula needs it', () => {
  it('shows a formula as its TeX until KaTeX has arrived, then the same message shows it typeset', async () => {
    document.body.append(container);
    const root = createRoot(container);
    // Nothing has asked for KaTeX in this fresh module graph, so the first render has only the TeX.
    act(() => root.render(<MarkdownView messageId="m1" text="Energy: $E = mc^2$ in joules." />));
    expect(container.querySelector('.katex')).toBeNull();
    expect(container.textContent).toContain('$E = mc^2$');

    await act(() => loadMath());

    expect(container.querySelector('.katex')).not.toBeNull();
    expect(container.querySelector('annotation')?.textContent).toBe('E = mc^2');
    expect(container.textContent).not.toContain('$E = mc^2$');
    act(() => root.unmount());
  });
});
